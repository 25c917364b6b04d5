// Analysis of one answer: the coaching engine's public entry. Pure, deterministic, no I/O.
import type { Question, RedFlag } from '../bank/schema.js';
import { isContent, readText, type TextDoc } from '../text/index.js';
import { combinedScore, type Measures } from './combine.js';
import { buildFeedback, followUpFor } from './feedback.js';
import { collectFindings } from './findings.js';
import { type MessageCode, say } from './messages.js';
import { indexDoc } from './phrases.js';
import { DEFAULT_POLICY, gradeFor, type Policy } from './policy.js';
import { gradeAgainstReference } from './reference.js';
import { compileRedFlags, compileRubric, type Rubric } from './rubric.js';
import { creditOf, dimensionScores, flagPenalty, structureShare } from './score.js';
import { clauseIndexOf, clausesOf } from './signals/clauses.js';
import { coherence, specificity, type TermModel, termModel } from './signals/coherence.js';
import { confidenceOf } from './signals/confidence.js';
import { keyPointCoverage, pointlessClauses, rangeSpan } from './signals/coverage.js';
import { bankLexicon, type GrammarLexicon } from './signals/grammar.js';
import { analyzeLanguage } from './signals/language.js';
import { keyPointBags } from './signals/paraphrase.js';
import { contradictionFlags, redFlagHits } from './signals/redFlags.js';
import { analyzeStructure } from './signals/structure.js';
import { analyzeSubstance, declines, noSubstance, notesOf } from './signals/substance.js';
import type { Analysis, FlagHit, KeyPointCoverage, Unexplained } from './types.js';

export { DEFAULT_POLICY, type Policy } from './policy.js';
export { type TermModel, termModel } from './signals/coherence.js';
export { bankLexicon, checkGrammar, type GrammarLexicon } from './signals/grammar.js';
export type * from './types.js';

/** Answers longer than this are not graded (about 3,000 words, far past a two-minute answer). */
export const MAX_ANSWER_CHARS = 20_000;

export interface AnalyzeInput {
  /** A bank question: graded against its rubric. */
  readonly question?: Question | undefined;
  /** Question text, for reference-only grading when there is no bank question. */
  readonly questionText?: string | undefined;
  /** Reference answer, for reference-only grading. */
  readonly reference?: string | undefined;
  readonly answer: string;
  /** Measured speaking time in seconds. */
  readonly durationSec?: number | undefined;
  /** Words per minute for the time estimate (default 130). */
  readonly wpm?: number | undefined;
  /** Unsafe practices flagged on any technical or scenario question (the bank's common red flags). */
  readonly commonRedFlags?: readonly RedFlag[] | undefined;
  /** Which terms go together in correct answers, learned from the whole bank (else from this question alone). */
  readonly termModel?: TermModel | undefined;
  /** The other questions of the bank: an answer that fits one of them far better is about something else. */
  readonly rivals?: readonly Question[] | undefined;
  /** The bank's nouns and jargon for the grammar check (see bankLexicon); else learned from this question. */
  readonly grammarLexicon?: GrammarLexicon | undefined;
  /** Pauses over 2 s in a spoken answer. */
  readonly pauses?: number | undefined;
  /** The current year, for "in 2021" as a past time marker (the adapters pass it; the core reads no clock). */
  readonly year?: number | undefined;
}

/** The placeholder key point of an imported question that has no accepted key points yet. */
export const REFERENCE_KEY_POINT = 'reference-answer';

/** The answer's content stems, less those of skipped tokens: read once, compared with every rubric. */
function answerStems(doc: TextDoc, skip?: (i: number) => boolean): Set<string> {
  const out = new Set<string>();
  doc.tokens.forEach((t, i) => {
    if (isContent(t) && !skip?.(i)) out.add(t.stem);
  });
  return out;
}

