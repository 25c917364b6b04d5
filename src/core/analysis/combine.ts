// The one place findings become a score: the signals' measures, weighted by the policy's learned weights (a
// least-squares fit of expert grades on the tuning half of our graded answers: `npm run fit`), then the rules
// every interviewer applies (a non-answer scores 0, each wrong claim costs, an unsafe one caps the score).
import type { Policy } from './policy.js';

/** What the signals measured about one answer, each 0–1 unless said otherwise. */
export interface Measures {
  /** Weighted share of the key points covered (stated 1, partly or only named less), with STAR for stories. */
  readonly covered: number;
  /** Overlap with the closest model answer. */
  readonly similarity: number;
  /** Share of the answer's term pairings that no correct answer has (0.5 when too few to judge). */
  readonly unattested: number;
  /** Unattested pairings of a named tool or service per content word (clipped at 2): how much confident nonsense there is. */
  readonly nonsense: number;
  /** Share of the answer's content words that belong to the question's topic. */
  readonly relevance: number;
  /** Claims per sentence that a named tool does what no correct answer says it does (clipped at 1). */
  readonly misrelations: number;
  /** Likeness to this question's model answers over the best likeness to any bank question's (1: this one). */
  readonly focus: number;
  /** How much more the answer is like another bank question's model answers than this one's (0: not at all). */
  readonly astray: number;
}

export const FEATURES = [
  'covered',
  'coveredRoot',
  'similarity',
  'unattested',
  'nonsense',
  'relevance',
  'misrelations',
  'focus',
  'astray',
] as const;
export type Feature = (typeof FEATURES)[number];

export function featureVector(m: Measures): Record<Feature, number> {
  return {
    covered: m.covered,
    coveredRoot: Math.sqrt(Math.max(0, m.covered)),
    similarity: m.similarity,
    unattested: m.unattested,
    nonsense: m.nonsense,
    relevance: m.relevance,
    misrelations: m.misrelations,
    focus: m.focus,
    astray: m.astray,
  };
}

/** The grade (0–5) the measures predict, before the rules. */
export function predictGrade(m: Measures, p: Policy): number {
  const x = featureVector(m);
  let g = p.combine.intercept;
  for (const f of FEATURES) g += p.combine.weights[f] * x[f];
  return Math.max(0, Math.min(5, g));
}

/** 0–100 from the measures, the answer's form (non-answer, list, notes) and its flags' penalty and cap. */
export function combinedScore(m: Measures, form: number, keep: number, cap: number, p: Policy): number {
  return Math.round(Math.max(0, Math.min(cap, 20 * predictGrade(m, p) * form * keep)));
}
