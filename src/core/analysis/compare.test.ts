import { describe, expect, it } from 'vitest';
import { wordDiff } from './compare.js';

describe('wordDiff', () => {
  it('marks the words added and removed between two versions, in runs', () => {
    const d = wordDiff(
      'I store state in S3 so that it is shared.',
      'I store state remotely in S3 with native locking, so it is shared.',
    );
    expect(d).toEqual([
      { op: 'same', text: 'I store state' },
      { op: 'add', text: 'remotely' },
      { op: 'same', text: 'in S3' },
      { op: 'add', text: 'with native locking,' },
      { op: 'same', text: 'so' },
      { op: 'del', text: 'that' },
      { op: 'same', text: 'it is shared.' },
    ]);
    // Rebuilding the new text from kept and added runs gives it back.
    expect(
      d
        .filter((x) => x.op !== 'del')
        .map((x) => x.text)
        .join(' '),
    ).toBe('I store state remotely in S3 with native locking, so it is shared.');
  });

  it('ignores case and trailing punctuation when matching, and gives up on very long texts', () => {
    expect(wordDiff('Roll back.', 'roll back')).toEqual([{ op: 'same', text: 'roll back' }]);
    const long = Array.from({ length: 2000 }, (_, i) => `w${i}`).join(' ');
    expect(wordDiff(long, `${long} more`)).toEqual([]);
  });
});
