// Honest abstention: when the evidence is thin, the result says so instead of implying precision. Very short
// answers, answers mostly in another language, and answers that share almost nothing with what the rubric knows
// get `confidence: "low"` with the reason in words.
import { isContent, type TextDoc } from '../../text/index.js';
import type { Policy } from '../policy.js';
import type { Confidence } from '../types.js';

export interface ConfidenceInput {
  readonly doc: TextDoc;
  /** Share of the answer's content words the bank (or the reference) knows at all, 0–1. */
  readonly known: number;
  /** An explicit "I don't know": its zero is certain. */
  readonly declined: boolean;
}

export function confidenceOf({ doc, known, declined }: ConfidenceInput, p: Policy): Confidence {
  const reasons: Confidence['reasons'][number][] = [];
  const content = doc.tokens.filter(isContent).length;
  const cjk = [...doc.text].filter((ch) => /[\u3400-\u9fff\uf900-\ufaff]/.test(ch)).length;
  const letters = [...doc.text].filter((ch) => /[A-Za-z\u3400-\u9fff\uf900-\ufaff]/.test(ch)).length;
  if (declined) return { level: 'high', reasons: [] };
  if (letters > 0 && cjk / letters > p.confidence.maxCjkShare) reasons.push('other-language');
  if (content < p.confidence.minContentWords) reasons.push('too-short');
  else if (known < p.confidence.minKnownShare) reasons.push('unknown-words');
  return { level: reasons.length > 0 ? 'low' : 'high', reasons };
}
