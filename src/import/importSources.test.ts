// Reading folders and de-duplicating against the bank, as `mockops import` and the web preview do (the handler
// lives in src/app/import.ts; these tests sit with the importer's other adapter tests).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app/context.js';
import { collectFiles, type ImportSource, importSources } from '../app/import.js';

const root = mkdtempSync(join(tmpdir(), 'mockops-import-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Just what a dry run reads: the clock, the built-in bank's questions, and earlier imports (none). */
function dryContext(questions: ReadonlyArray<{ id: string; text: string; modelAnswers?: { full: string } }>) {
  return {
    now: () => new Date('2026-01-01T00:00:00Z'),
    builtin: { questions },
    store: { listImported: () => [] },
  } as unknown as AppContext;
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const dry = (ctx: AppContext, sources: readonly ImportSource[]) =>
  importSources(ctx, sources, { dryRun: true });

describe('collectFiles: folders', () => {
  it('says "no importable files in <folder>" for an empty folder, or one without question files', () => {
    const empty = join(root, 'empty');
    mkdirSync(empty);
    const other = join(root, 'pictures');
    mkdirSync(join(other, 'nested'), { recursive: true });
    writeFileSync(join(other, 'diagram.png'), 'png');
    writeFileSync(join(other, 'nested', 'notes.pdf'), 'pdf');
    writeFileSync(join(other, '.hidden.md'), '- What is DNS?');
    const good = join(root, 'good');
    mkdirSync(good);
    writeFileSync(join(good, 'q.md'), '- What is DNS?\n');

    const sources = collectFiles([empty, good, other]);
    expect(sources.map((s) => s.path)).toEqual([empty, join(good, 'q.md'), other]);
    const report = dry(dryContext([]), sources);
    expect(report.files.map((f) => f.error)).toEqual([
      expect.stringMatching(
        new RegExp(`^no importable files in ${literal(empty)} \\(looked for \\.md .*\\.tsv files`),
      ),
      null,
      expect.stringMatching(new RegExp(`^no importable files in ${literal(other)} `)),
    ]);
    expect(report.imported).toBe(1);
  });
});

describe('importSources: against the built-in bank', () => {
  it('skips a title that restates a bank question, with the reason', () => {
    const bank = [
      {
        id: 'tf-state-team',
        text: 'How do you manage Terraform state in a team to avoid conflicts and drift?',
        modelAnswers: { full: 'A remote backend with locking, plans in CI, and drift detection.' },
      },
      {
        id: 'tf-import',
        text: 'How do you bring existing resources under Terraform?',
        modelAnswers: { full: 'Import blocks, generated configuration, and a plan with no changes.' },
      },
    ];
    const notes =
      'Q1. Terraform state management\n👉 “Remote state in S3 with locking; CI runs plan.”\n\nQ2. Terraform workspaces naming\n👉 “One per environment.”\n';
    const report = dry(dryContext(bank), [{ path: 'quick.txt', bytes: Buffer.from(notes) }]);
    expect(report.skipped).toEqual([
      {
        text: 'Terraform state management',
        file: 'quick.txt',
        line: 1,
        reason: 'already in the built-in bank as "tf-state-team" (this title restates that question)',
      },
    ]);
    expect(report.imported).toBe(1);
  });
});
