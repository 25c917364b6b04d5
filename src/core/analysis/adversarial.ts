// Adversarial self-checks for a bank question, built from its own rubric: fluent nonsense that pairs its concepts
// the wrong way in full sentences must score low, and a dismissal of each key point must be caught. Deterministic:
// the same question always gets the same answers.
import type { Question } from '../bank/schema.js';

/** Sentence frames that sound like explanations and relate two or three terms in ways that mean nothing. */
const FRAMES: readonly ((a: string, b: string, c: string) => string)[] = [
  (a, b, c) => `${cap(a)} is basically the ${b} of ${c}.`,
  (a, b, c) => `We let ${a} handle ${b}, so ${c} is always consistent.`,
  (a, b, c) => `${cap(b)} runs inside ${a}, and ${c} acts as our ${b} as well.`,
  (a, b) => `In practice ${a} replaces ${b} completely.`,
  (a, b, c) => `That is why ${c} is configured through ${a} instead of ${b}.`,
];

/** Ways to name a practice only to reject it, kept apart from the dismissal signal's own inventory tests. */
const DISMISSALS: readonly ((x: string) => string)[] = [
  (x) => `Honestly, ${x} is overkill for a team like ours, so we skip it.`,
  (x) => `${cap(x)}? We never bothered with that, it just slows us down.`,
];

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The concept each key point is best known by: its first multi-word phrasing, else a paired term. */
function termsOf(q: Question): string[] {
  return q.keyPoints.map(
    (kp) => kp.concepts.find((c) => c.includes(' ')) ?? kp.concepts[0] ?? kp.pairs[0]?.term ?? kp.text,
  );
}

/**
 * Fluent nonsense from the question's own concepts: every sentence relates terms of different key points in a
 * frame that explains nothing. Two answers, rotating which terms meet.
 */
export function saladAnswers(q: Question): string[] {
  const terms = termsOf(q);
  if (terms.length < 3) return [];
  const n = terms.length;
  return [0, 1].map((shift) =>
    FRAMES.map((frame, i) =>
      frame(
        terms[(i + shift) % n] as string,
        terms[(i + 2 + shift) % n] as string,
        terms[(i + 1 + shift) % n] as string,
      ),
    ).join(' '),
  );
}

/** For each key point, an answer that names it only to dismiss it. */
export function dismissalAnswers(q: Question): Array<{ keyPoint: string; answer: string }> {
  const terms = termsOf(q);
  return q.keyPoints.map((kp, k) => {
    const named = kp.concepts.find((c) => c.includes(' ')) ?? kp.concepts[0];
    const pair = kp.pairs[0];
    const phrase = named ?? (pair ? `${pair.term} with ${pair.with[0] ?? ''}` : (terms[k] as string));
    return { keyPoint: kp.id, answer: (DISMISSALS[k % DISMISSALS.length] as (x: string) => string)(phrase) };
  });
}
