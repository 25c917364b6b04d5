// Phrase matching on stems: a phrase matches when all its content stems occur close together in one sentence.
import { isContent, readText, stemWord, type TextDoc, type Token } from '../text/index.js';
import { canonicalRuns, termsAt } from '../text/terms.js';
import { phraseStemMemo } from './stemCache.js';

export interface CompiledPhrase {
  readonly source: string;
  /** Content stems, in order. */
  readonly stems: readonly string[];
  /** For claims read in order: how many tokens apart each stem stands from the previous one in the phrase. */
  readonly gaps?: readonly number[];
}

export interface DocIndex {
  readonly doc: TextDoc;
  /** stem → token indices where it occurs (token stems, compound parts, joined neighbours, thesaurus terms). */
  readonly positions: ReadonlyMap<string, readonly number[]>;
  /** stem → token indices where it is only a part of a hyphenated compound ("call" in "on-call"). */
  readonly partOnly: ReadonlyMap<string, ReadonlySet<number>>;
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

/**
 * Small words that turn a claim around, kept in red-flag phrasings: "turn off CloudTrail" is not "turn on
 * CloudTrail", "make the bucket public" is not "make the bucket private".
 */
const PARTICLES: ReadonlySet<string> = new Set([
  'off',
  'on',
  'out',
  'down',
  'up',
  'away',
  'all',
  'everyone',
  'anyone',
]);

/** The position of a token among the phrase's words (punctuation not counted). */
function wordIndex(tokens: readonly Token[], t: Token): number {
  let n = 0;
  for (const x of tokens) {
    if (x === t) return n;
    if (x.kind === 'word' || x.kind === 'number') n++;
  }
  return n;
}

function phraseFromTokens(source: string, tokens: readonly Token[], particles = false): CompiledPhrase {
  const words = tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  const content = words.filter((t) => isContent(t) || (particles && PARTICLES.has(t.norm)));
  const chosen = content.length > 0 ? content : words;
  // A repeated word ("the client pays so the client decides") counts once; "IRSA" and "IAM roles for service
  // accounts" become one term.
  const unique: Token[] = [];
  for (const t of chosen) if (!unique.some((u) => u.stem === t.stem)) unique.push(t);
  const runs = canonicalRuns(
    unique.map((t) => t.stem),
    unique.map((t) => wordIndex(tokens, t)),
  );
  const stems = runs.map((r) => r.stem);
  if (!particles) return { source, stems };
  // Red-flag claims keep their spacing: "run as root because it is easier" may spread as far as it does.
  const at = runs.map((r) => (unique[r.first] as Token).index);
  // Measured from where the previous term starts: the index knows a thesaurus term by its first word only.
  return { source, stems, gaps: at.map((a, i) => (i === 0 ? 0 : Math.max(1, a - (at[i - 1] as number)))) };
}

export function compilePhrase(source: string): CompiledPhrase {
  return phraseFromTokens(source, readText(source).tokens);
}

/** Separates phrases read together; a sentence end, so no phrase runs into the next. */
const PHRASE_SEPARATOR = ' . ';

/**
 * Compile many phrases with one pass of the NLP pipeline (one call per phrase costs ~0.15 ms each, which made
 * compiling the whole bank take half a second). Tokens are assigned back to phrases by their offsets.
 */
export function compilePhrases(sources: readonly string[], particles = false): CompiledPhrase[] {
  const key = (src: string) => (particles ? `\u0001${src}` : src);
  const missing = [...new Set(sources.filter((src) => phraseStemMemo.get(key(src)) === undefined))];
  for (const [i, compiled] of compileFresh(missing, particles).entries()) {
    phraseStemMemo.set(key(missing[i] as string), compiled.stems);
    if (compiled.gaps) phraseStemMemo.set(`\u0002${missing[i]}`, compiled.gaps.map(String));
  }
  return sources.map((source) => {
    const stems = phraseStemMemo.get(key(source)) ?? [];
    if (!particles) return { source, stems };
    const gaps = (phraseStemMemo.get(`\u0002${source}`) ?? []).map(Number);
    return { source, stems, gaps };
  });
}

function compileFresh(sources: readonly string[], particles: boolean): CompiledPhrase[] {
  if (sources.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  let offset = 0;
  for (const source of sources) {
    ranges.push([offset, offset + source.length]);
    offset += source.length + PHRASE_SEPARATOR.length;
  }
  const tokens = readText(sources.join(PHRASE_SEPARATOR)).tokens;
  const buckets: Token[][] = sources.map(() => []);
  let r = 0;
  for (const t of tokens) {
    while (r < ranges.length && t.start >= (ranges[r] as [number, number])[1]) r++;
    const range = ranges[r];
    if (range && t.start >= range[0] && t.end <= range[1]) buckets[r]?.push(t);
  }
  return sources.map((source, i) => phraseFromTokens(source, buckets[i] ?? [], particles));
}

function push(map: Map<string, number[]>, key: string, index: number): void {
  const list = map.get(key);
  if (list) {
    if (list[list.length - 1] !== index) list.push(index);
  } else map.set(key, [index]);
}

export function indexDoc(doc: TextDoc): DocIndex {
  const positions = new Map<string, number[]>();
  const partOnly = new Map<string, Set<number>>();
  const { tokens } = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    push(positions, t.stem, i);
    const hyphenated = t.parts.length > 0 && t.text.includes('-') && !/[./_]/.test(t.text);
    for (const p of t.parts) {
      push(positions, p, i);
      if (hyphenated && p !== t.stem && p !== t.parts[t.parts.length - 1]) {
        const set = partOnly.get(p) ?? new Set<number>();
        set.add(i);
        partOnly.set(p, set);
      }
    }
    // "roll back" also reads as "rollback", "blue-green" as "bluegreen".
    let j = i + 1;
    if (tokens[j]?.norm === '-' && tokens[j]?.start === t.end) j++;
    const next = tokens[j];
    if (
      next &&
      next.kind === 'word' &&
      next.sentence === t.sentence &&
      !t.stop &&
      next.pos !== 'PRON' &&
      next.pos !== 'DET' &&
      /^[a-z]+$/.test(t.norm + next.norm)
    ) {
      push(positions, stemWord(t.norm + next.norm), i);
    }
  }
  for (const [at, keys] of termsAt(tokens)) for (const k of keys) push(positions, k, at);
  for (const list of positions.values()) list.sort((a, b) => a - b);
  return { doc, positions, partOnly };
}

/** Second parts that only qualify the first: "canary-based", "GitOps-style" still name the first word. */
const QUALIFYING_PARTS: ReadonlySet<string> = new Set(
  'base style like driven awar specif level wide first onli readi friend side'.split(' '),
);

/**
 * Positions of a phrase stem that respect word boundaries: a part of a hyphenated compound counts only when the
 * phrase names the compound's other parts too ("blue green" in "blue-green"), or they only qualify it.
 */
function positionsFor(index: DocIndex, stem: string, phrase: readonly string[]): readonly number[] {
  const all = index.positions.get(stem) ?? [];
  const parts = index.partOnly.get(stem);
  if (!parts) return all;
  return all.filter((pos) => {
    if (!parts.has(pos)) return true;
    const t = index.doc.tokens[pos] as Token;
    const own = t.parts.slice(0, -1);
    return own.every((p) => p === stem || phrase.includes(p) || QUALIFYING_PARTS.has(p));
  });
}

/** A claim read in order keeps its words close: at most this many more tokens apart than in the phrasing. */
const ORDERED_GAP = 2;

function windowFor(stemCount: number): number {
  return Math.max(6, stemCount * 3 + 2);
}

/**
 * The best match of a phrase: a full match if one exists (preferring one outside any negation scope),
 * else the partial match with the most stems. Undefined when no stem occurs.
 */
/** The occurrence in `list` (ascending) nearest to `anchor`, in the same sentence and within the window; -1 if none. */
function nearestIn(
  list: readonly number[],
  anchor: number,
  window: number,
  tokens: readonly Token[],
  sentence: number,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) < anchor) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  let distance = Number.POSITIVE_INFINITY;
  // Sentences are contiguous runs of tokens: only the neighbours either side can be in the anchor's sentence.
  for (const i of [lo - 1, lo]) {
    const pos = list[i];
    if (pos === undefined) continue;
    const d = Math.abs(pos - anchor);
    if (d <= window && d < distance && (tokens[pos] as Token).sentence === sentence) {
      best = pos;
      distance = d;
    }
  }
  return best;
}

