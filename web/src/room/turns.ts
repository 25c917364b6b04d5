// A follow-up is graded together with the first answer to the same question (the server joins them with a
// newline), so its analysis spans point into that joined text.
import type { SessionView } from '../types';

export function gradedText(turns: SessionView['turns'], position: number, text: string): string {
  const turn = turns.find((t) => t.position === position);
  if (turn?.kind !== 'follow-up') return text;
  const first = turns.find((t) => t.step === turn.step && t.kind === 'question');
  return first?.answer ? `${first.answer.text}\n${text}` : text;
}
