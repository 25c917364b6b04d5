// The import page's pure logic, without a browser: which chosen files are read or refused (5 MiB per file,
// 50 files, 12 MiB per upload), key-point drafts turned into what the server accepts, and singular strings.
import { describe, expect, it } from 'vitest';
import { translate } from '../../web/src/i18n.js';
import { draftsToKeyPoints, splitPhrasings, toRow } from '../../web/src/import/keyPointDrafts.js';
import {
  excerpt,
  formatOver,
  mergeChosen,
  planSelection,
  shownMessage,
} from '../../web/src/import/selection.js';

const MiB = 1024 * 1024;

describe('choosing files to import', () => {
  it('refuses a file over 5 MiB by name, before reading it, and keeps the others', () => {
    const plan = planSelection(
      [],
      [
        { name: 'big.md', size: 5 * MiB + 1 },
        { name: 'ok.md', size: 5 * MiB },
      ],
    );
    expect(plan.accept.map((f) => f.name)).toEqual(['ok.md']);
    expect(plan.refused).toEqual([{ name: 'big.md', size: 5 * MiB + 1, reason: 'tooLarge' }]);
    expect(formatOver(5 * MiB + 1, 5 * MiB)).toBe('5,242,881 bytes');
    expect(formatOver(7 * MiB, 5 * MiB)).toBe('7.0 MiB');
  });

  it('keeps one upload under 12 MiB of base64 and 50 files; a same-named file replaces the old one', () => {
    const three = [1, 2, 3].map((i) => ({ name: `f${i}.md`, size: 4 * MiB }));
    const plan = planSelection([], three);
    expect(plan.accept.map((f) => f.name)).toEqual(['f1.md', 'f2.md']);
    expect(plan.refused[0]).toMatchObject({ name: 'f3.md', reason: 'request' });
    // Replacing f1 with a smaller f1 fits.
    expect(planSelection(plan.accept, [{ name: 'f1.md', size: 1000 }]).refused).toEqual([]);
    const many = Array.from({ length: 50 }, (_, i) => ({ name: `q${i}.md`, size: 10 }));
    expect(planSelection(many, [{ name: 'one-more.md', size: 10 }]).refused[0]?.reason).toBe('tooMany');
    const merged = mergeChosen(
      [
        { name: 'a', size: 1, content: 'YQ==' },
        { name: 'b', size: 1, content: 'Yg==' },
      ],
      [{ name: 'a', size: 2, content: 'YWE=' }],
    );
    expect(merged.map((f) => `${f.name}:${f.content}`)).toEqual(['b:Yg==', 'a:YWE=']);
  });

  it('shows file names without the server\'s "upload:" prefix, and short answer excerpts', () => {
    expect(shownMessage('duplicate of upload:linux.md:4')).toBe('duplicate of linux.md:4');
    expect(shownMessage('upload:big.md: the file is 6.0 MiB')).toBe('big.md: the file is 6.0 MiB');
    expect(excerpt('a\n  b', 10)).toBe('a b');
    expect(excerpt('x'.repeat(200), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('key-point drafts', () => {
  const row = (text: string, phrasings: string, accepted = true, id = '') => ({
    key: text,
    id,
    accepted,
    text,
    phrasings,
  });

  it('saves the accepted rows with unique ids and at least two phrasings each', () => {
    const result = draftsToKeyPoints([
      toRow({ id: 'remote-state', text: 'Remote state', concepts: ['remote state', 'S3 backend'] }, true),
      row('Remote state, again', 'state file, backend', true, 'remote-state'),
      row('Ignored', 'a', false),
      row('  Lock the state!  ', 'state lock， DynamoDB , state lock'),
    ]);
    expect(result).toEqual({
      ok: true,
      keyPoints: [
        { id: 'remote-state', text: 'Remote state', concepts: ['remote state', 'S3 backend'] },
        { id: 'remote-state-2', text: 'Remote state, again', concepts: ['state file', 'backend'] },
        { id: 'lock-the-state', text: 'Lock the state!', concepts: ['state lock', 'DynamoDB'] },
      ],
    });
  });

  it('names the first row with a problem', () => {
    expect(draftsToKeyPoints([row('ok', 'aa, bb'), row('', 'aa, bb')])).toEqual({
      ok: false,
      problem: { kind: 'text', row: 2 },
    });
    expect(draftsToKeyPoints([row('one phrasing', 'aa')])).toEqual({
      ok: false,
      problem: { kind: 'phrasings', row: 1 },
    });
    expect(splitPhrasings('a, b,, a')).toEqual(['a', 'b']);
    const thirteen = Array.from({ length: 13 }, (_, i) => row(`p${i}`, 'aa, bb'));
    expect(draftsToKeyPoints(thirteen)).toEqual({ ok: false, problem: { kind: 'tooMany', n: 13 } });
  });
});

describe('interface strings', () => {
  it('uses the singular form for one, in English only', () => {
    expect(translate('en', 'imp.save', { n: 1 })).toBe('Save 1 question');
    expect(translate('en', 'imp.save', { n: 3 })).toBe('Save 3 questions');
    expect(translate('zh', 'imp.save', { n: 1 })).toBe('保存 1 道题');
  });
});