/** How much a stem weighs in the likeness measures: its specificity in the bank (1 each without a bank's model). */
type StemWeight = (stem: string) => number;
const unweighted: StemWeight = () => 1;
/** Fewer key points than this in the term model (one question's): too few to say which words are specific. */
const MIN_KEY_POINTS_FOR_WEIGHTS = 50;
const weightsOf = new WeakMap<TermModel, StemWeight>();
function stemWeight(model: TermModel): StemWeight {
  if (model.keyPoints < MIN_KEY_POINTS_FOR_WEIGHTS) return unweighted;
  const known = weightsOf.get(model);
  if (known) return known;
  const memo = new Map<string, number>();
  const weight: StemWeight = (s) => {
    let v = memo.get(s);
    if (v === undefined) {
      v = specificity(model, s);
      memo.set(s, v);
    }
    return v;
  };
  weightsOf.set(model, weight);
  return weight;
}

/** Recall-weighted F of a shared weight against the answer's and the model answer's. */
function likeness(shared: number, answer: number, model: number, p: Policy): number {
  const recall = shared / model;
  const precision = shared / answer;
  const b2 = p.blend.similarityBeta ** 2;
  return recall + precision > 0 ? ((1 + b2) * precision * recall) / (b2 * precision + recall) : 0;
}

/**
 * Overlap of content stems with the closest model answer (recall-weighted F, the question's own words left out),
 * each stem weighted by its specificity, so the words that say which answer this is count most.
 * Exact stems only: the rubric's phrasings do the fine matching; this catches answers phrased away from them.
 */
function modelAnswerSimilarity(
  rubric: Rubric,
  stems: ReadonlySet<string>,
  p: Policy,
  weight: StemWeight,
): number {
  let size = 0;
  for (const s of stems) if (!rubric.questionStems.has(s)) size += weight(s);
  if (size === 0) return 0;
  let best = 0;
  const totals = modelTotals(rubric, weight);
  rubric.modelStems.forEach((model, k) => {
    if (model.size === 0) return;
    const total = totals[k] as number;
    let shared = 0;
    for (const s of stems) if (!rubric.questionStems.has(s) && model.has(s)) shared += weight(s);
    best = Math.max(best, likeness(shared, size, total, p));
  });
  return Math.min(1, best / p.blend.similarityFullAt);
}

const totalsOf = new WeakMap<Rubric, WeakMap<StemWeight, number[]>>();
/** Each model answer's total weight, once per rubric and weighting. */
function modelTotals(rubric: Rubric, weight: StemWeight): number[] {
  const byWeight = totalsOf.get(rubric) ?? new WeakMap<StemWeight, number[]>();
  totalsOf.set(rubric, byWeight);
  let totals = byWeight.get(weight);
  if (!totals) {
    totals = rubric.modelStems.map((model) => {
      let total = 0;
      for (const s of model) total += weight(s);
      return total;
    });
    byWeight.set(weight, totals);
  }
  return totals;
}

interface RivalIndex {
  readonly ids: readonly string[];
  /** stem → the rivals whose question text holds it. */
  readonly question: ReadonlyMap<string, readonly number[]>;
  /** stem → the model answers (rival × 2 + model) that hold it; model stems leave out their question's words. */
  readonly model: ReadonlyMap<string, readonly number[]>;
  /** Each model answer's total weight. */
  readonly modelSize: Float64Array;
}

const rivalIndexes = new WeakMap<StemWeight, WeakMap<readonly Question[], RivalIndex>>();

/** An inverted index of every rival's model answers, built once per question list and weighting. */
function rivalIndex(rivals: readonly Question[], weight: StemWeight): RivalIndex {
  const byList = rivalIndexes.get(weight) ?? new WeakMap<readonly Question[], RivalIndex>();
  rivalIndexes.set(weight, byList);
  const known = byList.get(rivals);
  if (known) return known;
  const list = rivals.filter((q) => q.source !== 'imported');
  const question = new Map<string, number[]>();
  const model = new Map<string, number[]>();
  const modelSize = new Float64Array(list.length * 2);
  const push = (m: Map<string, number[]>, k: string, v: number) => {
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  };
  list.forEach((q, r) => {
    const rubric = compileRubric(q);
    for (const st of rubric.questionStems) push(question, st, r);
    rubric.modelStems.slice(0, 2).forEach((stems, k) => {
      let total = 0;
      for (const st of stems) {
        total += weight(st);
        push(model, st, r * 2 + k);
      }
      modelSize[r * 2 + k] = total;
    });
  });
  const index = { ids: list.map((q) => q.id), question, model, modelSize };
  byList.set(rivals, index);
  return index;
}

