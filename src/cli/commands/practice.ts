// `mockops practice`: one question at a time in the terminal, with feedback, key points and model answers.
import type { Command } from 'commander';
import { practiceAnswerHandler } from '../../app/sessions.js';
import { MAX_ANSWER_CHARS } from '../../core/analysis/index.js';
import { CATEGORIES, type Category, type Question } from '../../core/bank/index.js';
import { InputError } from '../../core/errors.js';
import { withContext } from '../context.js';
import { type AnswerOutcome, createPrompter } from '../prompt.js';
import { bold, dim, getCliLang, renderFeedback, renderQuestion, wrap, yellow } from '../render.js';

export function parseLevel(value: string | undefined): 1 | 2 | 3 | undefined {
  if (value === undefined) return undefined;
  if (value === '1' || value === '2' || value === '3') return Number(value) as 1 | 2 | 3;
  throw new InputError(`unknown level "${value}": use 1, 2 or 3`);
}

export function parseCategory(value: string | undefined): Category | undefined {
  if (value === undefined) return undefined;
  if ((CATEGORIES as readonly string[]).includes(value)) return value as Category;
  throw new InputError(
    `unknown category "${value}": use one of ${CATEGORIES.filter((c) => c !== 'imported').join(', ')}`,
  );
}

/** The message for an answer over the length limit: nothing is sent, and the question is asked again. */
export function tooLongMessage(length: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  return getCliLang() === 'zh'
    ? `这个回答有 ${n(length)} 个字符，上限是 ${n(MAX_ANSWER_CHARS)}。没有发送：请缩短后重新输入。`
    : `That answer is ${n(length)} characters; the limit is ${n(MAX_ANSWER_CHARS)}. Nothing was sent: shorten it and answer again.`;
}

/** Asks for an answer until one fits the length limit (or the person stops). */
export async function askAnswer(ask: () => Promise<AnswerOutcome>): Promise<AnswerOutcome> {
  for (;;) {
    const outcome = await ask();
    if (outcome.kind !== 'answer' || outcome.text.length <= MAX_ANSWER_CHARS) return outcome;
    process.stderr.write(`${wrap(yellow(tooLongMessage(outcome.text.length)))}\n`);
  }
}

export function registerPracticeCommand(program: Command): void {
  program
    .command('practice')
    .description('answer one question at a time and see feedback, key points and model answers')
    .option(
      '-c, --category <category>',
      `category (${CATEGORIES.filter((c) => c !== 'imported').join(', ')})`,
    )
    .option('-l, --level <level>', 'level 1, 2 or 3')
    .option('--verbose', 'show all the feedback and the model answers, not the summary')
    .action((opts: { category?: string; level?: string; verbose?: boolean }) =>
      withContext(async (ctx) => {
        const category = parseCategory(opts.category);
        const level = parseLevel(opts.level);
        const pool = ctx.bank
          .filter({ category, level })
          .filter((q) => q.source !== 'imported' || q.modelAnswers.full);
        if (pool.length === 0) throw new InputError('no question matches that category and level');
        const zh = getCliLang() === 'zh';
        const prompter = createPrompter({
          onInterrupt: () => {
            prompter.close();
            process.stderr.write(zh ? '\n已停止。\n' : '\nStopped.\n');
            process.exit(130);
          },
        });
        const seen = new Set<string>();
        try {
          for (;;) {
            const fresh = pool.filter((q) => !seen.has(q.id));
            const from = fresh.length > 0 ? fresh : pool;
            const q = from[Math.floor(Math.random() * from.length)] as Question;
            seen.add(q.id);
            process.stdout.write(`\n${renderQuestion(q)}\n`);
            const prompt = wrap(
              dim(
                zh
                  ? '你的回答（用英文；可以粘贴多段；空一行发送，Ctrl-D 退出）：'
                  : 'Your answer (paste freely; an empty line sends it; Ctrl-D to quit):',
              ),
            );
            const outcome = await askAnswer(() => prompter.answer(`${prompt}\n`));
            if (outcome.kind === 'kept') process.stdout.write(dim(zh ? '没有发送。\n' : 'Not sent.\n'));
            if (outcome.kind !== 'answer') break;
            // Saved as a new version of your answer to this question, and compared with the last one.
            const result = practiceAnswerHandler(ctx, q.id, { text: outcome.text });
            process.stdout.write(
              `\n${renderFeedback({
                analysis: result.analysis,
                comparison: result.comparison,
                modelAnswers: q,
                verbose: opts.verbose === true,
                command: 'mockops practice',
              })}\n`,
            );
            const more = await prompter.line(`\n${bold(zh ? '再来一题？' : 'Another question?')} [Y/n] `);
            if (more === null || /^n/i.test(more.trim())) break;
          }
        } finally {
          prompter.close();
        }
      }),
    );
}
