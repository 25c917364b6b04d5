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
  let cjk = 0;
  let letters = 0;
  for (let i = 0; i < doc.text.length; i++) {
    const c = doc.text.charCodeAt(i);
    const han = (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
    if (han) cjk++;
    if (han || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  if (declined) return { level: 'high', reasons: [] };
  if (letters > 0 && cjk / letters > p.confidence.maxCjkShare) reasons.push('other-language');
  if (content < p.confidence.minContentWords) reasons.push('too-short');
  else if (known < p.confidence.minKnownShare) reasons.push('unknown-words');
  return { level: reasons.length > 0 ? 'low' : 'high', reasons };
}
