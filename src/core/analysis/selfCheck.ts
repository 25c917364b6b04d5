// Bank self-consistency: a question's own model answers must score well against its rubric, and its red flags must fire.
import type { BankFile } from '../bank/check.js';
import type { Question, RedFlag } from '../bank/schema.js';
import type { Problem } from '../errors.js';
import { readText } from '../text/index.js';
import { dismissalAnswers, saladAnswers } from './adversarial.js';
import { analyzeAnswer, borrowedFlagHits, termModel } from './index.js';
import { compilePhrase, indexDoc } from './phrases.js';
import { DEFAULT_POLICY } from './policy.js';
import { compileRedFlags } from './rubric.js';
import { redFlagHits } from './signals/redFlags.js';

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
    // Answers to technical and scenario questions also meet the other questions' red flags: a model answer must
    // raise none of them, or the bank rewards here what it marks down there.
    if (DEFAULT_POLICY.kinds.commonFlags.includes(q.kind) && questions.length > 1)
      for (const [field, answer, raised] of [
        ['modelAnswers.full', q.modelAnswers.full, full.flags],
        ['modelAnswers.quick', q.modelAnswers.quick, quick.flags],
      ] as const)
        for (const f of borrowedFlagHits(indexDoc(readText(answer)), q, questions, raised))
          add(
            'inconsistent',
            field,
            `the model answer raises another question's red flag "${f.id}" with "${f.evidence[0]?.text ?? ''}"; reword the answer or narrow that flag's phrasing`,
          );
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

/**
 * Advice one question rewards is never a red flag in another: every concept of every key point, read as a short
 * answer, must not trip another question's red flag or a common one (`inconsistent`). Each concept is one line
 * of one parsed text, so the whole bank is read once.
 */
export function consistencyCheck(
  entries: readonly BankFile[],
  commonRedFlags: readonly RedFlag[],
): Problem[] {
  const problems: Problem[] = [];
  const owners: Array<{ entry: BankFile; k: number; concept: string }> = [];
  for (const entry of entries)
    entry.question.keyPoints.forEach((kp, k) => {
      for (const concept of kp.concepts) owners.push({ entry, k, concept });
    });
  const flagSets = entries.map((e) => ({
    id: e.question.id,
    flags: e.question.redFlags,
    compiled: compileRedFlags(e.question.redFlags),
  }));
  const common = { id: '_common', flags: commonRedFlags, compiled: compileRedFlags(commonRedFlags) };
  // A flag can fire only when every stem of one of its phrasings is in the concept: test those only.
  const maybe = (
    index: ReturnType<typeof indexDoc>,
    set: { readonly compiled: ReturnType<typeof compileRedFlags> },
  ) =>
    set.compiled.some((f) =>
      f.phrasings.some((ph) => ph.stems.length > 0 && ph.stems.every((st) => index.positions.has(st))),
    );
  for (const { entry, k, concept } of owners) {
    const index = indexDoc(readText(concept));
    for (const set of [...flagSets, common]) {
      if (set.id === entry.question.id || !maybe(index, set)) continue;
      for (const hit of redFlagHits(index, set.flags, set.compiled)) {
        problems.push({
          code: 'inconsistent',
          file: entry.file,
          path: `keyPoints[${k}].concepts`,
          message: `the concept "${concept}" is rewarded here but is red flag "${hit.id}" in ${set.id === '_common' ? 'the common red flags' : set.id}: one of them is wrong`,
        });
      }
    }
  }
  return problems;
}

/** Checked more than this long ago, a time-sensitive answer is due for a re-check. */
const STALE_AFTER_DAYS = 365;

/**
 * `bank check --stale`: questions whose time-sensitive claims were checked over a year before `now`, or that
 * name sources but no date.
 */
export function staleCheck(entries: readonly BankFile[], now: Date): Problem[] {
  const problems: Problem[] = [];
  for (const { file, question: q } of entries) {
    if (!q.asOf) {
      if (q.sources.length > 0)
        problems.push({
          code: 'stale',
          file,
          path: 'asOf',
          message: 'names sources but no asOf date: say when it was checked',
        });
      continue;
    }
    const days = (now.getTime() - Date.parse(`${q.asOf}T00:00:00Z`)) / 86_400_000;
    if (days > STALE_AFTER_DAYS)
      problems.push({
        code: 'stale',
        file,
        path: 'asOf',
        message: `checked ${q.asOf}, ${Math.floor(days)} days ago: re-check it against ${q.sources.length > 0 ? q.sources.join('; ') : 'the vendor documentation'}`,
      });
  }
  return problems;
}
