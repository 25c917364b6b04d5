// `mockops history`, `mockops report` and `mockops review`: what was practised, a session report, and what is due.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { sessionReportMarkdown } from '../../app/report.js';
import { reviewHandler } from '../../app/review.js';
import { getSessionHandler } from '../../app/sessions.js';
import { InputError, MockopsError } from '../../core/errors.js';
import { withContext } from '../context.js';
import { bold, dim, getCliLang } from '../render.js';

export function registerHistoryCommands(program: Command): void {
  program
    .command('history')
    .description('list past sessions, newest first')
    .option('-n, --limit <n>', 'how many', '20')
    .option('--json', 'print JSON')
    .action((opts: { limit: string; json?: boolean }) =>
      withContext((ctx) => {
        const limit = Number(opts.limit);
        if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
          throw new InputError(`invalid limit "${opts.limit}": use 1 to 1000`);
        const sessions = ctx.store.listSessions(limit);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
          return;
        }
        if (sessions.length === 0) {
          process.stdout.write('No sessions yet. Start one with: mockops interview\n');
          return;
        }
        process.stdout.write(
          `${bold('session                       started           mode   style      status    answers  avg')}\n`,
        );
        for (const s of sessions) {
          process.stdout.write(
            `${s.id.padEnd(30)}${s.createdAt.replace('T', ' ').slice(0, 16).padEnd(18)}${s.mode.padEnd(7)}${s.style.padEnd(11)}${s.status.padEnd(10)}${String(s.answered).padStart(7)}  ${s.averageScore ?? '-'}\n`,
          );
        }
      }),
    );

  program
    .command('report')
    .description('a Markdown report of one session')
    .argument('<sessionId>', 'the session id (see mockops history)')
    .option('--format <format>', 'md', 'md')
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action((sessionId: string, opts: { format: string; out?: string }) =>
      withContext((ctx) => {
        if (opts.format !== 'md') throw new InputError(`unknown format "${opts.format}": use md`);
        const markdown = sessionReportMarkdown(ctx.bank, getSessionHandler(ctx, sessionId));
        if (!opts.out) {
          process.stdout.write(markdown);
          return;
        }
        try {
          writeFileSync(opts.out, markdown);
        } catch (err) {
          throw new MockopsError('io', `cannot write ${opts.out}: ${(err as Error).message}`);
        }
        process.stdout.write(`wrote ${opts.out}\n`);
      }),
    );

  program
    .command('review')
    .description('questions due for review, weakest first; --by sets your interview date')
    .option('--by <date>', 'interview date (YYYY-MM-DD): weak questions come back at least twice before it')
    .option('--json', 'print the list as a JSON array')
    .action((opts: { by?: string; json?: boolean }) =>
      withContext((ctx) => {
        const { interviewDate, items } = reviewHandler(ctx, { by: opts.by });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        const zh = getCliLang() === 'zh';
        if (interviewDate)
          process.stdout.write(`${bold(zh ? '面试日期' : 'Interview date')} ${interviewDate}\n`);
        if (items.length === 0) {
          process.stdout.write(
            zh
              ? '现在没有要复习的题。先答几道题：mockops interview\n'
              : 'Nothing due. Answer some questions first: mockops interview\n',
          );
          return;
        }
        for (const item of items) {
          const plan = item.plan.map((d) => d.slice(0, 10)).join(', ');
          const next = plan || item.due.slice(0, 10);
          const line = zh
            ? `${item.category} · 难度 ${item.level} · 已复习 ${item.reviews} 次 · 下次：${next}`
            : `${item.category} · level ${item.level} · ${item.reviews} review(s) · next: ${next}`;
          process.stdout.write(
            `${String(item.lastScore).padStart(3)}  ${item.weak ? (zh ? '薄弱 ' : 'weak ') : '     '} ${item.text}\n     ${dim(line)}\n`,
          );
        }
      }),
    );
}
