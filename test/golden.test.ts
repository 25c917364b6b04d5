// Golden snapshots: the engine's grade, key-point statuses and flag ids on every graded answer we own. A change
// to a signal or a policy number that moves any of them shows here; refresh on purpose with UPDATE_GOLDEN=1 and
// say why in the commit.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGraded, SETS } from '../scripts/eval-devops.js';
import { runAnalysis } from '../src/app/analysis.js';
import { loadBank } from '../src/storage/bank.js';

const FILE = join(import.meta.dirname, 'fixtures', 'golden', 'graded.json');
const STATUS = { hit: 'H', partial: 'p', missed: '.' } as const;

function current(): Record<string, string> {
  const bank = loadBank();
  const out: Record<string, string> = {};
  for (const set of ['blind', 'team'] as const)
    for (const g of readGraded(SETS[set])) {
      const q = g.questionId ? bank.byId(g.questionId) : bank.byText(g.question);
      if (!q) continue;
      const a = runAnalysis(bank, { questionId: q.id, text: g.answer });
      const coverage = a.coverage.map((c) => STATUS[c.status]).join('');
      out[`${set}:${g.id}`] =
        `grade ${a.grade} ${coverage} ${a.flags.map((f) => f.id).join(',') || '-'} ${a.confidence.level}`;
    }
  return out;
}

describe('golden analyses of the graded answers', () => {
  it('match the snapshot (UPDATE_GOLDEN=1 to refresh on purpose)', () => {
    const now = current();
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(FILE, `${JSON.stringify(now, null, 1)}\n`);
    expect(
      existsSync(FILE),
      `${FILE} is missing: run UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts`,
    ).toBe(true);
    const golden = JSON.parse(readFileSync(FILE, 'utf8')) as Record<string, string>;
    const changed = Object.keys({ ...golden, ...now })
      .filter((k) => golden[k] !== now[k])
      .map((k) => `${k}: ${golden[k] ?? '(none)'} → ${now[k] ?? '(none)'}`);
    expect(changed).toEqual([]);
    expect(Object.keys(now).length).toBeGreaterThanOrEqual(470);
  });
});