export function matchPhrase(
  index: DocIndex,
  phrase: CompiledPhrase,
  avoidNegated = true,
  ordered = false,
  /** Keep looking past a full match this rejects (a mention in a clause that explains nothing). */
  accept?: (m: PhraseMatch) => boolean,
): PhraseMatch | undefined {
  const { stems } = phrase;
  if (stems.length === 0) return undefined;
  // Read in order, a phrase matches only in full: one absent stem settles it before any list is built.
  if (ordered && stems.some((s) => !index.positions.has(s))) return undefined;
  const lists = stems.map((s) => positionsFor(index, s, stems));
  const present = lists.filter((l) => l.length > 0).length;
  if (present === 0) return undefined;
  const tokens = index.doc.tokens;
  const window = windowFor(stems.length);
  if (ordered) return present === stems.length ? matchInOrder(index, phrase, lists, ORDERED_GAP) : undefined;
  // Every full match holds an occurrence of the rarest stem: anchoring there alone finds them all. Without a
  // full match possible, anchor on every present stem to find the best partial one.
  let anchors: number[];
  if (present === stems.length) {
    let rarest = 0;
    lists.forEach((l, i) => {
      if (l.length < (lists[rarest] as number[]).length) rarest = i;
    });
    anchors = [rarest];
  } else anchors = lists.map((_, i) => i).filter((i) => (lists[i] as number[]).length > 0);
  let best: PhraseMatch | undefined;
  for (const a of anchors) {
    for (const anchor of lists[a] as number[]) {
      const sentence = (tokens[anchor] as Token).sentence;
      const picked: number[] = [anchor];
      for (let b = 0; b < lists.length; b++) {
        if (b === a) continue;
        const nearest = nearestIn(lists[b] as number[], anchor, window, tokens, sentence);
        if (nearest >= 0) picked.push(nearest);
      }
      const sorted = [...new Set(picked)].sort((x, y) => x - y);
      const fraction = Math.min(1, picked.length / stems.length);
      // "remove the resource limits" is a claim, not a negation: a scope opened inside the match does not count.
      const outside = (n: number) => n >= 0 && !sorted.includes(n);
      const negated = sorted.some((i) => outside((tokens[i] as Token).negator));
      const softNegated = negated || sorted.some((i) => outside((tokens[i] as Token).softNegator));
      const candidate: PhraseMatch = { phrase, tokens: sorted, sentence, fraction, negated, softNegated };
      if (!best || better(candidate, best, avoidNegated)) best = candidate;
      // The earliest full match outside any negation cannot be beaten.
      if (fraction === 1 && !(avoidNegated ? negated : softNegated) && (!accept || accept(candidate)))
        return candidate;
    }
  }
  return best;
}

