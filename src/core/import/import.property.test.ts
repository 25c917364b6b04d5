// Property tests: the importer's parser never throws and is deterministic on arbitrary text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

/** A fixed seed keeps CI reproducible; set FC_SEED to explore other inputs locally. */
const seed = Number(process.env.FC_SEED ?? 20261123);

import { parseImport, restatementFinder } from './index.js';

const markup = fc.constantFrom(
  '<details>',
  '</details>',
  '<summary>',
  '</summary>',
  '<b>',
  '</b>',
  '<br>',
  '```',
  '\n',
  '# ',
  '- ',
  '“',
  '”',
  '"',
  ',',
  '\t',
  'Q1. ',
  '👉 ',
  '?',
  'What is DNS',
  '<code>',
  '&amp;',
  '&lt;',
  '***',
  '一、',
  'Level 2',
  'id: x',
  '- text: y',
  '{"text": "z"}',
  'Q1000. ',
  '? -> ',
  '? A: ',
  '[Question]',
  '[your answer here]',
  '<script>',
);
const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 500 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc.array(markup, { maxLength: 200 }).map((parts) => parts.join('')),
);
const names = fc.constantFrom(
  'a.md',
  'notes.txt',
  'bank.yaml',
  'bank.json',
  'deck.csv',
  'deck.tsv',
  'README',
  'x.unknown',
);

describe('parseImport properties', () => {
  it('never throws, and every question has text and a line inside the file', () => {
    fc.assert(
      fc.property(texts, names, (text, name) => {
        const parsed = parseImport(text, name);
        // Editors (and YAML) also break lines at a lone carriage return.
        const lines = text.split(/\r\n|\r|\n/).length;
        for (const q of parsed.questions) {
          expect(q.text.trim().length).toBeGreaterThan(0);
          expect(q.line).toBeGreaterThanOrEqual(1);
          expect(q.line).toBeLessThanOrEqual(lines);
        }
        for (const w of parsed.warnings) expect(w.line).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 400, seed },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(texts, names, (text, name) => {
        expect(JSON.stringify(parseImport(text, name))).toBe(JSON.stringify(parseImport(text, name)));
      }),
      { numRuns: 150, seed },
    );
  });

  it('finds restatements without throwing, and only ids of the bank', () => {
    const bank = [
      {
        id: 'tf-state',
        text: 'How do you manage Terraform state in a team?',
        modelAnswers: { full: 'Remote state.' },
      },
      {
        id: 'crash',
        text: 'How do you troubleshoot CrashLoopBackOff?',
        modelAnswers: { full: 'Logs, describe.' },
      },
    ];
    const find = restatementFinder(bank);
    fc.assert(
      fc.property(texts, fc.option(texts, { nil: undefined }), (text, answer) => {
        const r = find({ text, answer });
        if (r) expect(['tf-state', 'crash']).toContain(r.id);
      }),
      { numRuns: 200, seed },
    );
  });
});
