// Bank self-consistency: a question's own model answers must score well against its rubric, and its red flags must fire.
import type { BankFile } from '../bank/check.js';
import type { Question, RedFlag } from '../bank/schema.js';
import type { Problem } from '../errors.js';
import { dismissalAnswers, saladAnswers } from './adversarial.js';
import { analyzeAnswer, termModel } from './index.js';
import { compilePhrase } from './phrases.js';
import { DEFAULT_POLICY } from './policy.js';

/** The model answers' floors against their own rubric (the policy's). */
export const SELF_CHECK = DEFAULT_POLICY.selfCheck;
/** A one-word red-flag phrasing must be at least this long a stem (kube2iam, podsecuritypolicy) to be specific. */
const DISTINCTIVE_STEM = 6;

/** The check for one bank file; model answers must not trip the bank's common red flags either. */
export const selfConsistencyCheck =
  (
    commonRedFlags: readonly RedFlag[],
    questions: readonly Question[] = [],
    /** Also require fluent nonsense made of the question's own concepts to score low (bank check --adversarial). */
    salad = false,
  ) =>
  (entry: BankFile): Problem[] => {
    const q = entry.question;
    const model = termModel(questions.length > 0 ? questions : [q], commonRedFlags);
    const problems: Problem[] = [];
    const add = (code: Problem['code'], path: string, message: string) =>
      problems.push({ code, file: entry.file, path, message });
    const full = analyzeAnswer({
      question: q,
      answer: q.modelAnswers.full,
      commonRedFlags,
      termModel: model,
    });
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
    const quick = analyzeAnswer({
      question: q,
      answer: q.modelAnswers.quick,
      commonRedFlags,
      termModel: model,
    });
    if (quick.score < SELF_CHECK.quick) {
      const missed = quick.coverage.filter((c) => c.status !== 'hit').map((c) => c.id);
      add(
        'self_consistency',
        'modelAnswers.quick',
        `the quick model answer scores ${quick.score} against its own rubric (needs ≥ ${SELF_CHECK.quick}); not covered: ${missed.join(', ')}` +
          (quick.flags.length ? `; flags raised: ${quick.flags.map((f) => f.id).join(', ')}` : ''),
      );
    }
    // Adversarial answers built from the rubric itself: nonsense in fluent sentences, and dismissals.
    (salad ? saladAnswers(q) : []).forEach((answer, i) => {
      const a = analyzeAnswer({ question: q, answer, commonRedFlags, termModel: model });
      if (a.score >= SELF_CHECK.adversarialMax)
        add(
          'adversarial',
          'keyPoints',
          `fluent nonsense made of this question's own concepts scores ${a.score} (must stay below ${SELF_CHECK.adversarialMax}); credited: ${a.coverage
            .filter((c) => c.status === 'hit')
            .map((c) => c.id)
            .join(', ')} — answer ${i + 1}: "${answer.slice(0, 160)}…"`,
        );
    });
    for (const { keyPoint, answer } of dismissalAnswers(q)) {
      const a = analyzeAnswer({ question: q, answer, commonRedFlags, termModel: model });
      const k = q.keyPoints.findIndex((kp) => kp.id === keyPoint);
      const caught =
        a.flags.some((f) => f.id === `not-${keyPoint}`) ||
        a.coverage.find((c) => c.id === keyPoint)?.status === 'missed';
      if (!caught)
        add(
          'adversarial',
          `keyPoints[${k}]`,
          `a dismissal of "${keyPoint}" is credited instead of caught: "${answer}"`,
        );
    }
    q.redFlags.forEach((flag, i) => {
      flag.phrasings.forEach((p, j) => {
        const stems = compilePhrase(p).stems;
        if (stems.length < 2 && (stems[0] ?? '').length < DISTINCTIVE_STEM) {
          add(
            'red_flag_generic',
            `redFlags[${i}].phrasings[${j}]`,
            `"${p}" comes down to one short word (${stems[0] ?? 'none'}); it would fire on correct answers: use two content words or a distinctive term`,
          );
        }
        const result = analyzeAnswer({ question: q, answer: `In my team we ${p}.` });
        if (!result.flags.some((f) => f.id === flag.id)) {
          add(
            'red_flag_silent',
            `redFlags[${i}].phrasings[${j}]`,
            `"${p}" does not trigger its own red flag`,
          );
        }
      });
    });
    return problems;
  };

/**
 * The bank's common unsafe practices must each fire on their own phrasings when said in a technical answer,
 * and be specific (more than one short word), like a question's own flags.
 */
export function commonFlagsCheck(
  commonRedFlags: readonly RedFlag[],
  technical: Question | undefined,
): Problem[] {
  const problems: Problem[] = [];
  if (!technical) return problems;
  const file = '_common/red-flags.yaml';
  commonRedFlags.forEach((flag, i) => {
    flag.phrasings.forEach((p, j) => {
      const path = `[${i}].phrasings[${j}]`;
      const stems = compilePhrase(p).stems;
      if (stems.length < 2 && (stems[0] ?? '').length < DISTINCTIVE_STEM)
        problems.push({
          code: 'red_flag_generic',
          file,
          path,
          message: `"${p}" comes down to one short word (${stems[0] ?? 'none'}); it would fire on correct answers`,
        });
      const result = analyzeAnswer({
        question: { ...technical, redFlags: [] },
        answer: `In my team we ${p}.`,
        commonRedFlags,
      });
      if (!result.flags.some((f) => f.id === flag.id))
        problems.push({
          code: 'red_flag_silent',
          file,
          path,
          message: `"${p}" does not trigger its own red flag`,
        });
    });
    if (!flag.source)
      problems.push({
        code: 'schema',
        file,
        path: `[${i}].source`,
        message: `${flag.id}: name the guidance that warns against it`,
      });
  });
  return problems;
}
