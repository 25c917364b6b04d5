// Each rule of the policy, pinned by what it does: a test here fails when its number changes. Change a number on
// purpose, then change its test and say why (and refresh the golden snapshots).
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../storage/bank.js';
import { Question } from '../bank/schema.js';
import { saladAnswers } from './adversarial.js';
import { combinedScore, FEATURES, predictGrade } from './combine.js';
import { analyzeAnswer, termModel } from './index.js';
import { gradeFor, isWeak, DEFAULT_POLICY as P, scoreBand } from './policy.js';
import { creditOf, flagPenalty, structureShare } from './score.js';
import type { FlagHit, KeyPointCoverage, StructureResult } from './types.js';

const flag = (severity: 1 | 2 | 3): FlagHit => ({
  id: `f${severity}`,
  kind: 'red-flag',
  text: '',
  severity,
  fix: '',
  evidence: [],
});
const point = (status: KeyPointCoverage['status'], basis?: KeyPointCoverage['basis']): KeyPointCoverage => ({
  id: 'k',
  text: '',
  dimension: 'technical',
  weight: 1,
  status,
  evidence: [],
  contradicted: false,
  ...(basis ? { basis } : {}),
});
const none = new Set<string>();

describe('policy: credit per key point', () => {
  it('gives each way of covering a point its credit', () => {
    expect(creditOf(point('hit'), none)).toBe(1);
    expect(creditOf(point('hit'), new Set(['k']))).toBe(0.7);
    expect(creditOf(point('partial', 'named'), none)).toBe(0.45);
    expect(creditOf(point('partial', 'unexplained'), none)).toBe(0.2);
    expect(creditOf(point('partial', 'paraphrase'), none)).toBe(0.5);
    expect(creditOf(point('partial'), none)).toBe(0.4);
    expect(creditOf(point('missed'), none)).toBe(0);
  });
});

describe('policy: flags', () => {
  it('takes a share of the score per flag by severity, multiplying', () => {
    expect(flagPenalty([flag(1)]).keep).toBeCloseTo(0.88, 10);
    expect(flagPenalty([flag(2)]).keep).toBeCloseTo(0.67, 10);
    expect(flagPenalty([flag(3)]).keep).toBeCloseTo(0.5, 10);
    expect(flagPenalty([flag(2), flag(2)]).keep).toBeCloseTo(0.67 * 0.67, 10);
  });

  it('caps the score at exactly the unsafe cap for an unsafe claim', () => {
    expect(flagPenalty([flag(3)]).cap).toBe(45);
    expect(flagPenalty([flag(2)]).cap).toBe(100);
    const full = {
      covered: 1,
      similarity: 1,
      unattested: 0,
      nonsense: 0,
      relevance: 1,
      misrelations: 0,
      focus: 1,
      astray: 0,
    };
    expect(combinedScore(full, 1, 1, flagPenalty([flag(3)]).cap, P)).toBe(45);
  });

  it('makes a negated or dismissed key point a severity-2 contradiction', () => {
    const a = analyzeAnswer({ question, answer: 'We never lock the state; locking just slows us down.' });
    const c = a.flags.find((f) => f.kind === 'contradiction');
    expect(c?.severity).toBe(2);
    expect(P.flags.contradictionSeverity).toBe(2);
  });

  it('makes a key point said in a sentence with a wrong claim (severity 2+) only partial', () => {
    const wrong = analyzeAnswer({
      question,
      answer: 'We keep remote state in S3 and we also commit the state file to Git for safety.',
    });
    expect(wrong.coverage.find((c) => c.id === 'remote')?.status).toBe('partial');
    expect(P.flags.wrongSentenceSeverity).toBe(2);
  });
});

