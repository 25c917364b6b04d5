// Sessions: start one, read it with all turns, answer the current turn, retry an answered question, end, delete,
// and the Markdown report.
import { Hono } from 'hono';
import type { AppContext } from '../../app/context.js';
import { sessionReportMarkdown } from '../../app/report.js';
import {
  AnswerRequest,
  answerHandler,
  deleteSessionHandler,
  endSessionHandler,
  getSessionHandler,
  RetryRequest,
  retryHandler,
  sessionListHandler,
  startSessionHandler,
  turnView,
} from '../../app/sessions.js';
import { pendingTurn } from '../../core/interview/engine.js';
import { summarize } from '../../core/interview/summary.js';
import { SessionConfig, type SessionState } from '../../core/interview/types.js';
import { jsonBody } from '../validate.js';

/** A session as the client sees it; in interview style the analyses stay hidden until the end. */
export function sessionView(ctx: AppContext, s: SessionState) {
  const reveal = s.config.style === 'practice' || s.status === 'finished';
  const current = pendingTurn(s);
  return {
    id: s.id,
    config: s.config,
    status: s.status,
    createdAt: s.createdAt,
    finishedAt: s.finishedAt,
    planned: s.plan.length,
    turns: s.turns.map((t) => ({
      ...turnView(ctx, t),
      answer: t.answer
        ? {
            answerId: t.answer.answerId,
            text: t.answer.text,
            // The text the analysis spans point into: each answer's own (follow-ups are graded on their own).
            gradedText: t.answer.text,
            durationSec: t.answer.durationSec,
            createdAt: t.answer.createdAt,
            score: reveal ? t.answer.score : null,
            analysis: reveal ? t.answer.analysis : null,
          }
        : null,
    })),
    retries: s.retries.map((r) => ({
      step: r.step,
      answerId: r.answer.answerId,
      text: r.answer.text,
      createdAt: r.answer.createdAt,
      score: reveal ? r.answer.score : null,
      analysis: reveal ? r.answer.analysis : null,
    })),
    current: current ? turnView(ctx, current) : null,
    summary: s.status === 'finished' ? summarize(s) : null,
  };
}

export function sessionRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.post('/sessions', async (c) => {
    const body = await jsonBody(
      c,
      SessionConfig.omit({ maxFollowUps: true }).extend({
        maxFollowUps: SessionConfig.shape.maxFollowUps.optional(),
      }),
    );
    const { session } = startSessionHandler(ctx, body);
    return c.json(sessionView(ctx, session), 201);
  });
  app.get('/sessions', (c) => c.json({ sessions: sessionListHandler(ctx, 100) }));
  app.get('/sessions/:id', (c) => c.json(sessionView(ctx, getSessionHandler(ctx, c.req.param('id')))));
  app.post('/sessions/:id/end', (c) => c.json(sessionView(ctx, endSessionHandler(ctx, c.req.param('id')))));
  app.delete('/sessions/:id', (c) => c.json(deleteSessionHandler(ctx, c.req.param('id'))));
  app.post('/sessions/:id/answers', async (c) => {
    const body = await jsonBody(c, AnswerRequest);
    return c.json(answerHandler(ctx, c.req.param('id'), body), 201);
  });
  app.post('/sessions/:id/retries', async (c) => {
    const body = await jsonBody(c, RetryRequest);
    return c.json(retryHandler(ctx, c.req.param('id'), body), 201);
  });
  app.get('/sessions/:id/report.md', (c) => {
    const markdown = sessionReportMarkdown(ctx.bank, getSessionHandler(ctx, c.req.param('id')));
    return c.body(markdown, 200, { 'content-type': 'text/markdown; charset=utf-8' });
  });
  return app;
}
