// The scoring policy: every weight, cap, threshold and band, in one frozen object. Signals find things; the
// policy says what they are worth. The CLI, the web app, the scheduler and the summary read their bands here,
// so no number is retyped elsewhere. Tuning edits numbers here, never logic (and a test pins each one).
import type { Kind } from '../bank/schema.js';

type DeepReadonly<T> = { readonly [K in keyof T]: T[K] extends object ? DeepReadonly<T[K]> : T[K] };

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value as DeepReadonly<T>;
}

const policy = {
  /** Credit of a key point by how the answer covers it. */
  credit: {
    /** Stated as a claim: a clause with a predicate whose terms go together as in correct answers. */
    stated: 1,
    /** Stated, but in a sentence crowded with other key points (a list with a verb). */
    listed: 0.7,
    /** Named in a clause with no predicate, or in a run of terms. */
    named: 0.45,
    /** Named in a clause whose terms do not go together (a tool doing another tool's job). */
    unexplained: 0.2,
    /** Part of a phrasing (at least half its words, two or more). */
    partial: 0.4,
    /** Part of the key point's description, in other words. */
    paraphrase: 0.5,
  },
  paraphrase: {
    /** Share of a key point's description a clause must carry to count as partly saying it… */
    partialAt: 0.3,
    /** …and as saying it. */
    hitAt: 0.5,
  },
  /** A partial match needs at least this share of a phrasing's words. */
  partialFraction: 0.5,
  /** Words per key point below which a sentence naming several key points is a list. */
  listedWordsPerPoint: 4,
  flags: {
    /** Share of the score each flag takes away, by severity; penalties multiply. */
    penalty: { 1: 0.12, 2: 0.33, 3: 0.5 },
    /** An unsafe claim (severity 3) caps the score whatever else is right. */
    unsafeCap: 45,
    /** Severity of a key point the answer negates or dismisses. */
    contradictionSeverity: 2 as 1 | 2 | 3,
    /** A key point whose evidence shares a sentence with a wrong claim of this severity or more is only partial. */
    wrongSentenceSeverity: 2 as 1 | 2 | 3,
  },
  /**
   * How the measures become a grade (0–5): intercept plus weighted features (see combine.ts). Fitted by
   * `npm run fit` on the tuning half of the blind graded set and the team's set; cross-validated by question.
   */
  combine: {
    // fit:begin
    intercept: 0,
    weights: {
      covered: 1.0985,
      coveredRoot: 0.424,
      similarity: 1.8295,
      unattested: -0.1259,
      nonsense: -0.8343,
      relevance: 1.1806,
      misrelations: -0.9209,
      focus: 0.6427,
      astray: -0.7486,
    },
    // fit:end
  },
  /** Score bands of grades 5, 4, 3, 2, 1 (below the last: 0). */
  grades: [85, 70, 50, 30, 10],
  blend: {
    /** Recall-weighted overlap with a model answer at which an answer counts as fully like it. */
    similarityFullAt: 0.5,
    similarityBeta: 2,
    /** Share of the content score from STAR + Future completeness, on story questions. */
    star: 0.25,
  },
  coherence: {
    /** Fewer term pairings than this: too little to judge the answer's coherence as a whole. */
    minPairings: 6,
    /**
     * An answer most of whose term-bearing clauses (more than this share, among at least `mostlyMinClauses`)
     * explain nothing earns at most superficial credit: `mostlyCap`, the bottom of grade 1, below what a vague
     * but true answer usually earns (experts grade fluent nonsense under vagueness).
     */
    mostlyShare: 0.5,
    mostlyMinClauses: 3,
    mostlyCap: 15,
  },
  rival: {
    /**
     * An answer whose likeness to another question's model answers beats its likeness to this question's by this
     * much (the similarity measure, 0–1) answers that other question: it keeps at most `cap`, and is told which.
     */
    astrayAt: 0.3,
    cap: 10,
  },
  substance: {
    /** Below this share of on-topic content words an answer is about something else; above the second, on topic. */
    relevanceNone: 0.15,
    relevanceFull: 0.4,
    /** What an off-topic answer keeps. */
    relevanceFloor: 0.15,
    /** Bullet notes keep most of their credit: the content is there, the spoken form is not. */
    notesFactor: 0.7,
    /** Links (commas, and/or) per verb from which an answer is a list of terms. */
    listLinksPerVerb: 3.2,
    /** What a list of the right terms is worth next to the same points explained. */
    buzzwordFactor: 0.15,
  },
  reference: {
    /** Reference mode: a long answer that shares no word with question or reference is off-topic. */
    offTopicMinWords: 20,
    offTopicFactor: 0.25,
    /** Relevance to question and reference below which a reference-mode answer is about another topic. */
    relevanceNone: 0,
    relevanceFull: 0.08,
  },
  confidence: {
    /** Fewer content words than this: too little to judge. */
    minContentWords: 8,
    /** Share of CJK characters above which the answer is mostly another language. */
    maxCjkShare: 0.3,
    /** Share of content words the bank knows below which the rubric cannot judge the answer. */
    minKnownShare: 0.35,
  },
  /** Score bands shared by every surface: colours, weak questions, review ratings. */
  bands: {
    /** A question scoring below this is weak: it is drilled and planned before the interview. */
    weakBelow: 70,
    /** Colours: at least `good` is green, at least `fair` amber, below red. */
    good: 70,
    fair: 45,
    /** Below this the interviewer asks a follow-up. */
    followUpBelow: 85,
    /** At least this earns the interviewer's praise ("Good, that's clear."); at least `fair` a neutral word. */
    praise: 75,
  },
  /** Score → FSRS rating. */
  rating: { easy: 85, good: 70, hard: 45 },
  language: {
    /** Language points lost per grammar error per 100 words, and the most grammar can take off. */
    grammarPerErrorPer100: 8,
    grammarMax: 45,
  },
  selfCheck: {
    /** A full model answer must score this much against its own rubric, a quick one the second. */
    full: 90,
    quick: 70,
    /** Fluent nonsense made of the question's own concepts must score below this. */
    adversarialMax: 35,
  },
  kinds: {
    /** Kinds whose answers are stories: STAR + Future applies. */
    star: ['behavioral', 'career-story', 'scenario'] as Kind[],
    /** Kinds where STAR completeness counts in the score (scenarios get the parts as advice only). */
    starScored: ['behavioral', 'career-story'] as Kind[],
    /** Kinds the bank's common unsafe practices apply to (stories may describe a past mistake on purpose). */
    commonFlags: ['technical', 'scenario'] as Kind[],
  },
};

export type Policy = DeepReadonly<typeof policy>;

/** The policy in force. Pass another to `analyzeAnswer` to try a change without editing this file. */
export const DEFAULT_POLICY: Policy = deepFreeze(policy);

/** 0–5 from 0–100 by the policy's bands. */
export function gradeFor(score: number, p: Policy = DEFAULT_POLICY): number {
  const i = p.grades.findIndex((min) => score >= min);
  return i < 0 ? 0 : 5 - i;
}

/** The colour band of a score: every surface shows the same colour for the same score. */
export function scoreBand(score: number, p: Policy = DEFAULT_POLICY): 'good' | 'fair' | 'poor' {
  return score >= p.bands.good ? 'good' : score >= p.bands.fair ? 'fair' : 'poor';
}

export function isWeak(score: number, p: Policy = DEFAULT_POLICY): boolean {
  return score < p.bands.weakBelow;
}
