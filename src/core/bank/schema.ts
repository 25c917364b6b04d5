// The question-bank schema: the single source of truth for what a bank question is.
import { z } from 'zod';
import { CATEGORIES, COMPETENCIES, DIMENSIONS, KINDS } from '../vocabulary.js';

export { CATEGORIES, CORE_CATEGORIES, DIMENSIONS, KINDS } from '../vocabulary.js';

export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

export const Kind = z.enum(KINDS);
export type Kind = z.infer<typeof Kind>;

/** The seed's three layers an interviewer judges: technical means, ops thinking, delivery & collaboration. */
export const Dimension = z.enum(DIMENSIONS);
export type Dimension = z.infer<typeof Dimension>;

export const Level = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: 'must be 1 (fundamentals), 2 (intermediate) or 3 (final round)',
});
export type Level = z.infer<typeof Level>;

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens');

const phrase = z.string().trim().min(2, 'must have at least 2 characters').max(120);
const prose = z.string().trim().min(1, 'must not be empty');

/**
 * A term that is a claim only beside a partner: "OOMKilled" with "memory limit", "use_lockfile" with "S3". The
 * key point counts when the term and any partner stand in the same clause or the next one.
 */
export const ConceptPair = z.strictObject({
  term: phrase,
  with: z.array(phrase).min(1, 'needs at least one partner'),
});
export type ConceptPair = z.infer<typeof ConceptPair>;

export const KeyPoint = z
  .strictObject({
    id: kebabId,
    text: prose,
    dimension: Dimension,
    weight: z.number().min(0.5).max(5).default(1),
    /** Phrasings that count as covering the key point (matched on lemmas, any order, within one clause). */
    concepts: z.array(phrase).default([]),
    /** Terms that count only with a partner close by (see ConceptPair). */
    pairs: z.array(ConceptPair).default([]),
    zh: z.string().trim().optional(),
  })
  .refine((kp) => kp.concepts.length + kp.pairs.length >= 2, {
    message: 'needs at least two concepts (phrasings or pairs)',
    path: ['concepts'],
  });
export type KeyPoint = z.infer<typeof KeyPoint>;

export const RedFlag = z.strictObject({
  id: kebabId,
  text: prose,
  /** 1 = imprecise, 2 = wrong, 3 = unsafe or disqualifying. */
  severity: z
    .union([z.literal(1), z.literal(2), z.literal(3)], {
      error: 'must be 1 (imprecise), 2 (wrong) or 3 (unsafe)',
    })
    .default(2),
  phrasings: z.array(phrase).min(1, 'needs at least one phrasing'),
  /** What to say instead, shown with the flag. */
  fix: prose,
  zh: z.string().trim().optional(),
  /** The guidance that warns against it (common flags name theirs: a pillar, a benchmark, a chapter). */
  source: z.string().trim().min(3).optional(),
  /**
   * Wrong only in this question's context: not applied to answers to other questions (every other technical or
   * scenario question's answers meet this flag otherwise).
   */
  local: z.boolean().optional(),
});
export type RedFlag = z.infer<typeof RedFlag>;

export const FollowUp = z.strictObject({
  text: prose,
  /** The key point this follow-up probes; absent for a general follow-up. */
  keyPoint: kebabId.optional(),
  /** The red flag this follow-up challenges. */
  redFlag: kebabId.optional(),
  zh: z.string().trim().optional(),
});
export type FollowUp = z.infer<typeof FollowUp>;

export const ModelAnswers = z.strictObject({
  /** 3–4 spoken sentences. */
  quick: prose,
  /** The structured version; STAR + Future for behavioural questions. */
  full: prose,
  /** Coaching notes in Chinese on how the model answers are built. */
  notesZh: prose,
});
export type ModelAnswers = z.infer<typeof ModelAnswers>;

export const Zh = z.strictObject({
  translation: prose,
  /** What the interviewer is really testing. */
  intent: prose,
});

export const Question = z.strictObject({
  id: kebabId,
  category: Category,
  level: Level,
  kind: Kind,
  /** English, as the interviewer says it. */
  text: prose,
  zh: Zh,
  keyPoints: z.array(KeyPoint).min(1, 'needs at least one key point'),
  redFlags: z.array(RedFlag).default([]),
  modelAnswers: ModelAnswers,
  followUps: z.array(FollowUp).default([]),
  tags: z.array(z.string().trim().min(1)).default([]),
  /** Behavioural and career-story questions: the competencies a good story for it demonstrates. */
  competencies: z.array(z.enum(COMPETENCIES)).default([]),
  /**
   * When the time-sensitive claims of the answers (versions, deprecations, limits, prices, product names) were last
   * checked, as YYYY-MM-DD, and the vendor documentation or changelog they were checked against.
   */
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
    .optional(),
  sources: z.array(z.string().trim().min(3)).default([]),
  /** Where the question comes from: `seed` for the user's notes (text verbatim), `mockops` for ours. */
  source: z.enum(['seed', 'mockops', 'imported']).default('mockops'),
});
export type Question = z.infer<typeof Question>;
export type QuestionInput = z.input<typeof Question>;

/** `bank/_common/red-flags.yaml`: unsafe practices that count against any technical or scenario answer. */
export const CommonRedFlags = z.array(RedFlag);
