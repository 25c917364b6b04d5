// `mockops import PATH...`: bring question collections in (any encoding), with a dry run and a JSON report.
import type { Command } from 'commander';
import type { ImportReport } from '../../app/import.js';
import { withContext } from '../context.js';
import { bold, dim, green, red, yellow } from '../render.js';

function progressBar(): (done: number, total: number) => void {
  const started = Date.now();
  if (!process.stderr.isTTY) return () => {};
  return (done, total) => {
    // Only imports that take more than about a second show a bar.
    if (Date.now() - started < 800 && done < total) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    process.stderr.write(`\r${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total} files`);
    if (done === total) process.stderr.write('\n');
  };
}

function printReport(r: ImportReport): void {
  for (const f of r.files) {
    if (f.error) {
      process.stdout.write(`${red('✘')} ${f.error}\n`);
      continue;
    }
    const enc = `${f.encoding}${f.repaired ? ', repaired' : ''}`;
    process.stdout.write(
      `${green('✔')} ${f.path} ${dim(`(${f.format}, ${enc})`)}: ${f.questions.length} question(s)\n`,
    );
    for (const w of f.warnings.slice(0, 5))
      process.stdout.write(`    ${yellow('!')} ${f.path}:${w.line}: ${w.message}\n`);
    if (f.warnings.length > 5)
      process.stdout.write(dim(`    … ${f.warnings.length - 5} more warning(s) (see --json)\n`));
    for (const u of f.unsure.slice(0, 5))
      process.stdout.write(
        `    ${yellow('?')} ${f.path}:${u.line}:${u.column}: repaired "${u.from}" → "${u.to}", not sure\n`,
      );
  }
  const reasons = new Map<string, number>();
  for (const s of r.skipped) {
    const kind = s.reason.startsWith('already in the built-in bank')
      ? 'already in the built-in bank'
      : 'duplicates';
    reasons.set(kind, (reasons.get(kind) ?? 0) + 1);
  }
  const skipped = [...reasons].map(([k, n]) => `${n} ${k}`).join(', ');
  const verb = r.dryRun ? 'would import' : 'imported';
  process.stdout.write(
    `\n${bold(`${verb} ${r.imported} question(s)`)}${skipped ? `; skipped ${skipped}` : ''}${r.kept.length ? `; ${r.kept.length} kept although their text repeats (different answers)` : ''}.\n`,
  );
  for (const s of r.skipped.slice(0, 5))
    process.stdout.write(dim(`  skipped ${s.file}:${s.line}: ${s.reason}\n`));
  if (r.skipped.length > 5)
    process.stdout.write(dim(`  … ${r.skipped.length - 5} more skipped (see --json)\n`));
  if (r.dryRun) process.stdout.write(dim('Dry run: nothing was saved.\n'));
}

export function registerImportCommand(program: Command): void {
  program
    .command('import')
    .description(
      'import questions from notes, Markdown collections, YAML/JSON banks or CSV/TSV (files or folders)',
    )
    .argument('<paths...>', 'files or folders (folders are read recursively)')
    .option('--dry-run', 'show what would be imported; save nothing')
    .option(
      '--json',
      'print the report as JSON: {files: [{path, encoding, repaired, text, questions, warnings}], …}',
    )
    .action((paths: string[], opts: { dryRun?: boolean; json?: boolean }) =>
      withContext(async (ctx) => {
        // Decoders (iconv-lite, chardet) load only when importing.
        const { collectFiles, importSources } = await import('../../app/import.js');
        const sources = collectFiles(paths);
        const report = importSources(ctx, sources, {
          dryRun: opts.dryRun === true,
          onFile: opts.json ? undefined : progressBar(),
        });
        if (opts.json) {
          const files = report.files.map((f) => ({
            path: f.path,
            format: f.format,
            encoding: f.encoding,
            repaired: f.repaired,
            text: f.text,
            questions: f.questions.map((q) => ({
              text: q.text,
              ...(q.answer ? { answer: q.answer } : {}),
              line: q.line,
            })),
            warnings: f.warnings,
            unsure: f.unsure,
            error: f.error,
          }));
          process.stdout.write(
            `${JSON.stringify({ files, imported: report.imported, skipped: report.skipped, kept: report.kept, dryRun: report.dryRun }, null, 2)}\n`,
          );
        } else printReport(report);
        if (report.imported === 0) {
          if (!opts.json) process.stderr.write('mockops: nothing could be imported (see the report above)\n');
          process.exitCode = 1;
        }
      }),
    );
}
