// Semantic checks over a whole bank: what the schema alone cannot say.

import type { Problem } from '../errors.js';
import { isContent, readText } from '../text/index.js';
import { COMPETENCIES } from '../vocabulary.js';
import type { Question } from './schema.js';

export interface BankFile {
  /** Path relative to the bank folder, e.g. `iac/tf-state.yaml`. */
  readonly file: string;
  readonly question: Question;
}

/** Extra checks that need the analyser (self-consistency); injected so the bank model stays independent. */
export type QuestionCheck = (entry: BankFile) => Problem[];

/** Key points of this weight or more may not rest on one word: a single-word concept must be paired. */
export const PAIR_WEIGHT = 2;

/** Content words of a phrase, counted the way the matcher counts them. */
function contentWords(text: string): number {
  return readText(text).tokens.filter(isContent).length;
}

export function normaliseQuestionText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201a\u201b\u2032]/g, "'")
    .replace(/["\u201c\u201d\u201e\u201f\u2033]/g, '')
    .replace(/^["'\s]+|["'\s?.!]+$/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Sentences in a spoken answer, counted the way the analyser counts them. */
export function sentenceCount(text: string): number {
  return readText(text).sentences.filter((s) => /[A-Za-z\u3400-\u9fff]/.test(s.text)).length;
}

/**
 * Check a bank. `extra` checks run per question (the analyser's self-consistency); `spoken` adds the quick-answer
 * sentence count, which reads every quick answer (skip it when only loading the bank for use).
 */
export function checkBank(
  entries: readonly BankFile[],
  extra: QuestionCheck[] = [],
  spoken = true,
): Problem[] {
  const problems: Problem[] = [];
  const ids = new Map<string, string>();
  const texts = new Map<string, string>();
  if (entries.length === 0) {
    problems.push({ code: 'empty_bank', file: '.', path: '', message: 'the bank has no questions' });
  }
  for (const entry of entries) {
    const { file, question: q } = entry;
    const add = (code: Problem['code'], path: string, message: string) =>
      problems.push({ code, file, path, message });
    const expected = `${q.category}/${q.id}`;
    if (file.replace(/\.(ya?ml|json)$/, '') !== expected) {
      add('file_name', 'id', `file should be ${expected}.yaml to match its category and id`);
    }
    const seen = ids.get(q.id);
    if (seen) add('duplicate_id', 'id', `id "${q.id}" is also used by ${seen}`);
    else ids.set(q.id, file);
    const norm = normaliseQuestionText(q.text);
    const sameText = texts.get(norm);
    if (sameText) add('duplicate_text', 'text', `the same question text is in ${sameText}`);
    else texts.set(norm, file);
    const kpIds = new Set<string>();
    q.keyPoints.forEach((kp, i) => {
      if (kpIds.has(kp.id)) add('duplicate_id', `keyPoints[${i}].id`, `key point id "${kp.id}" is repeated`);
      kpIds.add(kp.id);
      if (!spoken) return;
      if (kp.weight >= PAIR_WEIGHT)
        kp.concepts.forEach((c, j) => {
          if (contentWords(c) <= 1)
            add(
              'concept_unpaired',
              `keyPoints[${i}].concepts[${j}]`,
              `"${c}" is one word on a key point of weight ${kp.weight}: naming it is not stating it; move it to pairs with the words that must stand beside it ({term: "${c}", with: [...]})`,
            );
        });
      kp.pairs.forEach((p, j) => {
        if (contentWords(p.term) === 0)
          add(
            'concept_unpaired',
            `keyPoints[${i}].pairs[${j}].term`,
            `"${p.term}" has no content word to match`,
          );
        p.with.forEach((w, k) => {
          if (contentWords(w) === 0)
            add(
              'concept_unpaired',
              `keyPoints[${i}].pairs[${j}].with[${k}]`,
              `"${w}" has no content word to match`,
            );
        });
      });
    });
    if (spoken && (q.kind === 'behavioral' || q.kind === 'career-story') && q.competencies.length === 0)
      add(
        'competencies_missing',
        'competencies',
        `a ${q.kind} question names the competencies a good story for it shows (${COMPETENCIES.join(', ')}); the workshop maps stories by them`,
      );
    const flagIds = new Set(q.redFlags.map((f) => f.id));
    q.followUps.forEach((f, i) => {
      if (f.keyPoint && !kpIds.has(f.keyPoint)) {
        add('unknown_key_point', `followUps[${i}].keyPoint`, `no key point "${f.keyPoint}" in this question`);
      }
      if (f.redFlag && !flagIds.has(f.redFlag)) {
        add('unknown_red_flag', `followUps[${i}].redFlag`, `no red flag "${f.redFlag}" in this question`);
      }
    });
    const quick = spoken ? sentenceCount(q.modelAnswers.quick) : 3;
    if (quick < 3 || quick > 4) {
      add(
        'quick_length',
        'modelAnswers.quick',
        `the quick answer has ${quick} sentence(s); it must have 3–4`,
      );
    }
    for (const check of extra) problems.push(...check(entry));
  }
  return problems;
}
