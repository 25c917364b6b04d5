// Property tests: decoding arbitrary bytes either gives text or a DecodeError, never anything else, and the
// same bytes always give the same result.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecodeError, decodeBytes } from './decode.js';

/** A fixed seed keeps CI reproducible; set FC_SEED to explore other inputs locally. */
const seed = Number(process.env.FC_SEED ?? 20261123);

const bytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }).map((s) => new TextEncoder().encode(s)),
  fc
    .string({ unit: fc.constantFrom('æ', 'ƒ', '³', 'ç', 'ã', '€', '中', 'a', ' ', '\n'), maxLength: 400 })
    .map((s) => new TextEncoder().encode(s)),
);

function outcome(input: Uint8Array): string {
  try {
    const d = decodeBytes(input);
    return JSON.stringify(d);
  } catch (err) {
    if (err instanceof DecodeError) return `DecodeError: ${err.message}`;
    throw err;
  }
}

describe('decodeBytes properties', () => {
  it('returns text or a DecodeError, deterministically', () => {
    fc.assert(
      fc.property(bytes, (input) => {
        expect(outcome(input)).toBe(outcome(input));
      }),
      { numRuns: 300, seed },
    );
  });

  it('leaves valid UTF-8 text of ordinary characters unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii', maxLength: 300 }), (text) => {
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control bytes are what this strips.
        const clean = text.replace(/[\u0000-\u0008\u000e-\u001f]/g, '');
        expect(decodeBytes(new TextEncoder().encode(clean)).text).toBe(clean);
      }),
      { numRuns: 200, seed },
    );
  });
});
