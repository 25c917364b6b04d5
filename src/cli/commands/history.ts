// `mockops history`, `mockops report` and `mockops review`: what was practised, a session report, and what is due.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { sessionReportMarkdown } from '../../app/report.js';
import { reviewHandler } from '../../app/review.js';
import {
  deleteSessionHandler,
  endSessionHandler,
  getSessionHandler,
  sessionListHandler,
} from '../../app/sessions.js';
import { storiesHandler } from '../../app/stories.js';
import { InputError, MockopsError } from '../../core/errors.js';
import { dueInWords } from '../../core/schedule/index.js';
import type { Competency } from '../../core/vocabulary.js';
import { withContext } from '../context.js';
import { bold, dim, getCliLang } from '../render.js';

const COMPETENCY_ZH: Record<Competency, string> = {
  ownership: '担当',
  conflict: '处理冲突',
  failure: '面对失败',
  influence: '影响力',
  mentoring: '带人',
  'delivery-under-pressure': '压力下交付',
  'customer-focus': '客户导向',
};

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
        const sessions = sessionListHandler(ctx, limit);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(sessions, null, 2)}\n`);
          return;
        }
        if (sessions.length === 0) {
          process.stdout.write('No sessions yet. Start one with: mockops interview\n');
          return;
        }
        // Local time, and which zone it is in.
        const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
        const local = (iso: string) =>
          new Date(iso).toLocaleString('sv-SE', { timeZone: zone, hour12: false }).slice(0, 16);
        process.stdout.write(
          `${bold('session                       started           mode   style      status   answered  avg')}\n`,
        );
        for (const s of sessions) {
          process.stdout.write(
            `${s.id.padEnd(30)}${local(s.createdAt).padEnd(18)}${s.mode.padEnd(7)}${s.style.padEnd(11)}${(s.endedEarly ? 'ended' : s.status).padEnd(10)}${String(s.answered).padStart(7)}  ${s.averageScore ?? '-'}\n`,
          );
        }
        process.stdout.write(dim(`times in ${zone}\n`));
      }),
    );

  const session = program.command('session').description('end or delete a session');
  session
    .command('end')
    .description('finish an unfinished session now (kept, shown as ended early)')
    .argument('<sessionId>', 'the session id (see mockops history)')
    .action((id: string) =>
      withContext((ctx) => {
        const s = endSessionHandler(ctx, id);
        const answered = s.turns.filter((t) => t.answer).length;
        process.stdout.write(
          getCliLang() === 'zh'
            ? `已结束会话 ${id}（答了 ${answered} 题）。报告：mockops report ${id}\n`
            : `Ended session ${id} after ${answered} answer(s). Report: mockops report ${id}\n`,
        );
      }),
    );
  session
    .command('delete')
    .description('delete a session and its conversation (its answers stay in your practice history)')
    .argument('<sessionId>', 'the session id (see mockops history)')
    .action((id: string) =>
      withContext((ctx) => {
        const r = deleteSessionHandler(ctx, id);
        process.stdout.write(
          getCliLang() === 'zh'
            ? `已删除会话 ${id}；它的 ${r.answersKept} 个回答保留在练习记录里。\n`
            : `Deleted session ${id}; its ${r.answersKept} answer(s) stay in your practice history.\n`,
        );
      }),
    );

  program
    .command('stories')
    .description('your behavioural stories by competency, and where a story or a phrase is reused')
    .option('--json', 'print JSON')
    .action((opts: { json?: boolean }) =>
      withContext((ctx) => {
        const map = storiesHandler(ctx);
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(map, null, 2)}\n`);
          return;
        }
        const zh = getCliLang() === 'zh';
        const label = (c: Competency) => (zh ? `${COMPETENCY_ZH[c]} (${c})` : c);
        const told = map.competencies.some((c) => c.stories.length > 0);
        if (!told) {
          process.stdout.write(
            zh
              ? '还没有行为题的故事。用 mockops practice --category behavioral 或网页工作坊的 STAR 构建器写一个。\n'
              : 'No stories yet. Write one with: mockops practice --category behavioral (or the STAR builder in the web workshop)\n',
          );
        }
        for (const { competency, stories } of map.competencies) {
          process.stdout.write(`${bold(label(competency))}\n`);
          if (stories.length === 0)
            process.stdout.write(dim(zh ? '  （还没有故事）\n' : '  (no story yet)\n'));
          for (const st of stories)
            process.stdout.write(
              `  ${String(st.score ?? '–').padStart(3)}  ${st.questionId}: ${st.opening}\n`,
            );
        }
        if (map.reused.length > 0) {
          process.stdout.write(`\n${bold(zh ? '重复使用' : 'Reused')}\n`);
          for (const r of map.reused)
            process.stdout.write(
              r.kind === 'story'
                ? zh
                  ? `  同一个故事讲了两次：${r.questionIds.join('、')}（${Math.round((r.share ?? 0) * 100)}% 相同）。给其中一题换个故事。\n`
                  : `  The same story is told for ${r.questionIds.join(' and ')} (${Math.round((r.share ?? 0) * 100)}% shared): tell another one for one of them.\n`
                : zh
                  ? `  “${r.phrase}” 出现在 ${r.questionIds.length} 个回答里（${r.questionIds.join('、')}）：面试官会注意到，换个说法或换个结果。\n`
                  : `  "${r.phrase}" is in ${r.questionIds.length} answers (${r.questionIds.join(', ')}): interviewers notice; vary it.\n`,
            );
        }
        if (map.unanswered.length > 0) {
          process.stdout.write(
            `\n${bold(zh ? '还没回答的行为题' : 'Behavioural questions with no story yet')}\n`,
          );
          for (const u of map.unanswered)
            process.stdout.write(`  ${u.questionId} (${u.competencies.map(label).join(', ')})\n`);
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
        const { interviewDate, items, upcoming, counts } = reviewHandler(ctx, { by: opts.by });
        if (opts.json) {
          process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
          return;
        }
        const zh = getCliLang() === 'zh';
        const now = ctx.now();
        if (interviewDate)
          process.stdout.write(`${bold(zh ? '面试日期' : 'Interview date')} ${interviewDate}\n`);
        if (items.length === 0 && upcoming.length === 0) {
          process.stdout.write(
            zh
              ? '还没有复习卡。先答几道题：mockops interview\n'
              : 'No review cards yet. Answer some questions first: mockops interview\n',
          );
          return;
        }
        process.stdout.write(
          zh
            ? `${bold(`现在到期 ${counts.dueNow} 道`)} · 稍后 ${counts.later} 道\n`
            : `${bold(`${counts.dueNow} due now`)} · ${counts.later} later\n`,
        );
        const show = (item: (typeof items)[number]) => {
          const when = dueInWords(item.due, now, zh ? 'zh' : 'en');
          const plan = item.plan.length > 1 ? item.plan.map((d) => d.slice(0, 10)).join(', ') : '';
          const line = zh
            ? `${item.category} · 难度 ${item.level} · 已复习 ${item.reviews} 次 · 到期：${when}${plan ? `（计划：${plan}）` : ''}`
            : `${item.category} · level ${item.level} · ${item.reviews} review(s) · due ${when}${plan ? ` (plan: ${plan})` : ''}`;
          process.stdout.write(
            `${String(item.lastScore).padStart(3)}  ${item.weak ? (zh ? '薄弱 ' : 'weak ') : '     '} ${item.text}\n     ${dim(line)}\n`,
          );
        };
        for (const item of items) show(item);
        if (upcoming.length > 0) {
          process.stdout.write(
            `\n${bold(zh ? '稍后回来' : 'Coming back later')}${items.length === 0 ? dim(zh ? '（现在没有到期的题）' : ' (nothing is due right now)') : ''}\n`,
          );
          for (const item of upcoming) show(item);
        }
      }),
    );
}
