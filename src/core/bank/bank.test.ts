import { describe, expect, it } from 'vitest';
import { checkBank, normaliseQuestionText, sentenceCount } from './check.js';
import { createBank } from './index.js';
import { parseQuestionText } from './parse.js';
import { Question } from './schema.js';

const valid = `id: sample-q
category: iac
level: 1
kind: technical
text: "How do you manage state?"
zh:
  translation: 如何管理 state？
  intent: 考察远程后端
keyPoints:
  - id: remote
    text: Remote backend
    dimension: technical
    concepts: [remote state, s3 backend]
modelAnswers:
  quick: One. Two. Three.
  full: Remote state in an S3 backend.
  notesZh: 注意
followUps:
  - text: Why?
    keyPoint: remote
`;

describe('parseQuestionText', () => {
  it('parses a valid file with defaults', () => {
    const r = parseQuestionText('iac/sample-q.yaml', valid);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.question.keyPoints[0]?.weight).toBe(1);
      expect(r.question.source).toBe('mockops');
    }
  });

  it('names the field and line of a schema problem', () => {
    const r = parseQuestionText('iac/x.yaml', valid.replace('dimension: technical', 'dimension: techy'));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]).toMatchObject({
        code: 'schema',
        file: 'iac/x.yaml',
        path: 'keyPoints[0].dimension',
        line: 12,
      });
    }
  });

  it('reports YAML syntax errors with a line', () => {
    const r = parseQuestionText('iac/x.yaml', 'id: [unclosed\nlevel: 1\n');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems[0]?.code).toBe('yaml_syntax');
      expect(r.problems[0]?.line).toBeGreaterThan(0);
    }
  });

  it('requires two concepts per key point', () => {
    const r = parseQuestionText('iac/x.yaml', valid.replace('[remote state, s3 backend]', '[remote state]'));
    expect(!r.ok && r.problems[0]?.message).toMatch(/at least two concepts/);
  });
});

describe('checkBank', () => {
  const parsed = parseQuestionText('iac/sample-q.yaml', valid);
  const q = parsed.ok ? parsed.question : (undefined as never);

  it('accepts a consistent question', () => {
    expect(checkBank([{ file: 'iac/sample-q.yaml', question: q }])).toEqual([]);
  });

  it('finds duplicate ids, bad follow-ups, quick-answer length and file names', () => {
    const bad = Question.parse({
      ...q,
      followUps: [{ text: 'x', keyPoint: 'nope' }],
      modelAnswers: { ...q.modelAnswers, quick: 'Only one sentence.' },
    });
    const problems = checkBank([
      { file: 'iac/sample-q.yaml', question: q },
      { file: 'aws/other.yaml', question: bad },
    ]);
    const codes = problems.map((p) => p.code).sort();
    expect(codes).toEqual([
      'duplicate_id',
      'duplicate_text',
      'file_name',
      'quick_length',
      'unknown_key_point',
    ]);
    expect(problems.find((p) => p.code === 'unknown_key_point')?.path).toBe('followUps[0].keyPoint');
  });
});

describe('bank model', () => {
  it('finds questions by normalised text: case, whitespace and curly quotes', () => {
    const parsed = parseQuestionText(
      'iac/sample-q.yaml',
      valid.replace('How do you manage state?', "What's your state strategy?"),
    );
    if (!parsed.ok) throw new Error('fixture');
    const bank = createBank([parsed.question]);
    expect(bank.byText('  what’s   YOUR state strategy ')?.id).toBe('sample-q');
    expect(normaliseQuestionText('“Hello”  World?')).toBe('hello world');
    expect(bank.filter({ category: 'aws' })).toEqual([]);
  });

  it('finds a question worded a little differently, but not a different question', () => {
    const parsed = parseQuestionText(
      'iac/sample-q.yaml',
      valid.replace(
        'How do you manage state?',
        'How do you organize Terraform modules for different environments (dev/stage/prod)?',
      ),
    );
    if (!parsed.ok) throw new Error('fixture');
    const bank = createBank([parsed.question]);
    expect(bank.closest('How do you organize Terraform modules for different environments?')?.id).toBe(
      'sample-q',
    );
    expect(bank.closest('How do you organize Terraform modules?')).toBeUndefined();
  });

  it('counts sentences of a spoken answer', () => {
    expect(sentenceCount('I use Terraform v1.10. It locks state. Done!')).toBe(3);
  });
});

describe('searching the bank', () => {
  it('finds questions in Chinese by their translation, intent and key-point notes', async () => {
    const { loadBank } = await import('../../storage/bank.js');
    const bank = loadBank();
    const ids = (search: string) => bank.filter({ search }).map((q) => q.id);
    expect(ids('金丝雀')).toContain('rolling-bluegreen-canary');
    expect(ids('状态').length).toBeGreaterThan(0);
    expect(ids('状态')).toContain('terraform-state-team');
    // English search still finds by the question text, and nothing matches nonsense.
    expect(ids('canary')).toContain('rolling-bluegreen-canary');
    expect(ids('zzzz-no-such-thing')).toEqual([]);
  });
});
