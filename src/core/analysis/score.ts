// Turning coverage, flags, substance and structure into 0–100 scores per dimension and overall, by the policy.
import { DIMENSIONS, type Dimension, type Kind } from '../bank/schema.js';
import { DEFAULT_POLICY, type Policy } from './policy.js';
import type { DimensionScore, FlagHit, KeyPointCoverage, StructureResult } from './types.js';

/** Credit for a key point: stated, stated in a crowded list, named, named without sense, touched on, or missed. */
export function creditOf(
  c: KeyPointCoverage,
  listed: ReadonlySet<string>,
  p: Policy = DEFAULT_POLICY,
): number {
  if (c.status === 'hit') return listed.has(c.id) ? p.credit.listed : p.credit.stated;
  if (c.status === 'partial') {
    if (c.basis === 'named') return p.credit.named;
    if (c.basis === 'unexplained') return p.credit.unexplained;
    if (c.basis === 'paraphrase') return p.credit.paraphrase;
    return p.credit.partial;
  }
  return 0;
}

/** What the flags leave of a score (penalties multiply) and the cap an unsafe claim puts on it. */
export function flagPenalty(
  flags: readonly FlagHit[],
  p: Policy = DEFAULT_POLICY,
): { keep: number; cap: number } {
  let keep = 1;
  let cap = 100;
  for (const f of flags) {
    keep *= 1 - p.flags.penalty[f.severity];
    if (f.severity === 3) cap = p.flags.unsafeCap;
  }
  return { keep, cap };
}

/** Share of the STAR + Future parts present, for story questions whose score counts it. */
export function structureShare(
  structure: StructureResult,
  kind: Kind | null,
  p: Policy = DEFAULT_POLICY,
): number | null {
  if (!structure.applies || kind === null || !p.kinds.starScored.includes(kind)) return null;
  return structure.present.length / 5;
}

/** Per layer: the same combination with the layer's own share of key points covered. */
export function dimensionScores(
  coverage: readonly KeyPointCoverage[],
  listed: ReadonlySet<string>,
  scoreOf: (share: number) => number,
  p: Policy = DEFAULT_POLICY,
): Record<Dimension, DimensionScore> {
  const out = {} as Record<Dimension, DimensionScore>;
  for (const d of DIMENSIONS) {
    const items = coverage.filter((c) => c.dimension === d);
    const total = items.reduce((n, c) => n + c.weight, 0);
    if (items.length === 0 || total === 0) {
      out[d] = { score: null, hit: 0, total: 0 };
      continue;
    }
    const credit = items.reduce((n, c) => n + c.weight * creditOf(c, listed, p), 0);
    out[d] = {
      score: scoreOf(credit / total),
      hit: items.filter((c) => c.status === 'hit').length,
      total: items.length,
    };
  }
  return out;
}
