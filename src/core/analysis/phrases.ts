// Phrase matching on stems: a phrase matches when all its content stems occur close together in one sentence.
import { isContent, readText, stemWord, type TextDoc, type Token } from '../text/index.js';

export interface CompiledPhrase {
  readonly source: string;
  /** Content stems, in order. */
  readonly stems: readonly string[];
}

export interface DocIndex {
  readonly doc: TextDoc;
  /** stem → token indices where it occurs (token stems, compound parts, and joined neighbours). */
  readonly positions: ReadonlyMap<string, readonly number[]>;
}

export interface PhraseMatch {
  readonly phrase: CompiledPhrase;
  /** Token indices that matched, ascending. */
  readonly tokens: readonly number[];
  readonly sentence: number;
  /** Share of the phrase's stems found (1 for a full match). */
  readonly fraction: number;
  /** A matched token lies in a not / never / without scope. */
  readonly negated: boolean;
  /** A matched token lies in an avoid / instead of / deprecated scope. */
  readonly softNegated: boolean;
}

export function compilePhrase(source: string): CompiledPhrase {
  const doc = readText(source);
  const words = doc.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  const content = words.filter(isContent);
  const chosen = content.length > 0 ? content : words;
  // A repeated word ("the client pays so the client decides") counts once.
  return { source, stems: [...new Set(chosen.map((t) => t.stem))] };
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== index) list.push(index);
  } else map.set(key, [index]);
}

export function indexDoc(doc: TextDoc): DocIndex {
  const positions = new Map<string, number[]>();
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    push(positions, t.stem, i);
    for (const p of t.parts) push(positions, p, i);
    // "roll back" also reads as "rollback", "blue-green" as "bluegreen".
    let j = i + 1;
    if (tokens[j]?.norm === '-' && tokens[j]?.start === t.end) j++;
    const next = tokens[j];
    if (next && next.kind === 'word' && next.sentence === t.sentence && /^[a-z]+$/.test(t.norm + next.norm)) {
      push(positions, stemWord(t.norm + next.norm), i);
    }
  }
  return { doc, positions };
}

function windowFor(stemCount: number): number {
  return Math.max(6, stemCount * 3 + 2);
}

/**
 * The best match of a phrase: a full match if one exists (preferring one outside any negation scope),
 * else the partial match with the most stems. Undefined when no stem occurs.
 */
export function matchPhrase(
  index: DocIndex,
  phrase: CompiledPhrase,
  avoidNegated = true,
  ordered = false,
): PhraseMatch | undefined {
  const { stems } = phrase;
  if (stems.length === 0) return undefined;
  const lists = stems.map((s) => index.positions.get(s) ?? []);
  const present = lists.filter((l) => l.length > 0).length;
  if (present === 0) return undefined;
  const tokens = index.doc.tokens;
  const window = windowFor(stems.length);
  let best: PhraseMatch | undefined;
  // Anchor on each occurrence of each present stem; gather the nearest occurrence of the others.
  for (let a = 0; a < lists.length; a++) {
    for (const anchor of lists[a] as number[]) {
      const sentence = (tokens[anchor] as Token).sentence;
      const picked: number[] = [anchor];
      for (let b = 0; b < lists.length; b++) {
        if (b === a) continue;
        let nearest = -1;
        let distance = Number.POSITIVE_INFINITY;
        for (const pos of lists[b] as number[]) {
          const d = Math.abs(pos - anchor);
          if (d < distance && d <= window && (tokens[pos] as Token).sentence === sentence) {
            nearest = pos;
            distance = d;
          }
        }
        if (nearest >= 0) picked.push(nearest);
      }
      // Claims read in order: "remove the readiness probe" is not "the pod is removed when the readiness probe fails".
      if (ordered && picked.length === stems.length && !inPhraseOrder(picked, a)) continue;
      const sorted = [...new Set(picked)].sort((x, y) => x - y);
      const fraction = Math.min(1, picked.length / stems.length);
      // "remove the resource limits" is a claim, not a negation: a scope opened inside the match does not count.
      const outside = (n: number) => n >= 0 && !sorted.includes(n);
      const negated = sorted.some((i) => outside((tokens[i] as Token).negator));
      const softNegated = negated || sorted.some((i) => outside((tokens[i] as Token).softNegator));
      const candidate: PhraseMatch = { phrase, tokens: sorted, sentence, fraction, negated, softNegated };
      if (!best || better(candidate, best, avoidNegated)) best = candidate;
    }
  }
  return best;
}

/** `picked` holds the anchor (stem number `anchor`) first, then the other stems in phrase order. */
function inPhraseOrder(picked: readonly number[], anchor: number): boolean {
  const inOrder = [...picked.slice(1, anchor + 1), picked[0] as number, ...picked.slice(anchor + 1)];
  return inOrder.every((pos, i) => i === 0 || pos >= (inOrder[i - 1] as number));
}

function better(a: PhraseMatch, b: PhraseMatch, avoidNegated: boolean): boolean {
  if (a.fraction !== b.fraction) return a.fraction > b.fraction;
  if (avoidNegated) {
    const an = avoidNegated ? a.negated : a.softNegated;
    const bn = avoidNegated ? b.negated : b.softNegated;
    if (an !== bn) return !an;
  } else if (a.softNegated !== b.softNegated) return !a.softNegated;
  return a.tokens.length > 0 && (a.tokens[0] as number) < (b.tokens[0] as number);
}

/** Character span covering the matched tokens. */
export function spanOf(index: DocIndex, tokenIndices: readonly number[]): { start: number; end: number } {
  const first = index.doc.tokens[tokenIndices[0] ?? 0];
  const last = index.doc.tokens[tokenIndices[tokenIndices.length - 1] ?? 0];
  return { start: first?.start ?? 0, end: last?.end ?? 0 };
}
