// The thesaurus compiled to stems: variant phrasings found in a run of content tokens, and phrases rewritten to
// canonical terms, so the rubric and the answer meet whichever phrasing each uses.
import { isContent, readText, type Token } from './index.js';
import { TERM_JOINER, THESAURUS } from './thesaurus.js';

interface Variant {
  /** Stems of the phrasing's content words, in order. */
  readonly stems: readonly string[];
  /** Stems of all its words: "on call" is not just "call". */
  readonly words: readonly string[];
  readonly key: string;
}

let compiled: { byFirst: Map<string, Variant[]>; byFirstWord: Map<string, Variant[]> } | null = null;

function stemsOf(text: string): { content: string[]; words: string[] } {
  const tokens = readText(text).tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
  return { content: tokens.filter(isContent).map((t) => t.stem), words: tokens.map((t) => t.stem) };
}

/** Variants by their first content stem (for phrases) and by their first word (for answers), longest first. */
function variants(): { byFirst: Map<string, Variant[]>; byFirstWord: Map<string, Variant[]> } {
  if (compiled) return compiled;
  const byFirst = new Map<string, Variant[]>();
  const byFirstWord = new Map<string, Variant[]>();
  for (const entry of THESAURUS) {
    const key = stemsOf(entry[0] ?? '').words.join(TERM_JOINER);
    if (!key) continue;
    for (const phrasing of entry) {
      const { content, words } = stemsOf(phrasing);
      const v = { stems: content, words, key };
      const first = content[0];
      // A phrasing that loses a small word to become one word ("on call" → "call") is no phrase-level synonym.
      if (first && (content.length === words.length || content.length >= 2))
        byFirst.set(first, [...(byFirst.get(first) ?? []), v]);
      const w = words[0];
      if (w) byFirstWord.set(w, [...(byFirstWord.get(w) ?? []), v]);
    }
  }
  for (const list of [...byFirst.values(), ...byFirstWord.values()])
    list.sort((a, b) => b.words.length - a.words.length);
  compiled = { byFirst, byFirstWord };
  return compiled;
}

/** Canonical terms that start at each word of an answer: token index → keys (every word of a phrasing must be there). */
const seenTerms = new WeakMap<readonly Token[], Map<number, string[]>>();

export function termsAt(tokens: readonly Token[]): Map<number, string[]> {
  const known = seenTerms.get(tokens);
  if (known) return known;
  const out = new Map<number, string[]>();
  seenTerms.set(tokens, out);
  const table = variants().byFirstWord;
  const words: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'word' || t.kind === 'number') words.push(i);
  }
  for (let c = 0; c < words.length; c++) {
    const at = words[c] as number;
    const list = table.get((tokens[at] as Token).stem);
    if (!list) continue;
    const sentence = (tokens[at] as Token).sentence;
    for (const v of list) {
      let ok = true;
      for (let k = 1; k < v.words.length; k++) {
        const t = tokens[words[c + k] ?? -1];
        if (!t || t.sentence !== sentence || t.stem !== v.words[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        const keys = out.get(at) ?? [];
        if (!keys.includes(v.key)) keys.push(v.key);
        out.set(at, keys);
      }
    }
  }
  return out;
}

/** The canonical stems with, for each, the index of the input stem it starts at and the one it ends at. */
export function canonicalRuns(
  stems: readonly string[],
  /** Where each stem's word stands in the phrase: a variant must be as contiguous there as it is itself. */
  positions?: readonly number[],
): Array<{ stem: string; first: number; last: number }> {
  const table = variants().byFirst;
  const out: Array<{ stem: string; first: number; last: number }> = [];
  const seen = new Set<string>();
  const spans = (i: number, v: Variant) =>
    !positions || (positions[i + v.stems.length - 1] ?? -99) - (positions[i] ?? 0) + 1 === v.words.length;
  for (let i = 0; i < stems.length; ) {
    const list = table.get(stems[i] as string);
    const v = list?.find((x) => x.stems.every((s, k) => stems[i + k] === s) && spans(i, x));
    const stem = v ? v.key : (stems[i] as string);
    const length = v ? v.stems.length : 1;
    if (!seen.has(stem)) out.push({ stem, first: i, last: i + length - 1 });
    seen.add(stem);
    i += length;
  }
  return out;
}
