// Reference-only grading: score a free answer against a model answer when a question has no rubric.
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
  minW: 1,
  qDemote: 0.1,
  beta: 3,
  prefix: 0.7,
  typo: 0.85,
  negMismatch: 1,
  quant: 1,
  posDecay: 0,
  sentMax: 0,
  bi: 0,
  numw: 1,
  prefixLen: 5,
  c0: 0.0,
  c1: 1.0,
  gamma: 0.5,
  // peers
  lam: 0.5,
  eps: 0.1,
  peerPow: 1,
  peerMode: 0,
};
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

/** Specificity prior: longer words are rarer and more technical in English; no corpus IDF exists at runtime. */
function specificity(t: Token): number {
  const len = t.kind === 'number' ? 4 : t.norm.length;
  return P.minW + (1 - P.minW) * Math.min(1, Math.max(0, len - 2) / 8);
}

function keep(t: Token): number {
  if (isContent(t)) return 1;
  if ((t.kind === 'word' || t.kind === 'number') && QUANTIFIERS.has(t.norm)) return P.quant;
  return 0;
}

function units(doc: TextDoc, question: ReadonlySet<string>): Unit[] {
  const seen = new Set<string>();
  const out: Unit[] = [];
  for (const t of doc.tokens) {
    const k = keep(t);
    if (k === 0 || seen.has(t.stem)) continue;
    seen.add(t.stem);
    const demote = question.has(t.stem) || question.has(t.lemma) ? P.qDemote : 1;
    out.push({ tok: t, weight: k * specificity(t) * demote });
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

/** Lexical similarity of two content words, 0-1. */
const NUMBER_WORDS: Record<string, string> = { zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', once: '1', twice: '2', single: '1', none: '0' };
function wordSim(a: Token, r: Token): number {
  if (a.stem === r.stem || a.lemma === r.lemma || a.norm === r.norm) return 1;
  if (P.numw && (NUMBER_WORDS[a.norm] ?? a.norm) === (NUMBER_WORDS[r.norm] ?? r.norm)) return 1;
  if (a.parts.includes(r.stem) || r.parts.includes(a.stem)) return 0.9;
  if (a.kind !== 'word' || r.kind !== 'word') return 0;
  const shortest = Math.min(a.norm.length, r.norm.length);
  if (shortest >= 5) {
    const max = shortest >= 8 ? 2 : 1;
    if (editDistance(a.norm, r.norm, max) <= max) return P.typo;
    if (commonPrefix(a.norm, r.norm) >= P.prefixLen) return P.prefix;
  }
  return 0;
}

interface Alignment {
  recall: number;
  precision: number;
  /** Best match of each reference unit. */
  refBest: number[];
  bigram: number;
}

function align(ans: readonly Unit[], ref: readonly Unit[], sim: (a: Token, b: Token) => number = wordSim): Alignment {
  const refBest = new Array<number>(ref.length).fill(0);
  const refArg = new Array<Token | undefined>(ref.length).fill(undefined);
  let precNum = 0;
  let precDen = 0;
  for (const a of ans) {
    let best = 0;
    ref.forEach((r, j) => {
      let s = sim(a.tok, r.tok);
      if (s > 0 && a.tok.negated !== r.tok.negated) s *= P.negMismatch;
      if (s > best) best = s;
      if (s > (refBest[j] as number)) {
        refBest[j] = s;
        refArg[j] = a.tok;
      }
    });
    precNum += a.weight * best;
    precDen += a.weight;
  }
  let recNum = 0;
  let recDen = 0;
  const sentNum = new Map<number, number>();
  const sentDen = new Map<number, number>();
  ref.forEach((r, j) => {
    const w = r.weight / (1 + P.posDecay * r.tok.sentence);
    recNum += w * (refBest[j] as number);
    recDen += w;
    sentNum.set(r.tok.sentence, (sentNum.get(r.tok.sentence) ?? 0) + w * (refBest[j] as number));
    sentDen.set(r.tok.sentence, (sentDen.get(r.tok.sentence) ?? 0) + w);
  });
  let maxSent = 0;
  for (const [k, d] of sentDen) if (d > 0) maxSent = Math.max(maxSent, (sentNum.get(k) ?? 0) / d);
  if (recDen > 0) recNum = (1 - P.sentMax) * recNum + P.sentMax * maxSent * recDen;
  // Adjacent reference words found next to each other in the answer: a key phrase, not scattered words.
  let biNum = 0;
  let biDen = 0;
  for (let j = 0; j + 1 < ref.length; j++) {
    const r1 = (ref[j] as Unit).tok;
    const r2 = (ref[j + 1] as Unit).tok;
    if (r1.sentence !== r2.sentence || r2.index - r1.index > 3) continue;
    const w = Math.min((ref[j] as Unit).weight, (ref[j + 1] as Unit).weight);
    biDen += w;
    const a1 = refArg[j];
    const a2 = refArg[j + 1];
    if (a1 && a2 && a1.sentence === a2.sentence && Math.abs(a2.index - a1.index) <= 3) biNum += w * Math.min(refBest[j] as number, refBest[j + 1] as number);
  }
  return { recall: recDen ? recNum / recDen : 0, precision: precDen ? precNum / precDen : 0, refBest, bigram: biDen ? biNum / biDen : -1 };
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

function calibrate(similarity: number): number {
  return Math.round(100 * Math.min(1, Math.max(0, P.c0 + P.c1 * similarity ** P.gamma)));
}

export function gradeAgainstReference(answer: TextDoc, reference: TextDoc, question?: TextDoc): ReferenceResult {
  const qStems = questionStems(question);
  const ans = units(answer, qStems);
  const ref = units(reference, qStems);
  if (ans.length === 0 || ref.length === 0) return { score: 0, similarity: 0, matched: [], missingTerms: [] };
  const { recall, precision, refBest, bigram } = align(ans, ref);
  const uni = fMeasure(recall, precision, P.beta);
  const similarity = bigram < 0 ? uni : (1 - P.bi) * uni + P.bi * bigram;
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
  return { score: calibrate(similarity), similarity, matched, missingTerms };
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
    const similarity = P.lam * b.similarity ** P.gamma + (1 - P.lam) * Math.sqrt(consensus);
    return { ...b, similarity, score: calibrate(similarity) };
  });
}
