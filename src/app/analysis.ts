// The analysis handler: resolves the question (bank id, bank text, or reference only) and runs the engine.
import { z } from 'zod';
import { type Analysis, analyzeAnswer } from '../core/analysis/index.js';
import type { Bank } from '../core/bank/index.js';
import { InputError, NotFoundError } from '../core/errors.js';

export const AnalyzeRequest = z.strictObject({
  questionId: z.string().min(1).optional(),
  question: z.string().optional(),
  reference: z.string().optional(),
  text: z.string(),
  durationSec: z.number().positive().max(3600).optional(),
  wpm: z.number().min(40).max(300).optional(),
});
export type AnalyzeRequest = z.infer<typeof AnalyzeRequest>;

/** Find the bank question for a request: by id, else by normalised text; null means reference-only. */
export function resolveQuestion(
  bank: Bank,
  req: { questionId?: string | undefined; question?: string | undefined },
) {
  if (req.questionId) {
    const q = bank.byId(req.questionId);
    if (!q) throw new NotFoundError(`no question with id "${req.questionId}" in the bank`);
    return q;
  }
  // Exact wording first; then the same question with a word or two changed ("Terraform modules for dev, stage
  // and prod" for "... (dev/stage/prod)"), which is still graded against its rubric.
  return req.question ? (bank.byText(req.question) ?? bank.closest(req.question) ?? null) : null;
}

export function runAnalysis(bank: Bank, req: AnalyzeRequest): Analysis {
  const question = resolveQuestion(bank, req);
  if (!question && !req.reference?.trim()) {
    throw new InputError(
      req.question
        ? 'the question is not in the bank and no reference answer was given: pass "reference" to grade against it'
        : 'give a "questionId", a bank "question" text, or a "question" with a "reference" answer',
    );
  }
  return analyzeAnswer({
    question: question ?? undefined,
    questionText: req.question,
    reference: req.reference,
    answer: req.text,
    durationSec: req.durationSec,
    wpm: req.wpm,
    commonRedFlags: bank.commonRedFlags,
  });
}
