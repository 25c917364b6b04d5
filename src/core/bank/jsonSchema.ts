// The bank's JSON Schema, derived from the zod schema (for YAML editors: `# yaml-language-server: $schema=../schema.json`).
import { z } from 'zod';
import { Question } from './schema.js';

export function bankJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(Question, { io: 'input' }),
    title: 'mockops bank question',
    description: 'One interview question of the mockops bank: bank/<category>/<id>.yaml',
  };
}
