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
}

const hits = (a: Analysis) => new Set(a.coverage.filter((c) => c.status === 'hit').map((c) => c.id));
const soThat = (a: Analysis) => a.language.connectors.find((c) => c.phrase === 'so that')?.count ?? 0;
const fillers = (a: Analysis) => a.language.fillers.reduce((n, f) => n + f.places.length, 0);

export function compareAnalyses(before: Analysis, after: Analysis): AnswerComparison {
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
  };
}
