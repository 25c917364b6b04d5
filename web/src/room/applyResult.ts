// The session after an answer, built from the answer's result alone: feedback shows without a second round trip
// (the server's copy is fetched in the background and replaces this one).
import type { SessionAnswerResult, SessionView } from '../types.js';

export function applyResult(
  session: SessionView,
  result: SessionAnswerResult,
  text: string,
  durationSec: number | undefined,
  now: string,
): SessionView {
  const turns = session.turns.map((turn) =>
    turn.position === result.answered.position
      ? {
          ...turn,
          answer: {
            answerId: result.answered.answerId,
            text,
            gradedText: result.answered.gradedText,
            durationSec: durationSec ?? null,
            createdAt: now,
            score: result.answered.score,
            analysis: result.analysis,
          },
        }
      : turn,
  );
  const next = result.next;
  return {
    ...session,
    turns:
      next && !turns.some((t) => t.position === next.position)
        ? [...turns, { ...next, answer: null }]
        : turns,
    current: next,
    status: result.finished ? 'finished' : session.status,
    summary: result.summary ?? session.summary,
  };
}
