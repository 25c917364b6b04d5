// Bank self-consistency: a question's own model answers must score well against its rubric, and its red flags must fire.
import type { BankFile } from '../bank/check.js';
import type { Problem } from '../errors.js';
import { analyzeAnswer } from './index.js';

export const SELF_CHECK = { full: 90, quick: 70 } as const;

export function selfConsistencyCheck(entry: BankFile): Problem[] {
  const q = entry.question;
  const problems: Problem[] = [];
  const add = (code: Problem['code'], path: string, message: string) =>
    problems.push({ code, file: entry.file, path, message });
  const full = analyzeAnswer({ question: q, answer: q.modelAnswers.full });
  if (full.score < SELF_CHECK.full) {
    const missed = full.coverage.filter((c) => c.status !== 'hit').map((c) => c.id);
    const flags = full.flags.map((f) => f.id);
    add(
      'self_consistency',
      'modelAnswers.full',
      `the full model answer scores ${full.score} against its own rubric (needs ≥ ${SELF_CHECK.full})` +
        (missed.length ? `; not covered: ${missed.join(', ')}` : '') +
        (flags.length ? `; flags raised: ${flags.join(', ')}` : '') +
        (full.substance.notes.length ? `; ${full.substance.notes.join(' ')}` : ''),
    );
  }
  const quick = analyzeAnswer({ question: q, answer: q.modelAnswers.quick });
  if (quick.score < SELF_CHECK.quick) {
    const missed = quick.coverage.filter((c) => c.status !== 'hit').map((c) => c.id);
    add(
      'self_consistency',
      'modelAnswers.quick',
      `the quick model answer scores ${quick.score} against its own rubric (needs ≥ ${SELF_CHECK.quick}); not covered: ${missed.join(', ')}` +
        (quick.flags.length ? `; flags raised: ${quick.flags.map((f) => f.id).join(', ')}` : ''),
    );
  }
  q.redFlags.forEach((flag, i) => {
    flag.phrasings.forEach((p, j) => {
      const result = analyzeAnswer({ question: q, answer: `In my team we ${p}.` });
      if (!result.flags.some((f) => f.id === flag.id)) {
        add('red_flag_silent', `redFlags[${i}].phrasings[${j}]`, `"${p}" does not trigger its own red flag`);
      }
    });
  });
  return problems;
}
