// The thesaurus compiled to stems: variant phrasings found in a run of content tokens, and phrases rewritten to
// canonical terms, so the rubric and the answer meet whichever phrasing each uses.
import { isContent, readText, type Token } from './index.js';
import { TERM_JOINER, THESAURUS } from './thesaurus.js';

interface Variant {
  readonly stems: readonly string[];
  readonly key: string;
}

let compiled: Map<string, Variant[]> | null = null;

function contentStems(text: string): string[] {
  return readText(text)
    .tokens.filter(isContent)
    .map((t) => t.stem);
}

/** Variants by their first stem, longest first. */
function variants(): Map<string, Variant[]> {
  if (compiled) return compiled;
  const byFirst = new Map<string, Variant[]>();
  for (const entry of THESAURUS) {
    const key = contentStems(entry[0] ?? '').join(TERM_JOINER);
    if (!key) continue;
    for (const phrasing of entry) {
      const stems = contentStems(phrasing);
      const first = stems[0];
      if (!first) continue;
      byFirst.set(first, [...(byFirst.get(first) ?? []), { stems, key }]);
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.stems.length - a.stems.length);
  compiled = byFirst;
  return byFirst;
}

/**
 * Canonical terms that start at each content token of a sentence-ordered token list: token index → keys.
 * `next(i)` gives the following content token of the same sentence.
 */
export function termsAt(tokens: readonly Token[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const table = variants();
  const content: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (isContent(tokens[i] as Token)) content.push(i);
  for (let c = 0; c < content.length; c++) {
    const at = content[c] as number;
    const list = table.get((tokens[at] as Token).stem);
    if (!list) continue;
    const sentence = (tokens[at] as Token).sentence;
    for (const v of list) {
      let ok = true;
      for (let k = 1; k < v.stems.length; k++) {
        const t = tokens[content[c + k] ?? -1];
        if (!t || t.sentence !== sentence || t.stem !== v.stems[k]) {
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

/** A phrase's stems with every thesaurus variant in them replaced by its canonical term. */
export function canonicalise(stems: readonly string[]): string[] {
  return canonicalRuns(stems).map((r) => r.stem);
}

/** The canonical stems with, for each, the index of the input stem it starts at and the one it ends at. */
export function canonicalRuns(
  stems: readonly string[],
): Array<{ stem: string; first: number; last: number }> {
  const table = variants();
  const out: Array<{ stem: string; first: number; last: number }> = [];
  const seen = new Set<string>();
  for (let i = 0; i < stems.length; ) {
    const list = table.get(stems[i] as string);
    const v = list?.find((x) => x.stems.every((s, k) => stems[i + k] === s));
    const stem = v ? v.key : (stems[i] as string);
    const length = v ? v.stems.length : 1;
    if (!seen.has(stem)) out.push({ stem, first: i, last: i + length - 1 });
    seen.add(stem);
    i += length;
  }
  return out;
}
