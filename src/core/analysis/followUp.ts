// Follow-ups graded on their own: the answer to "what if the lock is stuck?" is judged on what that follow-up
// probes (its key point, or the fix of the red flag it challenges), plus anything else of the question's rubric
// it states; never as the first answer and the follow-up glued together. The question's result then takes the
// first answer and what the follow-up added together, in one place, for the summary and the review card.
import type { FollowUp, KeyPoint, Question } from '../bank/schema.js';
import { combinedScore } from './combine.js';
import { DEFAULT_POLICY, gradeFor, type Policy } from './policy.js';
import { creditOf, dimensionScores, flagPenalty } from './score.js';
import type { Analysis, CoverageStatus, KeyPointCoverage, QuestionResult } from './types.js';

/** The probed point outweighs the rest of the rubric this many times in a follow-up's own grade. */
export const PROBE_WEIGHT = 3;

const cache = new WeakMap<Question, Map<string, Question>>();

/** The follow-up that a turn's prompt is, if it is one of the question's. */
export function followUpOf(question: Question, prompt: string): FollowUp | null {
  return question.followUps.find((f) => f.text === prompt) ?? null;
}

/**
 * The question a follow-up answer is graded against: the probed key point (or the challenged flag's fix, as a
 * key point) weighted above the rest of the rubric, and that point's own words as the model answer.
 */
export function followUpQuestion(question: Question, probe: FollowUp): Question {
  const key = `${probe.keyPoint ?? ''}|${probe.redFlag ?? ''}|${probe.text}`;
  const known = cache.get(question)?.get(key);
  if (known) return known;
  const flag = probe.redFlag ? question.redFlags.find((f) => f.id === probe.redFlag) : undefined;
  const point = probe.keyPoint ? question.keyPoints.find((k) => k.id === probe.keyPoint) : undefined;
  const others = question.keyPoints.filter((k) => k !== point);
  const rest = others.reduce((n, k) => n + k.weight, 0);
  const probed: KeyPoint | undefined = point
    ? { ...point, weight: Math.max(point.weight, PROBE_WEIGHT * rest) }
    : flag
      ? {
          id: `fix-${flag.id}`,
          text: flag.fix,
          dimension: 'technical',
          weight: Math.max(1, PROBE_WEIGHT * rest),
          concepts: [],
          pairs: [],
          ...(flag.zh ? { zh: flag.zh } : {}),
        }
      : undefined;
  const focused: Question = probed
    ? {
        ...question,
        text: probe.text,
        keyPoints: [probed, ...others],
        modelAnswers: { ...question.modelAnswers, quick: probed.text, full: probed.text },
        followUps: [],
      }
    : { ...question, text: probe.text, followUps: [] };
  const byQuestion = cache.get(question) ?? new Map<string, Question>();
  byQuestion.set(key, focused);
  cache.set(question, byQuestion);
  return focused;
}

const RANK: Record<CoverageStatus, number> = { missed: 0, partial: 1, hit: 2 };

/**
 * The question's result after a follow-up: the first answer's coverage, with each key point the follow-up states
 * better taken from it (a fix of a challenged flag, once stated, lifts that flag); the follow-up's own wrong
 * claims count too. Scored by the same combination as any answer.
 */
export function withFollowUp(
  first: Analysis,
  followUp: Analysis,
  probe: FollowUp | null,
  policy: Policy = DEFAULT_POLICY,
): QuestionResult {
  if (!first.measures || followUp.mode !== 'bank')
    return {
      score: first.score,
      grade: first.grade,
      dimensions: first.dimensions,
      missed: first.coverage.filter((c) => c.status !== 'hit').map((c) => c.text),
      flags: first.flags.map((f) => f.text),
    };
  const coverage: KeyPointCoverage[] = first.coverage.map((c) => {
    const later = followUp.coverage.find((f) => f.id === c.id);
    // Only what the follow-up states counts: a point it merely names adds nothing to the question.
    return later?.status === 'hit' && RANK[later.status] > RANK[c.status]
      ? { ...later, weight: c.weight }
      : c;
  });
  const fixed =
    probe?.redFlag && followUp.coverage.some((c) => c.id === `fix-${probe.redFlag}` && c.status === 'hit');
  const flags = [
    ...first.flags.filter((f) => !(fixed && f.id === probe?.redFlag)),
    ...followUp.flags.filter((f) => !first.flags.some((g) => g.id === f.id)),
  ];
  const total = coverage.reduce((n, c) => n + c.weight, 0);
  const covered =
    coverage.reduce((n, c) => n + c.weight * creditOf(c, new Set(), policy), 0) / Math.max(1e-9, total);
  const measures = { ...first.measures, covered: Math.max(first.measures.covered, covered) };
  const { keep, cap } = flagPenalty(flags, policy);
  const form = first.substance.formFactor;
  // What a follow-up adds never lowers the question below its first answer, unless it adds a wrong claim.
  const recomputed = combinedScore(measures, form, keep, cap, policy);
  const newFlags = flags.length > first.flags.length - (fixed ? 1 : 0);
  const score = newFlags ? recomputed : Math.max(first.score, recomputed);
  return {
    score,
    grade: gradeFor(score, policy),
    dimensions: dimensionScores(
      coverage,
      new Set(),
      (share) => combinedScore({ ...measures, covered: share }, form, keep, cap, policy),
      policy,
    ),
    missed: coverage.filter((c) => c.status !== 'hit').map((c) => c.text),
    flags: flags.map((f) => f.text),
  };
}
