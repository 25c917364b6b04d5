// The signals' results as one list of typed findings: `{code, signal, ref?, spans, measures}`. Every score rests
// on these; clients and tests can read them without knowing each signal's own result shape.
import type { DocIndex } from './phrases.js';
import type { CoherenceResult } from './signals/coherence.js';
import { rangeSpan } from './signals/coverage.js';
import type {
  Confidence,
  Finding,
  FlagHit,
  KeyPointCoverage,
  StructureResult,
  SubstanceResult,
} from './types.js';

function keyPointCode(c: KeyPointCoverage): Finding['code'] {
  if (c.status === 'hit') return c.basis === 'paraphrase' ? 'keypoint.paraphrase' : 'keypoint.stated';
  if (c.status === 'partial')
    return c.basis === 'named'
      ? 'keypoint.named'
      : c.basis === 'unexplained'
        ? 'keypoint.unexplained'
        : c.basis === 'paraphrase'
          ? 'keypoint.paraphrase'
          : 'keypoint.partial';
  if (c.contradicted) return c.stance === 'dismissed' ? 'keypoint.dismissed' : 'keypoint.negated';
  return c.flaggedInstead ? 'keypoint.flagged' : 'keypoint.missed';
}

export interface FindingsInput {
  readonly coverage: readonly KeyPointCoverage[];
  readonly flags: readonly FlagHit[];
  readonly coherence: CoherenceResult | null;
  readonly index: DocIndex;
  readonly substance: SubstanceResult;
  readonly confidence: Confidence;
  readonly structure: StructureResult;
  /** Most term-bearing clauses explain nothing: the score is capped (policy.coherence.mostlyCap). */
  readonly mostlyUnexplained?: { readonly share: number; readonly cap: number };
  /** Far closer to another question's model answers: the score is capped (policy.rival.cap). */
  readonly otherQuestion?: {
    readonly id: string;
    readonly own: number;
    readonly other: number;
    readonly cap: number;
  };
}

export function collectFindings(input: FindingsInput): Finding[] {
  const out: Finding[] = [];
  for (const c of input.coverage)
    out.push({
      code: keyPointCode(c),
      signal: 'coverage',
      ref: c.id,
      spans: c.evidence,
      measures: { weight: c.weight },
    });
  for (const f of input.flags)
    if (f.kind === 'red-flag')
      out.push({
        code: 'flag.red',
        signal: 'redFlags',
        ref: f.id,
        spans: f.evidence,
        measures: { severity: f.severity },
      });
  const coh = input.coherence;
  if (input.mostlyUnexplained)
    out.push({
      code: 'answer.mostly-unexplained',
      signal: 'coherence',
      spans: [],
      measures: { ...input.mostlyUnexplained },
    });
  if (input.otherQuestion) {
    const { id, ...measures } = input.otherQuestion;
    out.push({ code: 'answer.other-question', signal: 'substance', ref: id, spans: [], measures });
  }
  if (coh) {
    for (const u of coh.unexplained)
      out.push({
        code: 'clause.unexplained',
        signal: 'coherence',
        spans: [rangeSpan(input.index, u.clause.from, u.clause.to)],
        measures: { pairings: u.allPairs, attested: u.allAttested },
      });
    for (const r of coh.relations)
      if (!r.attested)
        out.push({
          code: 'relation.unattested',
          signal: 'coherence',
          spans: [rangeSpan(input.index, r.clause.from, r.clause.to)],
          measures: {},
        });
  }
  const s = input.substance;
  if (s.nonAnswer) out.push({ code: 'substance.non-answer', signal: 'substance', spans: [], measures: {} });
  if (s.buzzwordList)
    out.push({ code: 'substance.list', signal: 'substance', spans: [], measures: { factor: s.formFactor } });
  if (s.relevanceFactor < 0.9)
    out.push({
      code: 'substance.off-topic',
      signal: 'substance',
      spans: [],
      measures: { relevance: s.relevance, factor: s.relevanceFactor },
    });
  if (input.confidence.level === 'low')
    for (const reason of input.confidence.reasons)
      out.push({ code: 'confidence.low', signal: 'confidence', ref: reason, spans: [], measures: {} });
  if (input.structure.applies)
    for (const part of input.structure.missing)
      out.push({ code: 'star.missing', signal: 'structure', ref: part, spans: [], measures: {} });
  return out;
}
