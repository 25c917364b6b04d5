// Own words (issue #12): no model answer of the bank shares a run of 12 or more words with the public question
// collections in ../shared/corpora (kept outside the project; skipped with a message where it is absent).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../src/storage/bank.js';
import { ROOT } from './helpers.js';

const CORPORA = join(ROOT, '..', 'shared', 'corpora');
const RUN = 12;

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[`*_#>[\]()|]/g, ' ')
    .split(/[^a-z0-9'./-]+/)
    .filter(Boolean);

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md')) out.push(full);
  }
  return out;
}

describe.skipIf(!existsSync(CORPORA))('own words', () => {
  it(`shares no run of ${RUN} words between a model answer and the corpora`, () => {
    const runs = new Set<string>();
    for (const file of markdownFiles(CORPORA)) {
      const w = words(readFileSync(file, 'utf8'));
      for (let i = 0; i + RUN <= w.length; i++) runs.add(w.slice(i, i + RUN).join(' '));
    }
    expect(runs.size).toBeGreaterThan(1000);
    const shared: string[] = [];
    for (const q of loadBank().questions)
      for (const text of [q.modelAnswers.quick, q.modelAnswers.full]) {
        const w = words(text);
        for (let i = 0; i + RUN <= w.length; i++) {
          const run = w.slice(i, i + RUN).join(' ');
          if (runs.has(run)) shared.push(`${q.id}: "${run}"`);
        }
      }
    expect(shared).toEqual([]);
  }, 60_000);
});

if (!existsSync(CORPORA)) console.warn(`own-words.test: no corpora at ${CORPORA}; skipped`);
