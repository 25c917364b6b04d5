// Bank self-consistency: a question's own model answers must score well against its rubric, and its red flags must fire.
import type { BankFile } from '../bank/check.js';
import type { Problem } from '../errors.js';
import { readText } from '../text/index.js';
import { compilePhrase, indexDoc, matchPhrase } from './phrases.js';

function coveredIds(text: string, entry: BankFile): Set<string> {
  const index = indexDoc(readText(text));
  const hit = new Set<string>();
  for (const kp of entry.question.keyPoints) {
    for (const c of kp.concepts) {
      const m = matchPhrase(index, compilePhrase(c));
      if (m && m.fraction === 1 && !m.negated) {
        hit.add(kp.id);
        break;
      }
    }
  }
  return hit;
}

export function selfConsistencyCheck(entry: BankFile): Problem[] {
  const q = entry.question;
  const problems: Problem[] = [];
  const full = coveredIds(q.modelAnswers.full, entry);
  q.keyPoints.forEach((kp, i) => {
    if (!full.has(kp.id)) {
      problems.push({
        code: 'self_consistency',
        file: entry.file,
        path: `keyPoints[${i}]`,
        message: `the full model answer does not cover key point "${kp.id}" by any of its concepts`,
      });
    }
  });
  q.redFlags.forEach((flag, i) => {
    flag.phrasings.forEach((p, j) => {
      const m = matchPhrase(indexDoc(readText(`We ${p}.`)), compilePhrase(p), false);
      if (!m || m.fraction < 1) {
        problems.push({
          code: 'red_flag_silent',
          file: entry.file,
          path: `redFlags[${i}].phrasings[${j}]`,
          message: `the phrasing "${p}" does not trigger its own red flag`,
        });
      }
    });
  });
  return problems;
}
