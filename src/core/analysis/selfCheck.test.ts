// The bank's cross-question checks: advice one question rewards is never another's red flag; --stale.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseQuestionText } from '../bank/parse.js';
import type { Question } from '../bank/schema.js';
import { consistencyCheck, staleCheck } from './selfCheck.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const source = readFileSync(join(ROOT, 'bank', 'iac', 'terraform-state-team.yaml'), 'utf8');
function entry(file: string, edit: (q: Question) => Question = (q) => q) {
  const parsed = parseQuestionText(file, source);
  if (!parsed.ok) throw new Error('fixture');
  const { asOf: _asOf, ...plain } = parsed.question;
  return { file, question: edit({ ...plain, sources: [] }) };
}

describe('consistency across questions', () => {
  it('names a concept one question rewards that another flags', () => {
    const a = entry('iac/a.yaml', (q) => ({ ...q, id: 'a' }));
    const flag = a.question.keyPoints[0]?.concepts[0] as string;
    const b = entry('iac/b.yaml', (q) => ({
      ...q,
      id: 'b',
      keyPoints: q.keyPoints,
      redFlags: [
        { id: 'bad-advice', text: 'Wrong.', severity: 2, phrasings: [flag], fix: 'Do the other thing.' },
      ],
    }));
    const problems = consistencyCheck([a, b], []);
    expect(
      problems.some(
        (p) => p.code === 'inconsistent' && p.file === 'iac/a.yaml' && p.message.includes('bad-advice'),
      ),
    ).toBe(true);
    // A question is never checked against its own flags, and the bank as it stands is consistent with itself
    // when each question stands alone.
    expect(consistencyCheck([a], [])).toEqual([]);
  });
});

describe('bank check --stale', () => {
  const now = new Date('2026-12-01T00:00:00Z');
  it('lists answers checked over a year ago, and sources without a date', () => {
    const old = entry('iac/old.yaml', (q) => ({
      ...q,
      asOf: '2025-09-30',
      sources: ['Terraform S3 backend docs'],
    }));
    const fresh = entry('iac/fresh.yaml', (q) => ({ ...q, asOf: '2026-11-20', sources: ['x docs'] }));
    const undated = entry('iac/undated.yaml', (q) => ({ ...q, sources: ['x docs'] }));
    const plain = entry('iac/plain.yaml');
    const problems = staleCheck([old, fresh, undated, plain], now);
    expect(problems.map((p) => p.file)).toEqual(['iac/old.yaml', 'iac/undated.yaml']);
    expect(problems[0]?.message).toMatch(
      /checked 2025-09-30, 427 days ago: re-check it against Terraform S3 backend docs/,
    );
  });
});