interface Borrowed {
  readonly flags: RedFlag[];
  readonly compiled: ReturnType<typeof compileRedFlags>;
  readonly owners: ReadonlyMap<RedFlag, string>;
}
const borrowedFlags = new WeakMap<readonly Question[], Borrowed>();

/**
 * The other questions' red flags, for answers that get the common ones: a misconception is one whatever the
 * question (the bank check holds that no question rewards what another flags). Each flag once, by id.
 */
function borrowedRedFlags(rivals: readonly Question[], p: Policy): Borrowed {
  const known = borrowedFlags.get(rivals);
  if (known) return known;
  const seen = new Set<string>();
  const flags: RedFlag[] = [];
  const owners = new Map<RedFlag, string>();
  for (const q of rivals) {
    if (q.source === 'imported' || !p.kinds.commonFlags.includes(q.kind)) continue;
    for (const f of q.redFlags) {
      if (seen.has(f.id) || f.local) continue;
      seen.add(f.id);
      flags.push(f);
      owners.set(f, q.id);
    }
  }
  const out = { flags, compiled: compileRedFlags(flags), owners };
  borrowedFlags.set(rivals, out);
  return out;
}

/** The other questions' red flags an answer to `question` raises, less those already raised (`taken`). */
export function borrowedFlagHits(
  index: ReturnType<typeof indexDoc>,
  question: Question,
  rivals: readonly Question[],
  taken: readonly FlagHit[],
  p: Policy = DEFAULT_POLICY,
): FlagHit[] {
  const borrowed = borrowedRedFlags(rivals, p);
  const ids = new Set(taken.map((f) => f.id));
  return redFlagHits(
    index,
    borrowed.flags,
    borrowed.compiled,
    (f) => borrowed.owners.get(f) !== question.id && !ids.has(f.id),
  );
}

/**
 * The best likeness of the answer to any other question's model answers (the same measure as
 * modelAnswerSimilarity, through the inverted index: only the stems the answer has are visited).
 */
function bestRivalSimilarity(
  rivals: readonly Question[],
  ownId: string,
  stems: ReadonlySet<string>,
  p: Policy,
  weight: StemWeight,
): { similarity: number; id: string | null } {
  const ix = rivalIndex(rivals, weight);
  const n = ix.ids.length;
  const inQuestion = new Float64Array(n);
  const shared = new Float64Array(n * 2);
  let all = 0;
  for (const st of stems) {
    const w = weight(st);
    all += w;
    for (const r of ix.question.get(st) ?? []) inQuestion[r] = (inQuestion[r] as number) + w;
    for (const m of ix.model.get(st) ?? []) shared[m] = (shared[m] as number) + w;
  }
  let best = 0;
  let bestId: string | null = null;
  for (let r = 0; r < n; r++) {
    if (ix.ids[r] === ownId) continue;
    const size = all - (inQuestion[r] as number);
    if (size <= 1e-9) continue;
    for (let k = 0; k < 2; k++) {
      const total = ix.modelSize[r * 2 + k] as number;
      if (total === 0) continue;
      const f = likeness(shared[r * 2 + k] as number, size, total, p);
      if (f > best) {
        best = f;
        bestId = ix.ids[r] as string;
      }
    }
  }
  return { similarity: Math.min(1, best / p.blend.similarityFullAt), id: bestId };
}

/** The answer's own words for the terms of a clause (the terms are stems; show what was said). */
function termWords(doc: TextDoc, from: number, to: number, terms: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i];
    if (t && terms.some((term) => term.split('\u00b7')[0] === t.stem) && !out.includes(t.text))
      out.push(t.text);
  }
  return out;
}

