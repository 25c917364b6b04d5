import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bankJsonSchema } from './jsonSchema.js';

describe('bank/schema.json', () => {
  it('is generated from the zod schema and up to date (run: npm run bank:schema)', () => {
    const file = join(import.meta.dirname, '..', '..', '..', 'bank', 'schema.json');
    const onDisk = JSON.parse(readFileSync(file, 'utf8'));
    expect(onDisk).toEqual(bankJsonSchema());
    expect(onDisk.required).toEqual(
      expect.arrayContaining(['id', 'category', 'level', 'keyPoints', 'modelAnswers']),
    );
  });
});
