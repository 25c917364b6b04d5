// `mockops bank check` and `mockops bank export`.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { formatProblem, InputError } from '../../core/errors.js';
import { checkBankDir, loadBank } from '../../storage/bank.js';

export function registerBankCommands(program: Command): void {
  const bank = program.command('bank').description('validate and export the question bank');
  bank
    .command('check')
    .description('validate every bank file (schema, ids, follow-ups, quick answers, self-consistency)')
    .option('--dir <path>', 'bank folder to check (default: the built-in bank)')
    .option(
      '--adversarial',
      "also require fluent nonsense built from each question's own concepts to score below 35",
    )
    .option('--stale', 'also list questions whose time-sensitive facts were checked over a year ago')
    .option(
      '--only <ids...>',
      'run the slow self-checks only on these questions (id or category/id); schema and cross-question checks still cover all',
    )
    .action((opts: { dir?: string; adversarial?: boolean; stale?: boolean; only?: string[] }) => {
      if (opts.dir !== undefined && !existsSync(opts.dir))
        throw new InputError(`--dir: no bank folder at ${opts.dir}`);
      const { problems, count, entries } = checkBankDir(opts.dir, {
        adversarial: opts.adversarial ?? false,
        ...(opts.stale ? { stale: new Date() } : {}),
        ...(opts.only ? { only: opts.only } : {}),
      });
      const known = new Set(
        entries.flatMap((e) => [e.question.id, `${e.question.category}/${e.question.id}`]),
      );
      const unknown = (opts.only ?? []).filter((id) => !known.has(id));
      if (unknown.length > 0)
        throw new InputError(`--only: no question ${unknown.map((id) => `"${id}"`).join(', ')} in the bank`);
      for (const p of problems) process.stdout.write(`${formatProblem(p)}\n`);
      if (problems.length > 0) {
        process.stdout.write(`\n${problems.length} problem(s) in ${count} question file(s).\n`);
        process.exitCode = 1;
      } else process.stdout.write(`bank ok: ${count} questions, no problems.\n`);
    });
  bank
    .command('export')
    .description('print the whole bank')
    .option('--format <format>', 'output format (json)', 'json')
    .option('--dir <path>', 'bank folder (default: the built-in bank)')
    .action((opts: { format: string; dir?: string }) => {
      if (opts.format !== 'json') {
        process.stderr.write(`mockops: unknown format "${opts.format}" (expected: json)\n`);
        process.exitCode = 2;
        return;
      }
      const loaded = loadBank(opts.dir);
      process.stdout.write(`${JSON.stringify(loaded.questions, null, 2)}\n`);
    });
}
