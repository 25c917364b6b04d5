// Many short texts read in one pass of the pipeline (one call per phrase costs far more), one line each, with
// the line each token came from.
import { readText, type TextDoc, type Token } from './index.js';

/** Read many short texts in one pass of the pipeline, one line each; tokens come back per text. */
export function readLines(texts: readonly string[]): { doc: TextDoc; lineOf: (t: Token) => number } {
  const lines = texts.map((b) => b.replace(/\s*\n\s*/g, ' '));
  const doc = readText(lines.join('\n'));
  const ends: number[] = [];
  let at = 0;
  for (const l of lines) {
    at += l.length + 1;
    ends.push(at);
  }
  return {
    doc,
    lineOf: (t) => {
      let lo = 0;
      let hi = ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (t.start >= (ends[mid] as number)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}