describe('policy: the combination', () => {
  it('predicts the grade from the measures with the fitted weights (no intercept)', () => {
    const zero = {
      covered: 0,
      similarity: 0,
      unattested: 0,
      nonsense: 0,
      relevance: 0,
      misrelations: 0,
      focus: 0,
      astray: 0,
    };
    expect(predictGrade(zero, P)).toBe(0);
    expect(P.combine.intercept).toBe(0);
    expect(FEATURES).toHaveLength(9);
    // One unit of each feature moves the grade by its weight (signs fixed by meaning).
    expect(P.combine.weights).toEqual({
      covered: 1.0985,
      coveredRoot: 0.424,
      similarity: 1.8295,
      unattested: -0.1259,
      nonsense: -0.8343,
      relevance: 1.1806,
      misrelations: -0.9209,
      focus: 0.6427,
      astray: -0.7486,
    });
    // Like another question's model answers more than this one's: the grade falls by that much times its weight.
    expect(predictGrade({ ...zero, relevance: 1, astray: 0.5 }, P)).toBeCloseTo(1.1806 - 0.5 * 0.7486, 10);
    const full = { ...zero, covered: 1, similarity: 1, relevance: 1, focus: 1 };
    expect(predictGrade({ ...zero, covered: 1 }, P)).toBeCloseTo(1.0985 + 0.424, 10);
    expect(predictGrade({ ...zero, similarity: 1 }, P)).toBeCloseTo(1.8295, 10);
    expect(predictGrade({ ...zero, relevance: 1 }, P)).toBeCloseTo(1.1806, 10);
    expect(predictGrade({ ...zero, relevance: 1, misrelations: 1 }, P)).toBeCloseTo(1.1806 - 0.9209, 10);
    // A perfect answer predicts the sum of its weights (just over 5), clamped to 5, and scores 100.
    expect(1.0985 + 0.424 + 1.8295 + 1.1806 + 0.6427).toBeGreaterThan(5);
    expect(predictGrade(full, P)).toBe(5);
    expect(combinedScore(full, 1, 1, 100, P)).toBe(100);
  });

  it('keeps the form factor and the flag penalty as multipliers, and clamps to 0–100', () => {
    const m = {
      covered: 0.5,
      similarity: 0.5,
      unattested: 0,
      nonsense: 0,
      relevance: 1,
      misrelations: 0,
      focus: 1,
      astray: 0,
    };
    const base = combinedScore(m, 1, 1, 100, P);
    expect(base).toBe(Math.round(20 * predictGrade(m, P)));
    expect(combinedScore(m, 0.5, 1, 100, P)).toBe(Math.round(20 * predictGrade(m, P) * 0.5));
    expect(combinedScore(m, 1, 0, 100, P)).toBe(0);
  });
});

describe('policy: bands every surface shares', () => {
  it('maps scores to grades at 85, 70, 50, 30, 10', () => {
    expect([85, 84, 70, 69, 50, 49, 30, 29, 10, 9].map((s) => gradeFor(s))).toEqual([
      5, 4, 4, 3, 3, 2, 2, 1, 1, 0,
    ]);
  });

  it('calls a question weak below 70 and colours at 70 and 45', () => {
    expect(isWeak(69)).toBe(true);
    expect(isWeak(70)).toBe(false);
    expect([70, 69, 45, 44].map((s) => scoreBand(s))).toEqual(['good', 'fair', 'fair', 'poor']);
    expect(P.bands.followUpBelow).toBe(85);
    expect(P.bands.praise).toBe(75);
    expect(P.rating).toEqual({ easy: 85, good: 70, hard: 45 });
  });

  it('takes 8 language points per grammar error per 100 words, at most 45', async () => {
    const { analyzeLanguage } = await import('./signals/language.js');
    const { readText } = await import('../text/index.js');
    // Ten words, one error (10 per 100 words): 80 points lost, capped at 45.
    const one = analyzeLanguage(readText('Yesterday I fix the pipeline and everything worked again fine.'));
    expect(one.grammar).toHaveLength(1);
    expect(one.score).toBe(100 - 45);
    // Fifty words, one error (2 per 100 words): 16 points.
    const long = analyzeLanguage(
      readText(
        'Yesterday I fix the pipeline. We keep the state in S3 with locking. We review every plan in the pull request. We apply only from the pipeline with a role. Teams keep the modules versioned in their own repository. They upgrade when they are ready.',
      ),
    );
    expect(long.grammar).toHaveLength(1);
    expect(100 - (long.score as number)).toBe(Math.round((100 / long.wordCount) * 8));
    expect(P.language).toEqual({ grammarPerErrorPer100: 8, grammarMax: 45 });
  });

  it('holds model answers to 90 (full) and 70 (quick), adversarial answers below 35', () => {
    expect(P.selfCheck).toEqual({ full: 90, quick: 70, adversarialMax: 35 });
  });
});

