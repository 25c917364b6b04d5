// `mockops practice`: one question at a time in the terminal, with feedback, key points and model answers.
import type { Command } from 'commander';
import { practiceAnswerHandler } from '../../app/sessions.js';
import { CATEGORIES, type Category, type Question } from '../../core/bank/index.js';
import { InputError } from '../../core/errors.js';
import { withContext } from '../context.js';
import { createPrompter } from '../prompt.js';
import {
  bold,
  dim,
  getCliLang,
  renderAnalysis,
  renderComparison,
  renderModelAnswers,
  renderQuestion,
} from '../render.js';

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

export function registerPracticeCommand(program: Command): void {
  program
    .command('practice')
    .description('answer one question at a time and see feedback, key points and model answers')
    .option(
      '-c, --category <category>',
      `category (${CATEGORIES.filter((c) => c !== 'imported').join(', ')})`,
    )
    .option('-l, --level <level>', 'level 1, 2 or 3')
    .action((opts: { category?: string; level?: string }) =>
      withContext(async (ctx) => {
        const category = parseCategory(opts.category);
        const level = parseLevel(opts.level);
        const pool = ctx.bank
          .filter({ category, level })
          .filter((q) => q.source !== 'imported' || q.modelAnswers.full);
        if (pool.length === 0) throw new InputError('no question matches that category and level');
        const prompter = createPrompter();
        const seen = new Set<string>();
        try {
          for (;;) {
            const fresh = pool.filter((q) => !seen.has(q.id));
            const from = fresh.length > 0 ? fresh : pool;
            const q = from[Math.floor(Math.random() * from.length)] as Question;
            seen.add(q.id);
            process.stdout.write(`\n${renderQuestion(q)}\n`);
            const answer = await prompter.answer(
              dim(
                getCliLang() === 'zh'
                  ? '你的回答（用英文；空一行结束，Ctrl-D 退出）：\n'
                  : 'Your answer (end with an empty line; Ctrl-D to quit):\n',
              ),
            );
            if (answer === null) break;
            // Saved as a new version of your answer to this question, and compared with the last one.
            const result = practiceAnswerHandler(ctx, q.id, { text: answer });
            process.stdout.write(`\n${renderAnalysis(result.analysis)}\n`);
            if (result.comparison) process.stdout.write(`\n${renderComparison(result.comparison)}\n`);
            process.stdout.write(`\n${renderModelAnswers(q)}\n`);
            const more = await prompter.line(
              `\n${bold(getCliLang() === 'zh' ? '再来一题？' : 'Another question?')} [Y/n] `,
            );
            if (more === null || /^n/i.test(more.trim())) break;
          }
        } finally {
          prompter.close();
        }
      }),
    );
}
