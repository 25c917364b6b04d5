// `mockops export --format anki|md|json|csv [--out FILE]`.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportAs } from '../../app/export.js';
import { VERSION } from '../../app/version.js';
import { MockopsError } from '../../core/errors.js';
import { withContext } from '../context.js';

export function registerExportCommand(program: Command): void {
  program
    .command('export')
    .description(
      'anki: a deck (question → quick answer + key points); md: a study guide; json/csv: your answers and progress',
    )
    .requiredOption('-f, --format <format>', EXPORT_FORMATS.join('|'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .action((opts: { format: string; out?: string }) =>
      withContext((ctx) => {
        const text = exportAs(ctx, opts.format, VERSION);
        if (!opts.out) {
          process.stdout.write(text);
          return;
        }
        try {
          writeFileSync(opts.out, text);
        } catch (err) {
          throw new MockopsError(
            'io',
            `cannot write ${opts.out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
          );
        }
        process.stdout.write(`wrote ${opts.out}\n`);
      }),
    );
}
