// Session handlers: start, answer (committed at once), read, resume. The CLI, the HTTP API and the tests call these.
import { z } from 'zod';
import { type AnswerComparison, compareAnalyses } from '../core/analysis/compare.js';
import { followUpOf, followUpQuestion, withFollowUp } from '../core/analysis/followUp.js';
import {
  type Analysis,
  analyzeAnswer,
  bankLexicon,
  MAX_ANSWER_CHARS,
  termModel,
} from '../core/analysis/index.js';
import type { Question } from '../core/bank/schema.js';
import { ConflictError, InputError, NotFoundError } from '../core/errors.js';
import { applyAnswer, pendingTurn, startSession } from '../core/interview/engine.js';
import { finalAnalyses, type SessionSummary, summarize } from '../core/interview/summary.js';
import {
  SessionConfig,
  type SessionConfigInput,
  type SessionState,
  type Turn,
} from '../core/interview/types.js';
import type { SessionListItem } from '../storage/store.js';
import type { AppContext } from './context.js';
import { reviewWith } from './review.js';

export const AnswerRequest = z.strictObject({
  text: z.string(),
  durationSec: z.number().positive().max(3600).optional(),
  /** Pauses over 2 s while speaking (between recognised words). */
  pauses: z.number().int().min(0).max(10_000).optional(),
  /** The position of the turn being answered; a mismatch (another tab answered first) is a 409. */
  position: z.number().int().min(0).optional(),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;

export interface TurnView extends Omit<Turn, 'answer'> {
  readonly question: Pick<Question, 'id' | 'category' | 'level' | 'kind' | 'text'> | null;
}

export interface AnswerResult {
  readonly sessionId: string;
  readonly answered: {
    readonly position: number;
    readonly answerId: number;
    readonly version: number;
    readonly score: number | null;
    /** The text the analysis spans point into (a follow-up is graded with the first answer before it). */
    readonly gradedText: string;
  };
  /** Null in interview style until the session is finished. */
  readonly analysis: Analysis | null;
  readonly comparison: AnswerComparison | null;
  readonly next: TurnView | null;
  readonly finished: boolean;
  readonly summary: SessionSummary | null;
}

export function turnView(ctx: AppContext, turn: Turn): TurnView {
  const { answer: _answer, ...rest } = turn;
  const q = turn.questionId ? ctx.bank.byId(turn.questionId) : undefined;
  return {
    ...rest,
    question: q ? { id: q.id, category: q.category, level: q.level, kind: q.kind, text: q.text } : null,
  };
}

export function startSessionHandler(
  ctx: AppContext,
  input: SessionConfigInput,
): { session: SessionState; current: TurnView } {
  const session = startSession(ctx.bank, ctx.newId(), input, ctx.now().toISOString(), ctx.newSeed());
  ctx.store.transaction(() => ctx.store.insertSession(session));
  return { session, current: turnView(ctx, session.turns[0] as Turn) };
}

export function getSessionHandler(ctx: AppContext, id: string): SessionState {
  const session = ctx.store.getSession(id);
  if (!session) throw new NotFoundError(`no session with id "${id}" (see 'mockops history')`);
  return session;
}

/**
 * Past sessions, newest first, with the same counts the room, the summary and the report give: questions answered
 * (a follow-up is part of its question, not another answer) and the average of the questions' results.
 */
export function sessionListHandler(ctx: AppContext, limit: number): SessionListItem[] {
  return ctx.store.listSessions(limit).map((item) => {
    const state = ctx.store.getSession(item.id);
    if (!state) return item;
    const summary = summarize(state);
    return { ...item, answered: summary.answered, averageScore: summary.overall };
  });
}

/** End an unfinished session now: it is kept with its answers and shown as ended early. */
export function endSessionHandler(ctx: AppContext, id: string): SessionState {
  const session = getSessionHandler(ctx, id);
  if (session.status !== 'active') throw new ConflictError(`session ${id} is already finished`);
  if (!ctx.store.endSession(id, ctx.now().toISOString()))
    throw new ConflictError(`session ${id} was finished elsewhere (another tab or process?)`);
  return getSessionHandler(ctx, id);
}

/** Delete a session and its conversation; its answers stay in the practice history. */
export function deleteSessionHandler(ctx: AppContext, id: string): { deleted: string; answersKept: number } {
  const kept = ctx.store.deleteSession(id);
  if (kept === null) throw new NotFoundError(`no session with id "${id}" (see 'mockops history')`);
  return { deleted: id, answersKept: kept };
}

export function validateAnswerText(text: string): string {
  if (text.trim() === '') throw new InputError('the answer is empty: type or say something first');
  if (text.length > MAX_ANSWER_CHARS) {
    throw new InputError(
      `the answer is ${text.length.toLocaleString('en-US')} characters; the limit is ${MAX_ANSWER_CHARS.toLocaleString('en-US')}`,
      { code: 'too_large' },
    );
  }
  return text;
}

function analyse(
  ctx: AppContext,
  question: Question,
  text: string,
  durationSec: number | undefined,
  pauses?: number,
): Analysis {
  return analyzeAnswer({
    question,
    answer: text,
    durationSec,
    pauses,
    commonRedFlags: ctx.bank.commonRedFlags,
    termModel: termModel(ctx.bank.questions, ctx.bank.commonRedFlags),
    grammarLexicon: bankLexicon(ctx.bank.questions),
    year: new Date().getFullYear(),
    rivals: ctx.bank.questions,
  });
}

/**
 * A follow-up answer is graded on its own, against what the follow-up probes (regression: it used to be graded
 * as the first answer and the follow-up joined, against the first question). It carries the question's result.
 */
function analyseFollowUp(
  ctx: AppContext,
  session: SessionState,
  turn: Turn,
  question: Question,
  text: string,
  durationSec: number | undefined,
  pauses?: number,
): Analysis {
  const probe = followUpOf(question, turn.prompt);
  const own = analyse(ctx, probe ? followUpQuestion(question, probe) : question, text, durationSec, pauses);
  // What the follow-up adds to: the question's answer so far (the latest retry of it, else the first answer).
  const base = finalAnalyses(session).find((r) => r.first.step === turn.step)?.base;
  return base ? { ...own, questionId: question.id, questionResult: withFollowUp(base, own, probe) } : own;
}

/** "question 2", or "the follow-up to question 2": the numbers the room's progress bar shows (plan steps). */
function turnName(turn: Turn): string {
  return turn.kind === 'follow-up'
    ? `the follow-up to question ${turn.step + 1}`
    : `question ${turn.step + 1}`;
}

export function answerHandler(ctx: AppContext, sessionId: string, req: AnswerRequest): AnswerResult {
  const text = validateAnswerText(req.text);
  return ctx.store.transaction(() => {
    const session = getSessionHandler(ctx, sessionId);
    const pending = pendingTurn(session);
    if (!pending)
      throw new ConflictError(
        `session ${sessionId} is finished (in another tab or process?); its summary is in the room, or start a new one`,
      );
    if (req.position !== undefined && req.position !== pending.position) {
      const answered = session.turns.find((t) => t.position === req.position);
      throw new ConflictError(
        `${answered ? turnName(answered) : `turn ${req.position + 1}`} was already answered (another tab?); the session is now at ${turnName(pending)}`,
      );
    }
    const now = ctx.now();
    const question = pending.questionId ? (ctx.bank.byId(pending.questionId) ?? null) : null;
    const analysis = question
      ? pending.kind === 'follow-up'
        ? analyseFollowUp(ctx, session, pending, question, text, req.durationSec, req.pauses)
        : analyse(ctx, question, text, req.durationSec, req.pauses)
      : null;
    const previous =
      question && pending.kind === 'question'
        ? ctx.store
            .answersFor(question.id)
            .filter((a) => a.analysis)
            .at(-1)
        : undefined;
    const stored = ctx.store.insertAnswer({
      questionId: pending.kind === 'question' ? (question?.id ?? null) : null,
      sessionId,
      text,
      durationSec: req.durationSec ?? null,
      analysis,
      createdAt: now.toISOString(),
    });
    const next = applyAnswer(ctx.bank, session, stored, now.toISOString());
    ctx.store.saveProgress(next, pending.position, stored.answerId);
    // The review card takes the question's result once: after the follow-up when one is asked (first answer
    // and what the follow-up added), else after the first answer.
    const questionScore = analysis?.questionResult?.score ?? analysis?.score;
    const followUpNext = pending.kind === 'question' && pendingTurn(next)?.kind === 'follow-up';
    if (question && analysis && questionScore !== undefined && !followUpNext) {
      reviewWith(ctx, question.id, questionScore, stored.answerId, now);
    }
    const finished = next.status === 'finished';
    const showFeedback = session.config.style === 'practice' || finished;
    const upcoming = pendingTurn(next);
    return {
      sessionId,
      answered: {
        position: pending.position,
        answerId: stored.answerId,
        version: stored.version,
        score: showFeedback ? (analysis?.score ?? null) : null,
        gradedText: text,
      },
      analysis: showFeedback ? analysis : null,
      comparison:
        showFeedback && previous?.analysis && analysis
          ? compareAnalyses(previous.analysis, analysis, { before: previous.text, after: text })
          : null,
      next: upcoming ? turnView(ctx, upcoming) : null,
      finished,
      summary: finished ? summarize(next) : null,
    };
  });
}

export const RetryRequest = z.strictObject({
  /** The question answered again: its plan step (the progress bar's "Question n" minus one). */
  step: z.number().int().min(0),
  text: z.string(),
  durationSec: z.number().positive().max(3600).optional(),
  pauses: z.number().int().min(0).max(10_000).optional(),
});
export type RetryRequest = z.infer<typeof RetryRequest>;

export interface RetryResult {
  readonly sessionId: string;
  readonly step: number;
  readonly answerId: number;
  readonly version: number;
  /** Graded against the whole question, as its first answer was. */
  readonly analysis: Analysis;
  /** Against the answer it retries (the latest retry of the question, else its first answer). */
  readonly comparison: AnswerComparison | null;
  /** The question's result in the session: before its first retry and now, and how often it was retried. */
  readonly question: { readonly before: number; readonly after: number; readonly times: number };
  /** The review card's next date, or null while the question's follow-up is still to be answered (it sets it). */
  readonly due: string | null;
}

/**
 * Answer a question of the session again after its feedback (practice style, or any session once finished). A
 * retry is not a new question: the summary, history and report still count the question once, with the retry's
 * result as its result (and "retried: before → after"); the review card takes the retry's score.
 */
export function retryHandler(ctx: AppContext, sessionId: string, req: RetryRequest): RetryResult {
  const text = validateAnswerText(req.text);
  return ctx.store.transaction(() => {
    const session = getSessionHandler(ctx, sessionId);
    const planned = session.plan[req.step];
    const n = req.step + 1;
    if (!planned)
      throw new InputError(
        `session ${sessionId} has ${session.plan.length} questions; there is no question ${n}`,
      );
    if (planned.kind !== 'question' || !planned.questionId)
      throw new InputError(
        `question ${n} of session ${sessionId} is your questions for the interviewer: nothing to grade`,
      );
    if (session.config.style === 'interview' && session.status === 'active')
      throw new ConflictError(
        `session ${sessionId} is in interview style: its feedback, and retries, come after the last question`,
      );
    const soFar = finalAnalyses(session).find((r) => r.first.step === req.step);
    if (!soFar)
      throw new ConflictError(
        `question ${n} of session ${sessionId} has not been answered yet: answer it first`,
      );
    const question = ctx.bank.byId(planned.questionId);
    if (!question) throw new NotFoundError(`question "${planned.questionId}" is no longer in the bank`);
    const now = ctx.now();
    const analysis = analyse(ctx, question, text, req.durationSec, req.pauses);
    const stored = ctx.store.insertAnswer({
      questionId: question.id,
      sessionId,
      text,
      durationSec: req.durationSec ?? null,
      analysis,
      createdAt: now.toISOString(),
      retryStep: req.step,
    });
    // The follow-up still to come builds on this retry and sets the card; otherwise the retry sets it now.
    const pending = pendingTurn(session);
    const followUpPending = pending?.kind === 'follow-up' && pending.step === req.step;
    let due: string | null = null;
    if (!followUpPending) {
      due = reviewWith(ctx, question.id, analysis.score, stored.answerId, now);
    }
    const row = summarize(getSessionHandler(ctx, sessionId)).questions.find((q) => q.step === req.step);
    return {
      sessionId,
      step: req.step,
      answerId: stored.answerId,
      version: stored.version,
      analysis,
      comparison: compareAnalyses(soFar.base, analysis, { before: soFar.baseText, after: text }),
      question: {
        before: row?.retried?.before ?? soFar.result.score,
        after: row?.score ?? analysis.score,
        times: row?.retried?.times ?? 1,
      },
      due,
    };
  });
}

/** The last unfinished session, for `--resume`. */
export function resumeHandler(ctx: AppContext): { session: SessionState; current: TurnView } {
  const session = ctx.store.latestActiveSession();
  if (!session)
    throw new NotFoundError('there is no unfinished session to resume; start one with `mockops interview`');
  const pending = pendingTurn(session);
  if (!pending) throw new ConflictError(`session ${session.id} has nothing left to answer`);
  return { session, current: turnView(ctx, pending) };
}

/** Answer a single bank question outside a session (practice and the workshop): a new version, compared with the last. */
export function practiceAnswerHandler(ctx: AppContext, questionId: string, req: AnswerRequest) {
  const text = validateAnswerText(req.text);
  const question = ctx.bank.byId(questionId);
  if (!question) throw new NotFoundError(`no question with id "${questionId}" in the bank`);
  return ctx.store.transaction(() => {
    const now = ctx.now();
    const analysis = analyse(ctx, question, text, req.durationSec, req.pauses);
    const previous = ctx.store
      .answersFor(question.id)
      .filter((a) => a.analysis)
      .at(-1);
    const stored = ctx.store.insertAnswer({
      questionId,
      sessionId: null,
      text,
      durationSec: req.durationSec ?? null,
      analysis,
      createdAt: now.toISOString(),
    });
    const due = reviewWith(ctx, question.id, analysis.score, stored.answerId, now);
    return {
      answerId: stored.answerId,
      version: stored.version,
      analysis,
      comparison: previous?.analysis
        ? compareAnalyses(previous.analysis, analysis, { before: previous.text, after: stored.text })
        : null,
      due,
    };
  });
}

export { SessionConfig };