describe('policy: which kinds get what', () => {
  const structure = (present: number): StructureResult => ({
    applies: true,
    parts: { situation: null, task: null, action: null, result: null, future: null },
    present: ['situation', 'task', 'action', 'result', 'future'].slice(
      0,
      present,
    ) as StructureResult['present'],
    missing: [],
    quantifiedResult: false,
    placeholders: [],
    ownership: { i: 0, we: 0, note: null },
  });
  it('scores STAR + Future for stories only, and applies common flags to technical and scenario answers', () => {
    expect(structureShare(structure(5), 'behavioral')).toBe(1);
    expect(structureShare(structure(5), 'career-story')).toBe(1);
    expect(structureShare(structure(5), 'scenario')).toBeNull();
    expect(structureShare(structure(5), 'technical')).toBeNull();
    expect(P.blend.star).toBe(0.25);
    expect(P.kinds.commonFlags).toEqual(['technical', 'scenario']);
    expect(P.kinds.star).toEqual(['behavioral', 'career-story', 'scenario']);
  });
});

describe('policy: thresholds of the signals', () => {
  it('reads half a phrasing (two words or more) as partial, and four words per point as a list', () => {
    expect(P.partialFraction).toBe(0.5);
    expect(P.listedWordsPerPoint).toBe(4);
    const partial = analyzeAnswer({
      question,
      answer: 'We plan the release work on a schedule with the developers.',
    });
    expect(partial.coverage.find((c) => c.id === 'drift')?.status).toBe('partial');
  });

  it('credits a paraphrase from 30% of a description and counts it as said from 50%', () => {
    expect(P.paraphrase).toEqual({ partialAt: 0.3, hitAt: 0.5 });
  });

  it('gives an answer whose sentences mostly explain nothing at most superficial credit (15)', () => {
    expect(P.coherence).toMatchObject({ mostlyShare: 0.5, mostlyMinClauses: 3, mostlyCap: 15 });
    const bank = loadBank();
    const q = bank.byId('saas-backup-dr-rpo-rto') as Question;
    const run = (answer: string, policy = P) =>
      analyzeAnswer(
        {
          question: q,
          answer,
          commonRedFlags: bank.commonRedFlags,
          termModel: termModel(bank.questions, bank.commonRedFlags),
        },
        policy,
      );
    const salad = saladAnswers(q)[0] as string;
    const capped = run(salad);
    expect(capped.score).toBe(15);
    expect(capped.findings.map((f) => f.code)).toContain('answer.mostly-unexplained');
    expect(capped.feedback.map((f) => f.code)).toContain('unexplained.mostly');
    // The same answer without the rule scores higher: the cap, not the weights, holds it down.
    expect(run(salad, { ...P, coherence: { ...P.coherence, mostlyCap: 100 } }).score).toBeGreaterThan(15);
    expect(run(salad, { ...P, coherence: { ...P.coherence, mostlyShare: 1 } }).score).toBeGreaterThan(15);
    expect(run(salad, { ...P, coherence: { ...P.coherence, mostlyMinClauses: 40 } }).score).toBeGreaterThan(
      15,
    );
    // The question's own model answer is not capped.
    const model = run(q.modelAnswers.full);
    expect(model.findings.map((f) => f.code)).not.toContain('answer.mostly-unexplained');
    expect(model.score).toBeGreaterThan(15);
  });

  it('caps an answer that fits another question by 0.3 more similarity at 10', () => {
    expect(P.rival).toEqual({ astrayAt: 0.3, cap: 10 });
    const bank = loadBank();
    const q = bank.byId('vpc-secure-ha') as Question;
    const other = (bank.byId('terraform-state-team') as Question).modelAnswers.full;
    const run = (policy = P) =>
      analyzeAnswer(
        {
          question: q,
          answer: other,
          commonRedFlags: bank.commonRedFlags,
          termModel: termModel(bank.questions, bank.commonRedFlags),
          rivals: bank.questions,
        },
        policy,
      );
    expect(run().score).toBeLessThanOrEqual(10);
    // Without the rule the same answer keeps more: the cap, not the weights, holds it down.
    expect(run({ ...P, rival: { ...P.rival, astrayAt: 2 } }).score).toBeGreaterThan(10);
    expect(run({ ...P, rival: { ...P.rival, cap: 100 } }).score).toBeGreaterThan(10);
  });

  it('judges coherence from six pairings, relevance from 15% to 40% (floor 15%)', () => {
    expect(P.coherence.minPairings).toBe(6);
    expect(P.substance).toEqual({
      relevanceNone: 0.15,
      relevanceFull: 0.4,
      relevanceFloor: 0.15,
      notesFactor: 0.7,
      listLinksPerVerb: 3.2,
      buzzwordFactor: 0.15,
    });
    expect(P.reference).toEqual({
      offTopicMinWords: 20,
      offTopicFactor: 0.25,
      relevanceNone: 0,
      relevanceFull: 0.08,
    });
    expect(P.blend.similarityFullAt).toBe(0.5);
    expect(P.blend.similarityBeta).toBe(2);
  });

  it('says when it cannot judge: under 8 content words, over 30% Chinese, under 35% known words', () => {
    expect(P.confidence).toEqual({ minContentWords: 8, maxCjkShare: 0.3, minKnownShare: 0.35 });
    expect(analyzeAnswer({ question, answer: 'Remote state in S3.' }).confidence).toEqual({
      level: 'low',
      reasons: ['too-short'],
    });
  });

  it('is frozen: nobody changes it at run time', () => {
    expect(Object.isFrozen(P)).toBe(true);
    expect(Object.isFrozen(P.flags.penalty)).toBe(true);
  });
});

