// The interviewer: from a plan and the answers so far, decide what is said next. Pure and deterministic per seed.

import { DEFAULT_POLICY } from '../analysis/policy.js';
import type { Analysis } from '../analysis/types.js';
import type { Bank } from '../bank/index.js';
import type { Question } from '../bank/schema.js';
import { ConflictError, InputError } from '../errors.js';
import { DEFAULT_COUNT, planSession } from './plan.js';
import { seededRandom } from './random.js';
import type {
  Expect,
  PlannedStep,
  SessionConfig,
  SessionConfigInput,
  SessionState,
  Turn,
  TurnAnswer,
} from './types.js';
import { SessionConfig as SessionConfigSchema } from './types.js';
import {
  acknowledgement,
  bandOf,
  CANDIDATE_QUESTIONS_PROMPT,
  CLOSING,
  FOLLOW_UP_LEADS,
  GREETING,
  ONE_QUESTION_GREETING,
  transition,
} from './voice.js';

/** Answers at or above this score get no follow-up: the interviewer moves on (the policy's band). */
export const FOLLOW_UP_BELOW = DEFAULT_POLICY.bands.followUpBelow;

export function normaliseConfig(input: SessionConfigInput, seedFallback: number): SessionState['config'] {
  const parsed = SessionConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`invalid session settings: ${issue?.path.join('.') || 'config'}: ${issue?.message}`);
  }
  const config: SessionConfig = parsed.data;
  const count = config.questionIds?.length ?? config.count ?? DEFAULT_COUNT[config.mode];
  return { ...config, seed: config.seed ?? seedFallback, count };
}

function expectFor(config: SessionState['config']): Expect {
  return config.mode === 'quick' ? 'quick' : 'full';
}

function questionOf(bank: Bank, step: PlannedStep | undefined): Question | null {
  if (!step?.questionId) return null;
  return bank.byId(step.questionId) ?? null;
}

function turnForStep(
  bank: Bank,
  state: Pick<SessionState, 'config' | 'plan'>,
  stepIndex: number,
  position: number,
  preface: string,
  previous: Question | null,
): Turn {
  const step = state.plan[stepIndex] as PlannedStep;
  if (step.kind === 'candidate-questions') {
    return {
      position,
      kind: 'candidate-questions',
      step: stepIndex,
      questionId: null,
      preface,
      prompt: CANDIDATE_QUESTIONS_PROMPT,
      expect: 'quick',
      answer: null,
    };
  }
  const q = questionOf(bank, step);
  if (!q) throw new InputError(`question "${step.questionId}" of this session is no longer in the bank`);
  const random = seededRandom(state.config.seed * 31 + position);
  const move = previous ? transition(random, previous.category, q.category, q.level > previous.level) : '';
  return {
    position,
    kind: 'question',
    step: stepIndex,
    questionId: q.id,
    preface: [preface, move].filter(Boolean).join(' '),
    prompt: q.text,
    expect: expectFor(state.config),
    answer: null,
  };
}

/** A new session: its plan and the first turn (greeting included). */
export function startSession(
  bank: Bank,
  id: string,
  input: SessionConfigInput,
  now: string,
  seedFallback: number,
): SessionState {
  const config = normaliseConfig(input, seedFallback);
  const plan = planSession(bank, config);
  const base = { config, plan };
  const greeting = plan.length === 1 ? ONE_QUESTION_GREETING : (GREETING[config.mode] ?? '');
  const first = turnForStep(bank, base, 0, 0, greeting, null);
  return {
    id,
    config,
    plan,
    turns: [first],
    retries: [],
    status: 'active',
    createdAt: now,
    finishedAt: null,
  };
}

/** The turn waiting for an answer, or null when the session is finished. */
export function pendingTurn(state: SessionState): Turn | null {
  const last = state.turns[state.turns.length - 1];
  return state.status === 'active' && last && !last.answer ? last : null;
}

function followUpsAsked(state: SessionState, step: number): number {
  return state.turns.filter((t) => t.step === step && t.kind === 'follow-up').length;
}

/**
 * After the pending turn is answered: the next turn (a follow-up, the next planned step), or null at the end.
 * `analysis` is the answer's analysis (null for the candidate's own questions).
 */
export function nextTurn(bank: Bank, state: SessionState, analysis: Analysis | null): Turn | null {
  const last = state.turns[state.turns.length - 1];
  if (!last?.answer) throw new ConflictError('the current question has not been answered yet');
  const position = last.position + 1;
  const random = seededRandom(state.config.seed * 31 + position);
  const band = bandOf(analysis?.score ?? null, analysis?.substance.nonAnswer ?? false);
  const ack = last.kind === 'candidate-questions' ? '' : acknowledgement(random, band);
  const current = questionOf(bank, state.plan[last.step]);
  const wantsFollowUp =
    analysis !== null &&
    current !== null &&
    analysis.followUp !== null &&
    !analysis.substance.nonAnswer &&
    (analysis.score < FOLLOW_UP_BELOW || analysis.flags.length > 0) &&
    followUpsAsked(state, last.step) < state.config.maxFollowUps;
  if (wantsFollowUp && current && analysis?.followUp) {
    const lead = FOLLOW_UP_LEADS[Math.floor(random() * FOLLOW_UP_LEADS.length)] ?? '';
    // Staying on the question: an acknowledgement that does not announce moving on ("let's move on" + "one more on this").
    const stay = acknowledgement(random, band, { staying: true });
    return {
      position,
      kind: 'follow-up',
      step: last.step,
      questionId: current.id,
      preface: [stay, lead].filter(Boolean).join(' '),
      prompt: analysis.followUp,
      expect: 'quick',
      answer: null,
    };
  }
  const nextStep = last.step + 1;
  if (nextStep >= state.plan.length) return null;
  return turnForStep(bank, state, nextStep, position, ack, current);
}

/** Record the answer on the pending turn and append what comes next; finishes the session after the last step. */
export function applyAnswer(bank: Bank, state: SessionState, answer: TurnAnswer, now: string): SessionState {
  const pending = pendingTurn(state);
  if (!pending)
    throw new ConflictError(
      `session ${state.id} is finished; start a new one or review it with 'mockops report ${state.id}'`,
    );
  const answered: Turn = { ...pending, answer };
  const turns = [...state.turns.slice(0, -1), answered];
  const withAnswer: SessionState = { ...state, turns };
  const next = nextTurn(bank, withAnswer, answer.analysis);
  if (!next) return { ...withAnswer, status: 'finished', finishedAt: now };
  return { ...withAnswer, turns: [...turns, next] };
}

export const CLOSING_LINE = CLOSING;
