// Retry and compare: what changed between two versions of an answer to the same question.
import { DIMENSIONS, type Dimension } from '../bank/schema.js';
import type { Analysis } from './types.js';

export interface AnswerComparison {
  readonly score: { readonly before: number; readonly after: number; readonly delta: number };
  readonly dimensions: Readonly<Record<Dimension, { before: number | null; after: number | null }>>;
  /** Key points now hit that were not before. */
  readonly gained: readonly string[];
  /** Key points hit before and not now. */
  readonly lost: readonly string[];
  readonly stillMissing: readonly string[];
  readonly flagsFixed: readonly string[];
  readonly flagsNew: readonly string[];
  readonly soThat: { readonly before: number; readonly after: number };
  readonly fillers: { readonly before: number; readonly after: number };
  readonly words: { readonly before: number; readonly after: number };
  /** The two texts word by word: kept, added and removed runs (empty when the texts were not given). */
  readonly diff: ReadonlyArray<{ readonly op: 'same' | 'add' | 'del'; readonly text: string }>;
}

/** Longest texts compared word by word (the LCS table is words × words); longer pairs get no diff. */
const DIFF_MAX_WORDS = 1500;

/** A word-level diff (longest common subsequence), adjacent words of one kind joined into runs. */
export function wordDiff(before: string, after: string): AnswerComparison['diff'] {
  const a = before.split(/\s+/).filter(Boolean);
  const b = after.split(/\s+/).filter(Boolean);
  if (a.length > DIFF_MAX_WORDS || b.length > DIFF_MAX_WORDS) return [];
  const norm = (w: string) => w.toLowerCase().replace(/[.,;:!?"'()]+$/g, '');
  const n = a.length;
  const m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      (lcs[i] as Uint16Array)[j] =
        norm(a[i] as string) === norm(b[j] as string)
          ? ((lcs[i + 1] as Uint16Array)[j + 1] as number) + 1
          : Math.max((lcs[i + 1] as Uint16Array)[j] as number, (lcs[i] as Uint16Array)[j + 1] as number);
  const out: Array<{ op: 'same' | 'add' | 'del'; text: string }> = [];
  const push = (op: 'same' | 'add' | 'del', w: string) => {
    const last = out[out.length - 1];
    if (last && last.op === op) last.text += ` ${w}`;
    else out.push({ op, text: w });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (norm(a[i] as string) === norm(b[j] as string)) {
      push('same', b[j] as string);
      i++;
      j++;
    } else if (((lcs[i + 1] as Uint16Array)[j] as number) >= ((lcs[i] as Uint16Array)[j + 1] as number))
      push('del', a[i++] as string);
    else push('add', b[j++] as string);
  }
  while (i < n) push('del', a[i++] as string);
  while (j < m) push('add', b[j++] as string);
  return out;
}

const hits = (a: Analysis) => new Set(a.coverage.filter((c) => c.status === 'hit').map((c) => c.id));
const soThat = (a: Analysis) => a.language.connectors.find((c) => c.phrase === 'so that')?.count ?? 0;
const fillers = (a: Analysis) => a.language.fillers.reduce((n, f) => n + f.places.length, 0);

export function compareAnalyses(
  before: Analysis,
  after: Analysis,
  texts?: { readonly before: string; readonly after: string },
): AnswerComparison {
  const was = hits(before);
  const now = hits(after);
  const text = new Map([...before.coverage, ...after.coverage].map((c) => [c.id, c.text]));
  const flagText = new Map([...before.flags, ...after.flags].map((f) => [f.id, f.text]));
  const flagsBefore = new Set(before.flags.map((f) => f.id));
  const flagsAfter = new Set(after.flags.map((f) => f.id));
  return {
    score: { before: before.score, after: after.score, delta: after.score - before.score },
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [d, { before: before.dimensions[d].score, after: after.dimensions[d].score }]),
    ) as AnswerComparison['dimensions'],
    gained: [...now].filter((id) => !was.has(id)).map((id) => text.get(id) ?? id),
    lost: [...was].filter((id) => !now.has(id)).map((id) => text.get(id) ?? id),
    stillMissing: after.coverage.filter((c) => c.status !== 'hit').map((c) => c.text),
    flagsFixed: [...flagsBefore].filter((id) => !flagsAfter.has(id)).map((id) => flagText.get(id) ?? id),
    flagsNew: [...flagsAfter].filter((id) => !flagsBefore.has(id)).map((id) => flagText.get(id) ?? id),
    soThat: { before: soThat(before), after: soThat(after) },
    fillers: { before: fillers(before), after: fillers(after) },
    words: { before: before.language.wordCount, after: after.language.wordCount },
    diff: texts ? wordDiff(texts.before, texts.after) : [],
  };
}
