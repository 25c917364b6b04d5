// Reference-only grading: score a free answer against a model answer when a question has no rubric.
// Lexical alignment in the spirit of Sultan et al. (2016) and Mohler et al. (2011), with no trained model.
import { isContent, type TextDoc, type Token } from '../text/index.js';

export interface ReferenceResult {
  /** 0-100. */
  score: number;
  /** Raw alignment similarity, 0-1. */
  similarity: number;
  /** Character spans in the answer of words aligned to the reference. */
  matched: Array<{ start: number; end: number }>;
  /** Important reference words the answer lacks, as the reference spells them (at most 8). */
  missingTerms: string[];
}

export const P = {
  qDemote: 0,
  beta: 3,
  prefix: 0.7,
  typo: 0.85,
  quant: 1,
  lenCap: 4,
  c0: 1.615,
  cSim: 1.949,
  cLen: 1.611,
  // peers
  lam: 0.5,
  eps: 0.1,
  peerPow: 1,
  peerMode: 1,
};
export const PEERDBG: Array<{ sim: number; consensus: number; nAns: number }> = [];
export const LAST = { recall: 0, precision: 0, nAns: 0, nRef: 0, qOverlap: 0 };

interface Unit {
  readonly tok: Token;
  readonly weight: number;
}

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
const NON_ANSWER = /^\W*(?:not answered|no answer|n\/?a|none|i (?:do not|don'?t) know|idk|no idea|skip(?:ped)?|pass|tbd)\W*$/i;

function keep(t: Token): number {
  if (isContent(t)) return 1;
  if ((t.kind === 'word' || t.kind === 'number') && QUANTIFIERS.has(t.norm)) return P.quant;
  return 0;
}

/** One unit per distinct stem; words the question already says are demoted (they earn no credit by repetition). */
function units(doc: TextDoc, question: ReadonlySet<string>): Unit[] {
  const seen = new Set<string>();
  const out: Unit[] = [];
  for (const t of doc.tokens) {
    const k = keep(t);
    if (k === 0 || seen.has(t.stem)) continue;
    seen.add(t.stem);
    const demote = question.has(t.stem) || question.has(t.lemma) ? P.qDemote : 1;
    out.push({ tok: t, weight: k * demote });
  }
  return out;
}

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Optimal-string-alignment distance with an early exit above `max`. */
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
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}

/** Lexical similarity of two words, 0-1: same stem or lemma, number word, compound part, misspelling, derivation. */
function wordSim(a: Token, r: Token): number {
  if (a.stem === r.stem || a.lemma === r.lemma || a.norm === r.norm) return 1;
  if ((NUMBER_WORDS[a.norm] ?? a.norm) === (NUMBER_WORDS[r.norm] ?? r.norm)) return 1;
  if (a.parts.includes(r.stem) || r.parts.includes(a.stem)) return 0.9;
  if (a.kind !== 'word' || r.kind !== 'word') return 0;
  const shortest = Math.min(a.norm.length, r.norm.length);
  if (shortest >= 5) {
    const max = shortest >= 8 ? 2 : 1;
    if (editDistance(a.norm, r.norm, max) <= max) return P.typo;
    if (commonPrefix(a.norm, r.norm) >= 5) return P.prefix;
  }
  return 0;
}

/** Token indices of word runs whose initials spell an acronym ("last in first out" → lifo). */
function acronymRuns(doc: TextDoc): Map<string, number[]> {
  const runs = new Map<string, number[]>();
  for (const s of doc.sentences) {
    for (let i = s.from; i < s.to; i++) {
      let initials = '';
      const idx: number[] = [];
      for (let j = i; j < s.to && idx.length < 6; j++) {
        const t = doc.tokens[j] as Token;
        if (t.kind !== 'word' || !/^[a-z]/.test(t.norm)) break;
        initials += t.norm[0];
        idx.push(j);
        if (idx.length >= 2 && !runs.has(initials)) runs.set(initials, [...idx]);
      }
    }
  }
  return runs;
}

/** A token written like an acronym: capitals ("BST", "LIFO"). */
function acronymOf(t: Token): string | undefined {
  if (/^[A-Z]{2,6}$/.test(t.text)) return t.norm;
  return /^[A-Z]{2,6}s$/.test(t.text) ? t.norm.slice(0, -1) : undefined;
}

type WordSim = (a: Token, b: Token) => number;

interface Alignment {
  recall: number;
  precision: number;
  /** Best match of each reference unit, 0-1. */
  refBest: number[];
}

/** Weighted recall of the reference units and precision of the answer units, each word taking its best partner. */
function align(ans: readonly Unit[], ref: readonly Unit[], sim: WordSim, ansDoc?: TextDoc, refDoc?: TextDoc): Alignment {
  const refBest = new Array<number>(ref.length).fill(0);
  const ansBest = new Array<number>(ans.length).fill(0);
  ans.forEach((a, i) => {
    ref.forEach((r, j) => {
      const s = sim(a.tok, r.tok);
      if (s > (ansBest[i] as number)) ansBest[i] = s;
      if (s > (refBest[j] as number)) refBest[j] = s;
    });
  });
  if (ansDoc && refDoc) alignAcronyms(ans, ref, ansBest, refBest, ansDoc, refDoc);
  let precNum = 0;
  let precDen = 0;
  ans.forEach((a, i) => {
    precNum += a.weight * (ansBest[i] as number);
    precDen += a.weight;
  });
  let recNum = 0;
  let recDen = 0;
  ref.forEach((r, j) => {
    recNum += r.weight * (refBest[j] as number);
    recDen += r.weight;
  });
  return { recall: recDen ? recNum / recDen : 0, precision: precDen ? precNum / precDen : 0, refBest };
}

/** An acronym on one side aligns with the words it abbreviates on the other. */
function alignAcronyms(
  ans: readonly Unit[],
  ref: readonly Unit[],
  ansBest: number[],
  refBest: number[],
  ansDoc: TextDoc,
  refDoc: TextDoc,
): void {
  const mark = (short: readonly Unit[], shortBest: number[], long: readonly Unit[], longBest: number[], longDoc: TextDoc) => {
    let runs: Map<string, number[]> | undefined;
    short.forEach((u, i) => {
      const acr = acronymOf(u.tok);
      if (!acr) return;
      runs ??= acronymRuns(longDoc);
      const run = runs.get(acr);
      if (!run) return;
      shortBest[i] = 1;
      long.forEach((v, j) => {
        if (run.includes(v.tok.index)) longBest[j] = 1;
      });
    });
  };
  mark(ans, ansBest, ref, refBest, refDoc);
  mark(ref, refBest, ans, ansBest, ansDoc);
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

/**
 * Graders reward coverage with quickly diminishing returns (hence the square root), and mark down answers
 * shorter than the reference needs; the constants are a least-squares fit on Mohler assignments 1-6, frozen.
 */
function calibrate(similarity: number, nAnswer: number, nReference: number): number {
  const need = Math.max(1, Math.min(nReference, P.lenCap));
  const completeness = Math.min(nAnswer, need) / need;
  const grade = P.c0 + P.cSim * Math.sqrt(similarity) + P.cLen * completeness;
  return Math.round(20 * Math.min(5, Math.max(0, grade)));
}

const EMPTY: ReferenceResult = { score: 0, similarity: 0, matched: [], missingTerms: [] };

export function gradeAgainstReference(answer: TextDoc, reference: TextDoc, question?: TextDoc): ReferenceResult {
  const qStems = questionStems(question);
  // A reference that only restates the question still has to be matched, so it keeps its words.
  const refUnits = units(reference, qStems);
  const ref = refUnits.some((r) => r.weight > 0) ? refUnits : units(reference, new Set());
  const ans = units(answer, qStems);
  LAST.nAns = 0;
  if (ans.length === 0 || ref.length === 0 || NON_ANSWER.test(answer.text.trim())) return { ...EMPTY };
  const { recall, precision, refBest } = align(ans, ref, wordSim, answer, reference);
  const similarity = fMeasure(recall, precision, P.beta);
  const matched: Array<{ start: number; end: number }> = [];
  for (const t of answer.tokens) {
    if (keep(t) > 0 && ref.some((r) => wordSim(t, r.tok) > 0)) matched.push({ start: t.start, end: t.end });
  }
  const missingTerms = ref
    .map((r, j) => ({ word: r.tok.text, weight: r.weight, hit: refBest[j] as number }))
    .filter((m) => m.hit === 0)
    .sort((x, y) => y.weight - x.weight)
    .slice(0, 8)
    .map((m) => m.word);
  LAST.recall = recall;
  LAST.precision = precision;
  LAST.nAns = ans.length;
  LAST.nRef = ref.length;
  LAST.qOverlap = ans.filter((a) => qStems.has(a.tok.stem)).length / ans.length;
  return { score: calibrate(similarity, ans.length, ref.length), similarity, matched, missingTerms };
}

export function gradeWithPeers(answers: readonly TextDoc[], reference: TextDoc, question?: TextDoc): ReferenceResult[] {
  const base = answers.map((a) => gradeAgainstReference(a, reference, question));
  if (P.peerMode === 0) return base;
  const qStems = questionStems(question);
  const us = answers.map((a) => units(a, qStems));
  // Memoise word similarity by stem pair: peers share most of their vocabulary.
  const memo = new Map<string, number>();
  const sim = (a: Token, b: Token): number => {
    const key = a.stem < b.stem ? `${a.stem}\u0000${b.stem}` : `${b.stem}\u0000${a.stem}`;
    let v = memo.get(key);
    if (v === undefined) memo.set(key, (v = wordSim(a, b)));
    return v;
  };
  const n = answers.length;
  const pair = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const al = align(us[i] as Unit[], us[j] as Unit[], sim);
      const v = fMeasure(al.recall, al.precision, 1);
      (pair[i] as number[])[j] = v;
      (pair[j] as number[])[i] = v;
    }
  }
  return base.map((b, i) => {
    let num = 0;
    let den = 0;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const w = ((base[j] as ReferenceResult).similarity + P.eps) ** P.peerPow;
      num += w * ((pair[i] as number[])[j] as number);
      den += w;
    }
    const consensus = den ? num / den : 0;
    PEERDBG.push({ sim: b.similarity, consensus, nAns: us[i]?.length ?? 0 });
    const similarity = P.lam * b.similarity + (1 - P.lam) * consensus;
    return { ...b, similarity, score: calibrate(similarity, 4, 4) };
  });
}
