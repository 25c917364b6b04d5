// Red flags: wrong or unsafe claims the answer makes (the question's and the bank's common ones), and key points
// it negates or dismisses, with the words that say so.
import type { RedFlag } from '../../bank/schema.js';
import { type DocIndex, matchPhrase } from '../phrases.js';
import type { Policy } from '../policy.js';
import type { CompiledRedFlag } from '../rubric.js';
import type { FlagHit, KeyPointCoverage, Span } from '../types.js';
import { toSpan } from './coverage.js';

function sentenceSpan(index: DocIndex, sentence: number): Span {
  const s = index.doc.sentences[sentence];
  const start = s?.start ?? 0;
  const end = s?.end ?? 0;
  return { start, end, text: index.doc.text.slice(start, end) };
}

export function redFlagHits(
  index: DocIndex,
  flags: readonly RedFlag[],
  compiled: readonly CompiledRedFlag[],
): FlagHit[] {
  const hits: FlagHit[] = [];
  flags.forEach((flag, f) => {
    for (const phrase of compiled[f]?.phrasings ?? []) {
      const m = matchPhrase(index, phrase, false, true);
      if (m && m.fraction === 1 && !m.softNegated) {
        hits.push({
          id: flag.id,
          kind: 'red-flag',
          text: flag.text,
          ...(flag.zh ? { zh: flag.zh } : {}),
          severity: flag.severity,
          fix: flag.fix,
          evidence: [toSpan(index, m.tokens), sentenceSpan(index, m.sentence)],
        });
        return;
      }
    }
  });
  return hits;
}

/** A key point stated only under a negation, or named only to be dismissed, reads as a wrong claim. */
export function contradictionFlags(coverage: readonly KeyPointCoverage[], p: Policy): FlagHit[] {
  return coverage
    .filter((c) => c.contradicted)
    .map((c) => ({
      id: `not-${c.id}`,
      kind: 'contradiction',
      text:
        c.stance === 'dismissed'
          ? `The answer names a key practice only to reject or belittle it: ${c.text}`
          : `The answer negates a key point: ${c.text}`,
      severity: p.flags.contradictionSeverity,
      fix: c.text,
      evidence: c.evidence,
      ...(c.zh ? { zh: c.zh } : {}),
    }));
}