const question = Question.parse({
  id: 'tf-state',
  category: 'iac',
  level: 1,
  kind: 'technical',
  text: 'How do you manage Terraform state in a team?',
  zh: { translation: '团队里如何管理 Terraform state？', intent: '远程后端、加锁' },
  keyPoints: [
    {
      id: 'remote',
      text: 'Remote backend',
      dimension: 'technical',
      weight: 3,
      concepts: ['remote state', 's3 backend'],
    },
    {
      id: 'lock',
      text: 'State locking',
      dimension: 'technical',
      weight: 3,
      concepts: ['state locking', 'lock the state'],
    },
    {
      id: 'drift',
      text: 'Drift detection',
      dimension: 'ops',
      weight: 2,
      concepts: ['detect drift', 'scheduled nightly plan'],
    },
  ],
  redFlags: [
    {
      id: 'git',
      text: 'State in Git',
      severity: 2,
      phrasings: ['commit the state file to git'],
      fix: 'Use a remote backend.',
    },
  ],
  modelAnswers: {
    quick: 'I keep remote state in S3. I lock the state. A scheduled nightly plan detects drift.',
    full: 'I keep remote state in an S3 backend. I lock the state with use_lockfile. A scheduled nightly plan detects drift.',
    notesZh: '三个要点。',
  },
});