/** The first token that starts at or after a character offset. */
function tokenAt(doc: TextDoc, offset: number): number {
  let lo = 0;
  let hi = doc.tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((doc.tokens[mid]?.start ?? 0) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const noReferenceText = (text: string) => text.trim() === '';

/** Control characters become spaces: same length, so every span still points at the answer as given. */
export function cleanAnswer(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/g, ' ');
}

/**
 * A sentence that makes a wrong claim cannot also earn full credit: a key point whose evidence sits in the
 * same sentence as a red flag (severity 2+) counts as partial.
 */
function discountWrongSentences(coverage: KeyPointCoverage[], flags: readonly FlagHit[], p: Policy): void {
  const wrong = new Set(
    flags
      .filter((f) => f.severity >= p.flags.wrongSentenceSeverity && f.kind === 'red-flag')
      .map((f) => f.evidence[1]?.start),
  );
  coverage.forEach((c, i) => {
    if (c.status === 'hit' && wrong.has(c.evidence[1]?.start)) coverage[i] = { ...c, status: 'partial' };
  });
}

/** Key points hit in a sentence crowded with other hits were named, not explained. */
function listedKeyPoints(coverage: readonly KeyPointCoverage[], doc: TextDoc, p: Policy): Set<string> {
  const perSentence = new Map<number, string[]>();
  for (const c of coverage) {
    if (c.status !== 'hit' || !c.evidence[1]) continue;
    const s = doc.sentences.findIndex((x) => x.start === c.evidence[1]?.start);
    perSentence.set(s, [...(perSentence.get(s) ?? []), c.id]);
  }
  const listed = new Set<string>();
  for (const [s, ids] of perSentence) {
    const sentence = doc.sentences[s];
    if (!sentence || ids.length < 2) continue;
    const words = doc.tokens.slice(sentence.from, sentence.to).filter((t) => t.kind === 'word').length;
    if (words / ids.length < p.listedWordsPerPoint) for (const id of ids) listed.add(id);
  }
  return listed;
}

function emptyAnalysis(
  questionId: string | null,
  mode: Analysis['mode'],
  code: MessageCode,
  params: Readonly<Record<string, string | number>>,
  answer: string,
): Analysis {
  const doc = readText('');
  const substance = noSubstance([code], params);
  const next = say('substance.start-short');
  return {
    mode,
    questionId,
    score: 0,
    grade: 0,
    dimensions: {
      technical: { score: null, hit: 0, total: 0 },
      ops: { score: null, hit: 0, total: 0 },
      delivery: { score: null, hit: 0, total: 0 },
    },
    coverage: [],
    flags: [],
    substance,
    structure: analyzeStructure(doc, null),
    language: {
      ...analyzeLanguage(doc),
      wordCount: answer.split(/\s+/).filter(Boolean).length,
      score: null,
    },
    reference: null,
    confidence: { level: 'high', reasons: [] },
    findings: [
      {
        code: 'substance.non-answer',
        signal: 'substance',
        spans: [],
        measures: { characters: answer.length },
      },
    ],
    unexplained: [],
    feedback: [
      {
        kind: 'substance',
        code,
        severity: 'major',
        message: substance.notes[0] ?? '',
        next: next.en,
        zh: { message: substance.notesZh[0] ?? '', next: next.zh },
      },
    ],
    followUp: null,
    followUpZh: null,
    notes: substance.notes,
    notesZh: substance.notesZh,
  };
}

/**
 * Analyse one answer.
 * @example analyzeAnswer({ question, answer: 'I keep state in S3 with use_lockfile…' }).score // 0–100
 */
export function analyzeAnswer(input: AnalyzeInput, policy: Policy = DEFAULT_POLICY): Analysis {
  const p = policy;
  const question = input.question ?? null;
  const mode: Analysis['mode'] = question && question.source !== 'imported' ? 'bank' : 'reference';
  const questionId = question?.id ?? null;
  if (input.answer.length > MAX_ANSWER_CHARS) {
    return emptyAnalysis(
      questionId,
      mode,
      'substance.too-long',
      { chars: input.answer.length.toLocaleString('en-US'), max: MAX_ANSWER_CHARS.toLocaleString('en-US') },
      '',
    );
  }
  const answer = cleanAnswer(input.answer);
  const doc = readText(answer);
  const index = indexDoc(doc);
  const languageOf = (nonAnswer: boolean) => {
    const l = analyzeLanguage(
      doc,
      {
        wpm: input.wpm,
        durationSec: input.durationSec,
        pauses: input.pauses,
        lexicon: input.grammarLexicon ?? (input.question ? bankLexicon([input.question]) : undefined),
        year: input.year,
      },
      p,
    );
    // A non-answer has no English to judge.
    return nonAnswer ? { ...l, score: null } : l;
  };
  const structure = analyzeStructure(doc, question?.kind ?? null);
  const clauses = clausesOf(doc);
  const clauseAt = clauseIndexOf(clauses, doc.tokens.length);

  // Imported questions have a reference answer, not a vetted rubric: they are graded against the reference,
  // and key points the user accepted are shown as a checklist.
  if (!question || question.source === 'imported') {
    const referenceText = question ? question.modelAnswers.full : (input.reference ?? '');
    const reference = readText(cleanAnswer(referenceText));
    const questionDoc = readText(question ? question.text : (input.questionText ?? ''));
    const substance = analyzeSubstance({ doc, topicStems: null, hits: 0, shortAnswersAllowed: true });
    const language = languageOf(substance.nonAnswer);
    const ref = gradeAgainstReference(doc, reference, questionDoc);
    // Human graders forgive a paraphrase that shares few words with the reference, but an answer of some length
    // whose words mostly belong to neither the question nor the reference is about another topic.
    const content = doc.tokens.filter(isContent);
    const shared = new Set(
      [...reference.tokens, ...questionDoc.tokens].filter(isContent).flatMap((t) => [t.stem, ...t.parts]),
    );
    const onTopic = content.filter((t) => shared.has(t.stem) || t.parts.some((x) => shared.has(x))).length;
    const relevance = content.length > 0 ? onTopic / content.length : 0;
    const { relevanceNone, relevanceFull, offTopicFactor, offTopicMinWords } = p.reference;
    const relevanceFactor =
      content.length < offTopicMinWords
        ? 1
        : offTopicFactor +
          (1 - offTopicFactor) *
            Math.max(0, Math.min(1, (relevance - relevanceNone) / (relevanceFull - relevanceNone)));
    // Reference mode: "known" is the share of the answer's words the question and the reference share.
    const refConfidence = noReferenceText(referenceText)
      ? { level: 'low' as const, reasons: ['unknown-words' as const] }
      : confidenceOf(
          { doc, known: content.length < offTopicMinWords ? 1 : relevance, declined: declines(answer) },
          p,
        );
    const noReference = referenceText.trim() === '';
    const noted = notesOf(
      noReference ? [...substance.noteCodes, 'substance.no-reference'] : substance.noteCodes,
    );
    const score = substance.nonAnswer || noReference ? 0 : Math.round(ref.score * relevanceFactor);
    const coverage = question
      ? keyPointCoverage({
          index,
          rubric: compileRubric(question),
          clauses,
          clauseAt,
          coherence: coherence(doc, clauses, input.termModel ?? termModel([question])),
          flags: [],
          policy: p,
          bags: [],
        }).filter((c) => c.id !== REFERENCE_KEY_POINT)
      : [];
    return {
      mode: 'reference',
      questionId,
      score,
      grade: gradeFor(score, p),
      dimensions: {
        technical: { score, hit: coverage.filter((c) => c.status === 'hit').length, total: coverage.length },
        ops: { score: null, hit: 0, total: 0 },
        delivery: { score: null, hit: 0, total: 0 },
      },
      coverage,
      flags: [],
      substance,
      structure,
      language,
      reference: { similarity: Math.round(ref.similarity * 1000) / 1000, missingTerms: ref.missingTerms },
      confidence: refConfidence,
      findings: collectFindings({
        coverage,
        flags: [],
        coherence: null,
        index,
        substance,
        confidence: refConfidence,
        structure,
      }),
      unexplained: [],
      feedback: buildFeedback({
        confidence: refConfidence,
        question: null,
        coverage,
        flags: [],
        substance: { ...substance, ...noted },
        structure,
        language,
        missingTerms: ref.missingTerms,
      }),
      followUp: null,
      followUpZh: null,
      notes: noted.notes,
      notesZh: noted.notesZh,
    };
  }

  const rubric = compileRubric(question);
  const common =
    input.commonRedFlags && p.kinds.commonFlags.includes(question.kind) ? input.commonRedFlags : [];
  const model = input.termModel ?? termModel([question], common);
  const coherent = coherence(doc, clauses, model);
  const own = redFlagHits(index, question.redFlags, rubric.redFlags);
  const shared = redFlagHits(index, common, compileRedFlags(common)).filter(
    (f) => !own.some((o) => o.id === f.id),
  );
  if (input.rivals && common.length > 0)
    shared.push(...borrowedFlagHits(index, question, input.rivals, [...own, ...shared], p));
  const bags = keyPointBags(question, model, rubric.questionStems);
  const coverageContext = {
    index,
    rubric,
    clauses,
    clauseAt,
    coherence: coherent,
    flags: [...own, ...shared],
    policy: p,
    bags,
  };
  const coverage = keyPointCoverage(coverageContext);
  const flags = [...own, ...shared, ...contradictionFlags(coverage, p)];
  discountWrongSentences(coverage, flags, p);
  const hits = coverage.filter((c) => c.status === 'hit').length;
  const substance = analyzeSubstance({ doc, topicStems: rubric.topicStems, hits });
  const language = languageOf(substance.nonAnswer);
  const listed = listedKeyPoints(coverage, doc, p);
  const totalWeight = coverage.reduce((n, c) => n + c.weight, 0);
  const covered =
    coverage.reduce((n, c) => n + c.weight * creditOf(c, listed, p), 0) / Math.max(1e-9, totalWeight);
  // Words in clauses that explain nothing earn no likeness to the model answers either: clauses whose terms do
  // not go together, and clauses that equate two key points (coverage marks their mentions unexplained).
  const nonsense = new Set(coherent.unexplained.map((u) => u.clause.index));
  const equated: number[] = [];
  for (const at of pointlessClauses(coverageContext))
    if (!nonsense.has(at)) {
      nonsense.add(at);
      equated.push(at);
    }
  for (const c of coverage) {
    if (c.basis !== 'unexplained' || !c.evidence[0]) continue;
    const at = clauseAt[tokenAt(doc, c.evidence[0].start)] ?? -1;
    if (at >= 0 && !nonsense.has(at)) {
      nonsense.add(at);
      equated.push(at);
    }
  }
  const weight = stemWeight(model);
  const similarity = modelAnswerSimilarity(
    rubric,
    answerStems(doc, (i) => nonsense.has(clauseAt[i] ?? -1)),
    p,
    weight,
  );
  // Which question is this an answer to? Its likeness to this question's model answers against the best of all.
  const stems = answerStems(doc);
  const raw = modelAnswerSimilarity(rubric, stems, p, weight);
  const closest = input.rivals ? bestRivalSimilarity(input.rivals, question.id, stems, p, weight) : null;
  const rival = closest?.similarity ?? 0;
  // Far closer to another question's model answers: an answer to that question, whatever words the two share.
  const otherQuestion =
    closest?.id && rival - raw >= p.rival.astrayAt
      ? (input.rivals?.find((q) => q.id === closest.id) ?? null)
      : null;
  const focus = raw > 0 ? raw / Math.max(raw, rival) : 0;
  const star = structureShare(structure, question.kind, p);
  const withStar = (share: number) =>
    star === null ? share : (1 - p.blend.star) * share + p.blend.star * star;
  const contentWords = doc.tokens.filter(isContent).length;
  // Pairings of a named tool or service that no correct clause has: "CloudTrail acts as our SSO". Plain words
  // paired for the first time ("a critical kind of situation") are vague, not nonsense.
  const unattestedPairs = coherent.clauses.reduce((n, c) => n + c.toolPairs - c.toolAttested, 0);
  const measures: Measures = {
    covered: withStar(covered),
    similarity,
    unattested: coherent.pairings >= p.coherence.minPairings ? coherent.unattestedShare : 0.5,
    nonsense: Math.min(2, unattestedPairs / Math.max(1, contentWords)),
    relevance: substance.relevance,
    focus,
    astray: Math.max(0, rival - raw),
    misrelations: Math.min(
      1,
      coherent.relations.filter((r) => !r.attested).length / Math.max(1, doc.sentences.length),
    ),
  };
  const { keep, cap: flagCap } = flagPenalty(flags, p);
  // Mostly sentences that explain nothing: at most superficial credit, whatever words they use.
  // A clause bears terms when the term model finds two in it, or when it names key points to no purpose (it is
  // then among the clauses that explain nothing, whatever the term model counts in it).
  const bearingAt = new Set(nonsense);
  for (const j of coherent.clauses) if (j.terms.length >= 2) bearingAt.add(j.clause.index);
  const bearing = bearingAt.size;
  const unexplainedClauses = nonsense.size;
  const mostlyNonsense =
    bearing >= p.coherence.mostlyMinClauses && unexplainedClauses / bearing > p.coherence.mostlyShare;
  const cap = Math.min(
    flagCap,
    mostlyNonsense ? p.coherence.mostlyCap : 100,
    otherQuestion ? p.rival.cap : 100,
  );
  const form = substance.formFactor;
  const confidence = confidenceOf({ doc, known: coherent.known, declined: declines(answer) }, p);
  const unexplained: Unexplained[] = [
    ...coherent.unexplained.map((u) => ({
      quote: rangeSpan(index, u.clause.from, u.clause.to),
      terms: u.clause.from < doc.tokens.length ? termWords(doc, u.clause.from, u.clause.to, u.terms) : [],
    })),
    ...equated.map((at) => {
      const c = clauses[at] as (typeof clauses)[number];
      const terms = coherent.clauses.find((j) => j.clause.index === at)?.terms ?? [];
      return { quote: rangeSpan(index, c.from, c.to), terms: termWords(doc, c.from, c.to, terms) };
    }),
  ];
  const score = combinedScore(measures, form, keep, cap, p);
  const followUp = followUpFor(question, coverage, flags, new Set(doc.tokens.map((t) => t.stem)));
  const dimensions = dimensionScores(
    coverage,
    listed,
    (share) => combinedScore({ ...measures, covered: withStar(share) }, form, keep, cap, p),
    p,
  );
  return {
    mode,
    questionId,
    score,
    grade: gradeFor(score, p),
    dimensions,
    coverage,
    flags,
    substance,
    structure,
    language,
    reference: null,
    confidence,
    findings: collectFindings({
      coverage,
      flags,
      coherence: coherent,
      index,
      substance,
      confidence,
      structure,
      ...(mostlyNonsense
        ? { mostlyUnexplained: { share: unexplainedClauses / bearing, cap: p.coherence.mostlyCap } }
        : {}),
      ...(otherQuestion
        ? { otherQuestion: { id: otherQuestion.id, own: raw, other: rival, cap: p.rival.cap } }
        : {}),
    }),
    unexplained,
    measures,
    feedback: buildFeedback({
      question,
      coverage,
      flags,
      substance,
      structure,
      language,
      missingTerms: [],
      unexplained,
      mostlyUnexplained: mostlyNonsense
        ? { clauses: unexplainedClauses, of: bearing, cap: p.coherence.mostlyCap }
        : undefined,
      otherQuestion: otherQuestion ? { text: otherQuestion.text, cap: p.rival.cap } : undefined,
      confidence,
      policy: p,
    }),
    followUp: followUp?.text ?? null,
    followUpZh: followUp?.zh ?? null,
    notes: [...new Set(substance.notes)],
    notesZh: [...new Set(substance.notesZh)],
  };
}
