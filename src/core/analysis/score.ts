// Turning coverage, flags, substance and structure into 0–100 scores per dimension and overall.
import { DIMENSIONS, type Dimension, type Kind } from '../bank/schema.js';
import type { DimensionScore, FlagHit, KeyPointCoverage, StructureResult } from './types.js';

/** Credit for a key point: said and explained, said in a bare list, touched on, or missed. */
export const CREDIT = { hit: 1, listed: 0.7, partial: 0.4, missed: 0 } as const;
/** Points taken off per flag, by severity; a severity-3 flag also caps the score. */
/**
 * Share of the score each flag takes away, by severity. Penalties multiply: one wrong claim costs a third, two
 * leave well under half, because an interviewer stops trusting the rest of the answer.
 */
export const FLAG_PENALTY: Readonly<Record<1 | 2 | 3, number>> = { 1: 0.12, 2: 0.33, 3: 0.5 };
/** An unsafe claim (severity 3) caps the score whatever else is right. */
export const UNSAFE_CAP = 45;
/** Raw content share that already earns full marks: a strong answer need not say every phrasing. */
const FULL_MARKS_AT = 0.85;

export function creditOf(c: KeyPointCoverage, listed: ReadonlySet<string>): number {
  if (c.status === 'hit') return listed.has(c.id) ? CREDIT.listed : CREDIT.hit;
  return c.status === 'partial' ? CREDIT.partial : CREDIT.missed;
}

export function curve(raw: number): number {
  const x = Math.max(0, Math.min(1, raw / FULL_MARKS_AT));
  return 100 * x ** 0.9;
}

export function flagPenalty(flags: readonly FlagHit[]): { keep: number; cap: number } {
  let keep = 1;
  let cap = 100;
  for (const f of flags) {
    keep *= 1 - FLAG_PENALTY[f.severity];
    if (f.severity === 3) cap = UNSAFE_CAP;
  }
  return { keep, cap };
}

export function finalScore(raw: number, flags: readonly FlagHit[]): number {
  const { keep, cap } = flagPenalty(flags);
  return Math.round(Math.max(0, Math.min(cap, curve(raw) * keep)));
}

/** Share of the STAR + Future parts present, for story questions. */
export function structureShare(structure: StructureResult, kind: Kind | null): number | null {
  if (!structure.applies || kind === 'scenario') return null;
  return structure.present.length / 5;
}

export function gradeOf(score: number): number {
  if (score >= 85) return 5;
  if (score >= 70) return 4;
  if (score >= 50) return 3;
  if (score >= 30) return 2;
  if (score >= 10) return 1;
  return 0;
}

export function dimensionScores(
  coverage: readonly KeyPointCoverage[],
  listed: ReadonlySet<string>,
  factor: number,
  flags: readonly FlagHit[],
): Record<Dimension, DimensionScore> {
  const out = {} as Record<Dimension, DimensionScore>;
  for (const d of DIMENSIONS) {
    const items = coverage.filter((c) => c.dimension === d);
    const total = items.reduce((n, c) => n + c.weight, 0);
    if (items.length === 0 || total === 0) {
      out[d] = { score: null, hit: 0, total: 0 };
      continue;
    }
    const credit = items.reduce((n, c) => n + c.weight * creditOf(c, listed), 0);
    out[d] = {
      score: finalScore((credit / total) * factor, flags),
      hit: items.filter((c) => c.status === 'hit').length,
      total: items.length,
    };
  }
  return out;
}