/** The first position in `list` (ascending) after `after`, or -1. */
function firstAfter(list: readonly number[], after: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as number) <= after) lo = mid + 1;
    else hi = mid;
  }
  return list[lo] ?? -1;
}

/**
 * Claims read in order: "remove the readiness probe" is not "the pod is removed when the readiness probe fails".
 * Each stem is taken at its first occurrence after the previous one, in one sentence, within the window. The first
 * match outside any negation or avoid-scope wins; else the first match.
 */
function matchInOrder(
  index: DocIndex,
  phrase: CompiledPhrase,
  lists: ReadonlyArray<readonly number[]>,
  window: number,
): PhraseMatch | undefined {
  const tokens = index.doc.tokens;
  let first: PhraseMatch | undefined;
  for (const start of lists[0] as readonly number[]) {
    const sentence = (tokens[start] as Token).sentence;
    const picked = [start];
    for (let b = 1; b < lists.length; b++) {
      const pos = firstAfter(lists[b] as readonly number[], picked[picked.length - 1] as number);
      const prev = picked[picked.length - 1] as number;
      const slack = (phrase.gaps?.[b] ?? 1) + window - 1;
      if (pos < 0 || (tokens[pos] as Token).sentence !== sentence) break;
      if (pos - prev > slack && !coordinated(tokens, prev + 1, pos, slack)) break;
      picked.push(pos);
    }
    if (picked.length < lists.length) continue;
    const outside = (n: number) => n >= 0 && !picked.includes(n);
    const negated = picked.some((i) => outside((tokens[i] as Token).negator));
    const softNegated = negated || picked.some((i) => outside((tokens[i] as Token).softNegator));
    const match: PhraseMatch = { phrase, tokens: picked, sentence, fraction: 1, negated, softNegated };
    if (!softNegated) return match;
    first ??= match;
  }
  return first;
}

/** At most this many words of a coordinated conjunct between two words of a phrase. */
const CONJUNCT_MAX = 3;

/**
 * Whether the words between two words of a phrase are a conjunct beside the phrase's own ("remove the liveness
 * *and readiness* probe", "open 22 *and the database port* to the world"): a conjunction, then a few words and
 * no verb or clause break, so the phrase still reads through it.
 */
function coordinated(tokens: readonly Token[], from: number, to: number, slack: number): boolean {
  if (to - from > slack - 1 + CONJUNCT_MAX + 1) return false;
  let conjunction = false;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.pos === 'CCONJ' && (t.norm === 'and' || t.norm === 'or')) conjunction = true;
    else if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'SCONJ' || t.kind === 'punct') return false;
  }
  return conjunction;
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
