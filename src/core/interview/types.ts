// Interview sessions as data: the plan, the turns, and what the interviewer says between them.
import { z } from 'zod';
import type { Analysis } from '../analysis/types.js';
import { Category, Level } from '../bank/schema.js';
import { MODES, STYLES } from '../vocabulary.js';

export { MODES, STYLES } from '../vocabulary.js';

export const Mode = z.enum(MODES);
export type Mode = z.infer<typeof Mode>;

export const Style = z.enum(STYLES);
export type Style = z.infer<typeof Style>;

export const SessionConfig = z.strictObject({
  mode: Mode,
  /** practice: feedback after each answer; interview: feedback only at the end. */
  style: Style.default('practice'),
  category: Category.optional(),
  level: Level.optional(),
  /** Questions in the session (follow-ups not counted). */
  count: z.number().int().min(1).max(30).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  /** Ask exactly these bank questions, in this order (a drill on chosen questions). */
  questionIds: z.array(z.string().min(1)).min(1).max(30).optional(),
  /** Follow-ups per question at most (default 1). */
  maxFollowUps: z.number().int().min(0).max(3).default(1),
});
export type SessionConfig = z.infer<typeof SessionConfig>;
export type SessionConfigInput = z.input<typeof SessionConfig>;

/** One planned step: a bank question, or the "any questions for me?" moment. */
export interface PlannedStep {
  readonly kind: 'question' | 'candidate-questions';
  readonly questionId: string | null;
}

export type TurnKind = 'question' | 'follow-up' | 'candidate-questions';
/** What length the interviewer expects: quick (3–4 sentences) or full (structured). */
export type Expect = 'quick' | 'full';

export interface TurnAnswer {
  readonly answerId: number;
  readonly text: string;
  readonly durationSec: number | null;
  readonly score: number | null;
  readonly grade: number | null;
  readonly analysis: Analysis | null;
  readonly createdAt: string;
}

export interface Turn {
  readonly position: number;
  readonly kind: TurnKind;
  /** Index into the plan this turn belongs to. */
  readonly step: number;
  readonly questionId: string | null;
  /** Acknowledgement and transition said before the prompt. */
  readonly preface: string;
  readonly prompt: string;
  readonly expect: Expect;
  readonly answer: TurnAnswer | null;
}

export type SessionStatus = 'active' | 'finished';

/**
 * A retry inside the session: the candidate answered a planned question again after its feedback. It is not a
 * new question (nor a turn): it replaces that question's result in the summary and the review card.
 */
export interface SessionRetry {
  /** The plan step (question) it answers again. */
  readonly step: number;
  readonly answer: TurnAnswer;
}

export interface SessionState {
  readonly id: string;
  readonly config: SessionConfig & { seed: number; count: number };
  readonly plan: readonly PlannedStep[];
  readonly turns: readonly Turn[];
  /** Retries of answered questions, oldest first. */
  readonly retries: readonly SessionRetry[];
  readonly status: SessionStatus;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}
