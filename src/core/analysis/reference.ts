// Reference-only grading: score a free answer against a model answer when a question has no rubric.
// Lexical alignment in the spirit of Mohler et al. (2011) and Sultan et al. (2016), with no trained model.
// Benchmark and tuning protocol: scripts/eval-mohler.ts (constants fitted on Mohler assignments 1-6 only).
import { isContent, type TextDoc, type Token } from '../text/index.js';

export interface ReferenceResult {
  /** 0-100, calibrated to human grades (0-5 scale × 20). */
  score: number;
  /** Raw alignment similarity to the reference, 0-1. */
  similarity: number;
  /** Character spans in the answer of words aligned to the reference. */
  matched: Array<{ start: number; end: number }>;
  /** Important reference words the answer lacks, as the reference spells them (at most 8). */
  missingTerms: string[];
}

/** Recall of the reference matters most: graders forgive extra material far more than missing material. */
const BETA = 3;
/** Credit for a derivational cousin ("initializer" / "initialization") and for a likely misspelling. */
const PREFIX_CREDIT = 0.7;
const TYPO_CREDIT = 0.85;
/** An answer needs about this many content words (fewer if the reference is shorter) to count as complete. */
const COMPLETE_AT = 4;
/**
 * Grade (0-5) = BASE + SIM·√similarity + LENGTH·completeness, clamped. Least-squares fit on assignments 1-6:
 * graders reward coverage with quickly diminishing returns (√) and are generous to fluent paraphrases,
 * so an answer sharing no word with the reference still lands near 3/5 unless it is very short.
 */
const REF_ONLY = { base: 1.615, sim: 1.949, length: 1.611 };
/** Same form plus peer consensus (fit the same way). */
const WITH_PEERS = { base: 1.307, sim: 0.515, consensus: 2.218, length: 1.583 };
/** Below this many peers, consensus is too noisy and peer mode falls back to the reference alone. */
const MIN_PEERS = 3;

// Function words that still carry meaning in a definition ("at least once", "all except the first one").
const QUANTIFIERS = new Set(
  'once one all any both each few more most other same only before after above below between under over out up down no not own again until during through against without never none every first last'.split(
    ' ',
  ),
);
const NUMBER_WORDS: Record<string, string> = {
  zero: '0',
  none: '0',
  one: '1',
  once: '1',
  single: '1',
  two: '2',
  twice: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};
