// The feedback the room shows after an answer, from the answer's result or, after a reload, from the server's
// stored copy of the session; and the local note of which answer's feedback was on screen, so a reload shows it
// again instead of jumping to the next question.
import { readPref, removePref, writePref } from '../lib/storage';
import type { Analysis, AnswerComparison, SessionAnswerResult, SessionView, TurnView } from '../types';

export interface ShownFeedback {
  readonly position: number;
  readonly step: number;
  readonly kind: TurnView['kind'];
  readonly questionId: string | null;
  readonly answerId: number;
  readonly gradedText: string;
  readonly analysis: Analysis;
  readonly comparison: AnswerComparison | null;
  readonly finished: boolean;
  /** What the interviewer says next (a follow-up is named in the feedback), or null at the end. */
  readonly next: TurnView | null;
}

const readingKey = (sessionId: string) => `reading.${sessionId}`;

export function rememberReading(sessionId: string, position: number): void {
  writePref(readingKey(sessionId), String(position));
}

export function forgetReading(sessionId: string): void {
  removePref(readingKey(sessionId));
}

export function fromResult(result: SessionAnswerResult, turn: TurnView): ShownFeedback | null {
  if (!result.analysis) return null;
  return {
    position: result.answered.position,
    step: turn.step,
    kind: turn.kind,
    questionId: turn.questionId,
    answerId: result.answered.answerId,
    gradedText: result.answered.gradedText,
    analysis: result.analysis,
    comparison: result.comparison,
    finished: result.finished,
    next: result.next,
  };
}

/**
 * The feedback that was on screen before a reload, rebuilt from the session (the comparison with an earlier
 * version is not stored, so it is not shown again); null when none was, or the session has moved on since.
 */
export function restoredFeedback(session: SessionView): ShownFeedback | null {
  const raw = readPref(readingKey(session.id));
  if (raw === null) return null;
  const position = Number(raw);
  const turn = session.turns.find((t) => t.position === position);
  const later = session.turns.some((t) => t.position > position && t.answer);
  if (!turn?.answer?.analysis || later) {
    forgetReading(session.id);
    return null;
  }
  return {
    position,
    step: turn.step,
    kind: turn.kind,
    questionId: turn.questionId,
    answerId: turn.answer.answerId,
    gradedText: turn.answer.gradedText,
    analysis: turn.answer.analysis,
    comparison: null,
    finished: session.status === 'finished',
    next: session.status === 'active' ? session.current : null,
  };
}

/** Key points the question's answer before this follow-up covered (its first answer, and any retry of it). */
export function coveredBefore(
  session: SessionView,
  shown: Pick<ShownFeedback, 'kind' | 'step' | 'position' | 'answerId'>,
): ReadonlySet<string> | undefined {
  if (shown.kind !== 'follow-up') return undefined;
  const earlier = [
    ...session.turns
      .filter((t) => t.step === shown.step && t.position < shown.position && t.kind === 'question')
      .map((t) => t.answer?.analysis),
    ...session.retries
      .filter((r) => r.step === shown.step && r.answerId < shown.answerId)
      .map((r) => r.analysis),
  ];
  return new Set(
    earlier.flatMap((a) => a?.coverage.filter((c) => c.status === 'hit').map((c) => c.id) ?? []),
  );
}

/** The latest retry of the question the feedback is about, shown as its current version after a reload. */
export function latestRetry(
  session: SessionView,
  shown: ShownFeedback,
): { text: string; analysis: Analysis; n: number } | undefined {
  const retries = session.retries.filter((r) => r.step === shown.step && r.answerId > shown.answerId);
  const last = retries.at(-1);
  return last?.analysis ? { text: last.text, analysis: last.analysis, n: retries.length } : undefined;
}
