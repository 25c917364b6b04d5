// Paraphrase: a key point said in other words than any of its phrasings. A clause that shares enough of the key
// point's own description (weighted by how rare each word is among the bank's key points, with the question's own
// words left out) states it. Soft lexical alignment, with the thesaurus folding acronyms and expansions together.
import type { Question } from '../../bank/schema.js';
import { isContent, type TextDoc, type Token } from '../../text/index.js';
import { readLines } from '../../text/lines.js';
import { termsAt } from '../../text/terms.js';
import type { Clause } from './clauses.js';
import type { TermModel } from './coherence.js';

/** Stems a clause must share with a key point (besides the question's words) before it can paraphrase it. */
export const MIN_SHARED = 2;

export interface KeyPointBag {
  readonly id: string;
  /** Weight of each stem of the key point's description. */
  readonly weights: ReadonlyMap<string, number>;
  /** Weight of the description alone: what a full paraphrase shares. */
  readonly total: number;
}

const cache = new WeakMap<Question, WeakMap<TermModel, KeyPointBag[]>>();

function stemsOfLines(texts: readonly string[]): Set<string>[] {
  const { doc, lineOf } = readLines(texts);
  const out = texts.map(() => new Set<string>());
  const thesaurus = termsAt(doc.tokens);
  doc.tokens.forEach((t, i) => {
    const line = out[lineOf(t)];
    if (isContent(t)) line?.add(t.stem);
    for (const k of thesaurus.get(i) ?? []) line?.add(k);
  });
  return out;
}

/** The bags of a question's key points, weighted by inverse key-point frequency in the bank. */
export function keyPointBags(
  question: Question,
  model: TermModel,
  questionStems: ReadonlySet<string>,
): KeyPointBag[] {
  const byModel = cache.get(question) ?? new WeakMap<TermModel, KeyPointBag[]>();
  const known = byModel.get(model);
  if (known) return known;
  // A paraphrase is of the description; the phrasings are the concept matcher's job.
  const stems = stemsOfLines(question.keyPoints.map((kp) => kp.text));
  const idf = (s: string) =>
    Math.log((model.keyPoints + 1) / ((model.keyPointFrequency.get(s) ?? 0) + 1)) + 0.1;
  const bags = question.keyPoints.map((kp, k) => {
    const description = stems[k] ?? new Set<string>();
    const weights = new Map<string, number>();
    let total = 0;
    for (const s of description) {
      if (questionStems.has(s)) continue;
      weights.set(s, idf(s));
      total += idf(s);
    }
    return { id: kp.id, weights, total };
  });
  byModel.set(model, bags);
  cache.set(question, byModel);
  return bags;
}

export interface Paraphrase {
  readonly clause: Clause;
  /** Share of the description's weight the clause carries (0–1). */
  readonly share: number;
  /** The clause's tokens that carry it. */
  readonly tokens: readonly number[];
}

/** The clause (with the next one, for a point spread over two) that best paraphrases the key point. */
export function bestParaphrase(
  doc: TextDoc,
  clauses: readonly Clause[],
  bag: KeyPointBag,
): Paraphrase | null {
  if (bag.total <= 0) return null;
  const thesaurus = termsAt(doc.tokens);
  let best: Paraphrase | null = null;
  for (const c of clauses) {
    const seen = new Set<string>();
    const tokens: number[] = [];
    let weight = 0;
    for (let i = c.from; i < c.to; i++) {
      const t = doc.tokens[i] as Token;
      for (const s of [...(isContent(t) ? [t.stem] : []), ...(thesaurus.get(i) ?? [])]) {
        const w = bag.weights.get(s);
        if (w === undefined || seen.has(s)) continue;
        seen.add(s);
        weight += w;
        tokens.push(i);
      }
    }
    if (seen.size < MIN_SHARED) continue;
    const share = Math.min(1, weight / bag.total);
    if (!best || share > best.share)
      best = { clause: c, share, tokens: [...new Set(tokens)].sort((a, b) => a - b) };
  }
  return best;
}
