// Questions: browse and filter the bank, read one, practise it (versioned answers), and live analysis.
import { Hono } from 'hono';
import { z } from 'zod';
import { AnalyzeRequest, runAnalysis } from '../../app/analysis.js';
import type { AppContext } from '../../app/context.js';
import { AnswerRequest, practiceAnswerHandler } from '../../app/sessions.js';
import { CATEGORIES, Category, Kind, type Question } from '../../core/bank/schema.js';
import { NotFoundError } from '../../core/errors.js';
import { jsonBody, query } from '../validate.js';

const QuestionQuery = z.object({
  category: Category.optional(),
  level: z
    .enum(['1', '2', '3'])
    .transform(Number)
    .pipe(z.union([z.literal(1), z.literal(2), z.literal(3)]))
    .optional(),
  kind: Kind.optional(),
  tag: z.string().max(60).optional(),
  q: z.string().max(200).optional(),
});

export function summary(q: Question) {
  return {
    id: q.id,
    category: q.category,
    level: q.level,
    kind: q.kind,
    text: q.text,
    zh: q.zh.translation,
    tags: q.tags,
    source: q.source,
  };
}

export function questionRoutes(ctx: AppContext): Hono {
  const app = new Hono();
  app.get('/questions', (c) => {
    const f = query(c, QuestionQuery);
    const questions = ctx.bank.filter({
      category: f.category,
      level: f.level,
      kind: f.kind,
      tag: f.tag,
      search: f.q,
    });
    return c.json({ total: questions.length, questions: questions.map(summary) });
  });
  // The categories that hold questions, with their counts: the pickers offer only these.
  app.get('/categories', (c) => {
    const counts = new Map<string, number>();
    for (const q of ctx.bank.questions) counts.set(q.category, (counts.get(q.category) ?? 0) + 1);
    const categories = CATEGORIES.filter((k) => (counts.get(k) ?? 0) > 0).map((k) => ({
      category: k,
      count: counts.get(k) ?? 0,
    }));
    return c.json({ categories });
  });
  app.get('/questions/:id', (c) => {
    const q = ctx.bank.byId(c.req.param('id'));
    if (!q) throw new NotFoundError(`no question with id "${c.req.param('id')}"`);
    return c.json({ question: q });
  });
  app.get('/questions/:id/answers', (c) => {
    const id = c.req.param('id');
    if (!ctx.bank.byId(id)) throw new NotFoundError(`no question with id "${id}"`);
    return c.json({ answers: ctx.store.answersFor(id) });
  });
  app.post('/questions/:id/answers', async (c) => {
    const body = await jsonBody(c, AnswerRequest);
    return c.json(practiceAnswerHandler(ctx, c.req.param('id'), body), 201);
  });
  app.post('/analyze', async (c) => {
    const body = await jsonBody(c, AnalyzeRequest);
    const analysis = runAnalysis(ctx.bank, body);
    return c.json({ ...analysis, score: analysis.score });
  });
  return app;
}
