// Writes bank/schema.json (JSON Schema for editor completion) from the zod schema, the single source of truth.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bankJsonSchema } from '../src/core/bank/jsonSchema.js';

const target = join(import.meta.dirname, '..', 'bank', 'schema.json');
writeFileSync(target, `${JSON.stringify(bankJsonSchema(), null, 2)}\n`);
process.stdout.write(`wrote ${target}\n`);
