import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, tempHome } from './helpers.js';

const SHARED = join(ROOT, '..', 'shared');
const SEED = join(SHARED, 'seeds', '000_29fd288b389dd724.txt');
const DAMAGED = join(SHARED, 'seeds', '001_0da08ebed7f4180e.txt');
const CORPORA = join(SHARED, 'corpora');
const haveShared = existsSync(SEED) && existsSync(CORPORA);

interface JsonReport {
  files: Array<{
    path: string;
    encoding: string;
    repaired: boolean;
    text: string;
    questions: Array<{ text: string; answer?: string; line: number }>;
    warnings: Array<{ line: number; message: string }>;
    error: string | null;
  }>;
  imported: number;
  skipped: Array<{ reason: string }>;
}

describe.skipIf(!haveShared)('mockops import (with ../shared fixtures)', () => {
  it('imports the seed notes, and the damaged copy gives the same questions word for word', () => {
    const home = tempHome();
    const clean = JSON.parse(cli(['import', SEED, '--json', '--dry-run'], { home }).stdout) as JsonReport;
    const damaged = cli(['import', DAMAGED, '--json', '--dry-run'], { home });
    const repaired = JSON.parse(damaged.stdout) as JsonReport;
    expect(clean.files[0]?.questions.length).toBe(33);
    expect(repaired.files[0]?.repaired).toBe(true);
    expect(repaired.files[0]?.questions.map((q) => q.text)).toEqual(
      clean.files[0]?.questions.map((q) => q.text),
    );
    // 23 are bank questions word for word; the other 10 are topic titles that restate a bank question.
    expect(clean.skipped.filter((s) => s.reason.includes('built-in bank'))).toHaveLength(33);
    expect(clean.skipped.filter((s) => s.reason.includes('restates'))).toHaveLength(10);
    expect(clean.imported).toBe(0);
  });

  it('imports both GitHub collections, skipping duplicates with reasons, in one transaction', () => {
    const home = tempHome();
    const dry = cli(['import', CORPORA, '--dry-run'], { home });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/would import 1981 question\(s\); skipped 3 duplicates/);
    const history = cli(['export', '--format', 'json'], { home });
    expect(JSON.parse(history.stdout).answers).toEqual([]);
    const real = cli(['import', CORPORA], { home });
    expect(real.stdout).toMatch(/imported 1981 question\(s\)/);
    expect(real.stdout).toMatch(/terraform\/README\.md:416: <details> without <summary>/);
    const again = cli(['import', CORPORA], { home });
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/imported 0 question\(s\); skipped 1984 duplicates/);
  });
});

describe('mockops import (bad input)', () => {
  it('reports a binary file, an empty file and a missing path clearly and exits non-zero', () => {
    const home = tempHome();
    const dir = join(home, 'in');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'blob.md'),
      Buffer.from([0, 159, 146, 150, 0, 1, 2, 3, 0, 255, 0, 7, 0, 0, 12, 0]),
    );
    writeFileSync(join(dir, 'empty.md'), '');
    const r = cli(['import', dir], { home });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/blob\.md: .*binary/i);
    expect(r.stdout).toMatch(/empty\.md: .*empty/i);
    expect(r.stderr).toMatch(/nothing could be imported/);
    const missing = cli(['import', join(dir, 'nope.md')], { home });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read .*nope\.md/);
  });

  it('imports a CSV and a collection with broken markup, then practises and exports', () => {
    const home = tempHome();
    const dir = join(home, 'in');
    mkdirSync(dir);
    writeFileSync(
      join(dir, 'deck.csv'),
      'question,answer\n"What is a canary release?","Shift a small share of traffic to the new version, watch metrics, then widen."\n',
    );
    writeFileSync(
      join(dir, 'broken.md'),
      '# Topic\n\n<details>\n<summary>What does a readiness probe do?</summary><br><b>\n\nIt removes the pod from service endpoints until it is ready.\n',
    );
    const r = cli(['import', dir, '--json'], { home });
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.imported).toBe(2);
    const broken = report.files.find((f) => f.path.endsWith('broken.md'));
    expect(broken?.warnings.some((w) => /never closed/i.test(w.message) && w.line === 3)).toBe(true);
    const md = cli(['export', '--format', 'md'], { home });
    expect(md.stdout).toMatch(/^# mockops study guide/);
    expect(md.stdout).toMatch(/What is a canary release\?/);
    const anki = cli(['export', '--format', 'anki'], { home }).stdout.trim().split('\n');
    expect(anki[0]).toBe('#separator:tab');
    expect(anki.filter((l) => !l.startsWith('#')).length).toBeGreaterThanOrEqual(63);
    // Each bank card carries the Chinese translation under the question, and the key points' notes.
    const state = anki.find((l) => l.startsWith('How do you manage Terraform state'));
    expect(state?.split('\t')[0]).toMatch(/<br><small>[^<]*[\u4e00-\u9fff]/);
    expect(state?.split('\t')[1]).toMatch(/<small>[^<]*[\u4e00-\u9fff]/);
    const csv = cli(['export', '--format', 'csv'], { home });
    expect(csv.stdout.split('\r\n')[0]).toBe(
      'created_at,question_id,question,version,score,grade,technical,ops,delivery,words,session_id,turn,asked,answer',
    );
    const bad = cli(['export', '--format', 'pdf'], { home });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown export format "pdf"/);
    const out = join(home, 'guide.md');
    expect(cli(['export', '--format', 'md', '--out', out], { home }).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# mockops study guide/);
  });
});
