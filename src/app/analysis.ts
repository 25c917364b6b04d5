// The analysis handler: resolves the question (bank id, bank text, or reference only) and runs the engine.
import { z } from 'zod';
import { type Analysis, analyzeAnswer, bankLexicon, termModel } from '../core/analysis/index.js';
import type { Bank } from '../core/bank/index.js';
import type { Question } from '../core/bank/schema.js';
import { InputError, NotFoundError } from '../core/errors.js';

export const AnalyzeRequest = z.strictObject({
  questionId: z.string().min(1).optional(),
  question: z.string().optional(),
  reference: z.string().optional(),
  text: z.string(),
  durationSec: z.number().positive().max(3600).optional(),
  pauses: z.number().int().min(0).max(10_000).optional(),
  wpm: z.number().min(40).max(300).optional(),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

/**
 * Find the bank question for a request: by id, else by exact normalised text (case, white space, quotes).
 * A near match ("Ansible inventory" for "Terraform state") is never used silently: it is only suggested.
 */
export function resolveQuestion(
  bank: Bank,
  req: { questionId?: string | undefined; question?: string | undefined },
): { question: Question | null; suggested: Question | null } {
  if (req.questionId) {
    const q = bank.byId(req.questionId);
    if (!q) throw new NotFoundError(`no question with id "${req.questionId}" in the bank`);
    return { question: q, suggested: null };
  }
  if (!req.question) return { question: null, suggested: null };
  const exact = bank.byText(req.question);
  if (exact) return { question: exact, suggested: null };
  return { question: null, suggested: bank.closest(req.question) ?? null };
}

/** The analysis, and the bank question whose wording is close to the one given, when it was not used. */
export type AnalysisResult = Analysis & { readonly suggestedQuestionId?: string };

export function runAnalysis(bank: Bank, req: AnalyzeRequest): AnalysisResult {
  const { question, suggested } = resolveQuestion(bank, req);
  if (!question && !req.reference?.trim()) {
    if (suggested)
      throw new InputError(
        `the question is not in the bank word for word; the closest is "${suggested.text}" (id ${suggested.id}): pass "questionId": "${suggested.id}" to grade against it, or a "reference" answer`,
      );
    throw new InputError(
      req.question
        ? 'the question is not in the bank and no reference answer was given: pass "reference" to grade against it'
        : 'give a "questionId", a bank "question" text, or a "question" with a "reference" answer',
    );
  }
  const analysis = analyzeAnswer({
    question: question ?? undefined,
    questionText: req.question,
    reference: req.reference,
    answer: req.text,
    durationSec: req.durationSec,
    pauses: req.pauses,
    wpm: req.wpm,
    commonRedFlags: bank.commonRedFlags,
    termModel: termModel(bank.questions, bank.commonRedFlags),
    grammarLexicon: bankLexicon(bank.questions),
    year: new Date().getFullYear(),
    rivals: bank.questions,
  });
  return suggested ? { ...analysis, suggestedQuestionId: suggested.id } : analysis;
}