// Answers that decline to answer; graders give them 0 whatever words they share with the question.
// ("none" and "pass" are left out: they can be real answers.)
const NON_ANSWER =
  /^\W*(?:not answered|no answer|n\/a|(?:i )?(?:do not|don'?t|dont) know|idk|no idea|skip(?:ped)?|tbd)\W*$/i;

interface Unit {
  readonly tok: Token;
  readonly weight: number;
}

function counts(t: Token): boolean {
  return isContent(t) || ((t.kind === 'word' || t.kind === 'number') && QUANTIFIERS.has(t.norm));
}

/**
 * One unit per distinct stem. Words the question already says weigh nothing (question demotion):
 * repeating "constructor" to a question about constructors shows no knowledge.
 */
function units(doc: TextDoc, question: ReadonlySet<string>): Unit[] {
  const seen = new Set<string>();
  const out: Unit[] = [];
  for (const t of doc.tokens) {
    if (!counts(t) || seen.has(t.stem)) continue;
    seen.add(t.stem);
    out.push({ tok: t, weight: question.has(t.stem) || question.has(t.lemma) ? 0 : 1 });
  }
  return out;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Optimal-string-alignment distance, giving up (max + 1) as soon as it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Lexical similarity of two words, 0-1: stem/lemma, number word, compound part, misspelling, derivation. */
function wordSim(a: Token, r: Token): number {
  if (a.stem === r.stem || a.lemma === r.lemma || a.norm === r.norm) return 1;
  if ((NUMBER_WORDS[a.norm] ?? a.norm) === (NUMBER_WORDS[r.norm] ?? r.norm)) return 1;
  if (a.parts.includes(r.stem) || r.parts.includes(a.stem)) return 0.9;
  if (a.kind !== 'word' || r.kind !== 'word') return 0;
  const shortest = Math.min(a.norm.length, r.norm.length);
  // Short words differ by one letter too often ("heap"/"head"); misspellings rarely change the first letter.
  if (shortest < 5 || a.norm[0] !== r.norm[0]) return 0;
  const max = shortest >= 8 ? 2 : 1;
  if (editDistance(a.norm, r.norm, max) <= max) return TYPO_CREDIT;
  return commonPrefix(a.norm, r.norm) >= 5 ? PREFIX_CREDIT : 0;
}

type WordSim = (a: Token, b: Token) => number;

/** A token written like an acronym ("BST", "LIFOs"), lower-cased without a plural s. */
function acronymOf(t: Token): string | undefined {
  if (/^[A-Z]{2,6}$/.test(t.text)) return t.norm;
  return /^[A-Z]{2,6}s$/.test(t.text) ? t.norm.slice(0, -1) : undefined;
}

/** Runs of up to 6 words in one sentence whose initials spell `acronym` ("last in first out"). */
function expansionOf(doc: TextDoc, acronym: string): Set<number> | undefined {
  for (const s of doc.sentences) {
    for (let i = s.from; i + acronym.length <= s.to; i++) {
      let ok = true;
      for (let k = 0; k < acronym.length && ok; k++) {
        const t = doc.tokens[i + k] as Token;
        ok = t.kind === 'word' && t.norm[0] === acronym[k];
      }
      if (ok) return new Set(Array.from({ length: acronym.length }, (_, k) => i + k));
    }
  }
  return undefined;
}

/** An acronym on one side aligns fully with the words it abbreviates on the other. */
function alignAcronyms(
  short: readonly Unit[],
  shortBest: number[],
  long: readonly Unit[],
  longBest: number[],
  longDoc: TextDoc,
) {
  short.forEach((u, i) => {
    const acronym = acronymOf(u.tok);
    const run = acronym ? expansionOf(longDoc, acronym) : undefined;
    if (!run) return;
    shortBest[i] = 1;
    long.forEach((v, j) => {
      if (run.has(v.tok.index)) longBest[j] = 1;
    });
  });
}

interface Alignment {
  /** Weighted share of reference units the answer covers. */
  recall: number;
  /** Weighted share of answer units that belong to the reference. */
  precision: number;
  ansBest: number[];
  refBest: number[];
}

/** Each word takes its best partner on the other side (many-to-one, as graders do not count repeats). */
function align(
  ans: readonly Unit[],
  ref: readonly Unit[],
  sim: WordSim,
  docs?: { ans: TextDoc; ref: TextDoc },
): Alignment {
  const refBest = new Array<number>(ref.length).fill(0);
  const ansBest = new Array<number>(ans.length).fill(0);
  ans.forEach((a, i) => {
    ref.forEach((r, j) => {
      const s = sim(a.tok, r.tok);
      if (s > (ansBest[i] as number)) ansBest[i] = s;
      if (s > (refBest[j] as number)) refBest[j] = s;
    });
  });
  if (docs) {
    alignAcronyms(ans, ansBest, ref, refBest, docs.ref);
    alignAcronyms(ref, refBest, ans, ansBest, docs.ans);
  }
  const share = (us: readonly Unit[], best: readonly number[]): number => {
    let num = 0;
    let den = 0;
    us.forEach((u, k) => {
      num += u.weight * (best[k] as number);
      den += u.weight;
    });
    return den ? num / den : 0;
  };
  return { recall: share(ref, refBest), precision: share(ans, ansBest), ansBest, refBest };
}

function fMeasure(recall: number, precision: number, beta: number): number {
  const b2 = beta * beta;
  return recall + precision > 0 ? ((1 + b2) * precision * recall) / (b2 * precision + recall) : 0;
}

function questionStems(question?: TextDoc): Set<string> {
  const q = new Set<string>();
  for (const t of question?.tokens ?? []) if (isContent(t)) q.add(t.stem).add(t.lemma);
  return q;
}

/** Share of the words a complete answer needs; one-word answers to multi-part references lose marks. */
function completeness(nAnswer: number, nReference: number): number {
  const need = Math.max(1, Math.min(nReference, COMPLETE_AT));
  return Math.min(nAnswer, need) / need;
}

function toScore(grade: number): number {
  return Math.round(20 * Math.min(5, Math.max(0, grade)));
}

interface Graded {
  result: ReferenceResult;
  answerUnits: Unit[];
  referenceUnits: number;
}

function grade(answer: TextDoc, reference: TextDoc, qStems: ReadonlySet<string>): Graded {
  const ans = units(answer, qStems);
  let ref = units(reference, qStems);
  // A reference that only restates the question still has to be matched, so it keeps its words.
  if (!ref.some((r) => r.weight > 0)) ref = units(reference, new Set());
  const empty = { score: 0, similarity: 0, matched: [], missingTerms: [] };
  if (ans.length === 0 || ref.length === 0 || NON_ANSWER.test(answer.text.trim())) {
    return { result: empty, answerUnits: [], referenceUnits: ref.length };
  }
  const { recall, precision, ansBest, refBest } = align(ans, ref, wordSim, { ans: answer, ref: reference });
  const similarity = fMeasure(recall, precision, BETA);
  const alignedStems = new Set(ans.filter((_, i) => (ansBest[i] as number) > 0).map((a) => a.tok.stem));
  const matched = answer.tokens
    .filter((t) => counts(t) && alignedStems.has(t.stem))
    .map((t) => ({ start: t.start, end: t.end }));
  // Unmatched reference words in reference order, those the question already gives away last.
  const missingTerms = ref
    .filter((_, j) => refBest[j] === 0)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 8)
    .map((r) => r.tok.text);
  const g =
    REF_ONLY.base +
    REF_ONLY.sim * Math.sqrt(similarity) +
    REF_ONLY.length * completeness(ans.length, ref.length);
  return {
    result: { score: toScore(g), similarity, matched, missingTerms },
    answerUnits: ans,
    referenceUnits: ref.length,
  };
}

/** Grade one answer against a model answer alone. Pure and deterministic; texts are read once by the caller. */
export function gradeAgainstReference(
  answer: TextDoc,
  reference: TextDoc,
  question?: TextDoc,
): ReferenceResult {
  return grade(answer, reference, questionStems(question)).result;
}

/**
 * Grade all answers to one question, using the other answers as context. Most students answer correctly,
 * so an answer that agrees with peers who themselves match the reference is probably right even when it
 * paraphrases the reference ("as many as you want" for "unlimited number"). Results keep the input order.
 */
export function gradeWithPeers(
  answers: readonly TextDoc[],
  reference: TextDoc,
  question?: TextDoc,
): ReferenceResult[] {
  const qStems = questionStems(question);
  const graded = answers.map((a) => grade(a, reference, qStems));
  if (answers.length <= MIN_PEERS) return graded.map((g) => g.result);
  // Peers share most of their vocabulary: memoise word similarity by stem pair.
  const memo = new Map<string, number>();
  const sim: WordSim = (a, b) => {
    const key = a.stem < b.stem ? `${a.stem}\u0000${b.stem}` : `${b.stem}\u0000${a.stem}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const v = wordSim(a, b);
    memo.set(key, v);
    return v;
  };
  const n = answers.length;
  const pair = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const al = align((graded[i] as Graded).answerUnits, (graded[j] as Graded).answerUnits, sim);
      const f1 = fMeasure(al.recall, al.precision, 1);
      (pair[i] as number[])[j] = f1;
      (pair[j] as number[])[i] = f1;
    }
  }
  return graded.map((g, i) => {
    const r = g.result;
    if (g.answerUnits.length === 0) return r;
    // Agreement with each peer, weighted by how well that peer matches the reference.
    let num = 0;
    let den = 0;
    graded.forEach((peer, j) => {
      if (j === i) return;
      num += peer.result.similarity * ((pair[i] as number[])[j] as number);
      den += peer.result.similarity;
    });
    if (den === 0) return r;
    const c = WITH_PEERS;
    const value =
      c.base +
      c.sim * Math.sqrt(r.similarity) +
      c.consensus * Math.sqrt(num / den) +
      c.length * completeness(g.answerUnits.length, g.referenceUnits);
    return { ...r, score: toScore(value) };
  });
}
