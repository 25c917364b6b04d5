// Grammar checker against the learner sets (issue #11): recall and precision per error type, and false alarms
// on the correct, jargon-dense sentences. `npx tsx scripts/eval-grammar.ts [--half tune|test] [--set 1|2]
// [--verbose]`. Set 1 is split by a hash of each id into a tuning half and a test half; set 2 was written later
// by another blind author and is never tuned on; set 3, the largest, was written for tuning.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  bankLexicon,
  checkGrammar,
  type GrammarFinding,
  RULE_TYPE,
} from '../src/core/analysis/signals/grammar.js';
import { readText } from '../src/core/text/index.js';
import { loadBank } from '../src/storage/bank.js';

import { type Half, halfOf } from './lib/split.js';

export interface Learner {
  id: string;
  sentence: string;
  errors: Array<{ start: number; end: number; text: string; fix: string; type: string }>;
  corrected: string;
}

const DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'grammar');
export const GRAMMAR_SETS = {
  '1': join(DIR, 'learner-sentences.jsonl'),
  '2': join(DIR, 'learner-sentences-2.jsonl'),
  '3': join(DIR, 'learner-sentences-3.jsonl'),
} as const;

export const readLearner = (file: string): Learner[] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Learner);

export interface GrammarEval {
  sentences: number;
  errors: number;
  recall: number;
  precision: number;
  findings: number;
  /** Findings on the sentences with no error. */
  falseAlarmsOnCorrect: number;
  correctSentences: number;
  /** Share of matched errors whose fix equals the annotated one. */
  fixAgreement: number;
  byType: Record<string, { errors: number; found: number; recall: number }>;
  /** Per error type of the finding's rule: findings that hit an annotated error, of all findings of that type. */
  precisionByType: Record<string, { findings: number; right: number; precision: number }>;
  misses: Array<{ id: string; type: string; text: string }>;
  wrong: Array<{ id: string; finding: GrammarFinding }>;
}

export function evalGrammar(rows: readonly Learner[]): GrammarEval {
  const lexicon = bankLexicon(loadBank().questions);
  const byType: GrammarEval['byType'] = {};
  const precisionByType: GrammarEval['precisionByType'] = {};
  let errors = 0;
  let matched = 0;
  let findings = 0;
  let truePositives = 0;
  let falseAlarmsOnCorrect = 0;
  let fixSame = 0;
  const misses: GrammarEval['misses'] = [];
  const wrong: GrammarEval['wrong'] = [];
  for (const r of rows) {
    const found = checkGrammar(readText(r.sentence), lexicon);
    findings += found.length;
    if (r.errors.length === 0) falseAlarmsOnCorrect += found.length;
    for (const f of found) {
      const type = RULE_TYPE[f.rule];
      const p = precisionByType[type] ?? { findings: 0, right: 0, precision: 0 };
      precisionByType[type] = p;
      p.findings++;
      if (r.errors.some((e) => e.start < f.end && f.start < e.end)) {
        truePositives++;
        p.right++;
      } else wrong.push({ id: r.id, finding: f });
    }
    const used = new Set<number>();
    for (const e of r.errors) {
      errors++;
      const t = byType[e.type] ?? { errors: 0, found: 0, recall: 0 };
      byType[e.type] = t;
      t.errors++;
      const k = found.findIndex((f, i) => !used.has(i) && e.start < f.end && f.start < e.end);
      if (k >= 0) {
        used.add(k);
        matched++;
        t.found++;
        const f = found[k] as GrammarFinding;
        if (f.sentence.trim() === r.corrected.trim() || f.fix.trim() === e.fix.trim()) fixSame++;
      } else misses.push({ id: r.id, type: e.type, text: e.text });
    }
  }
  for (const t of Object.values(byType)) t.recall = t.errors > 0 ? t.found / t.errors : 0;
  for (const t of Object.values(precisionByType)) t.precision = t.findings > 0 ? t.right / t.findings : 1;
  return {
    sentences: rows.length,
    errors,
    recall: errors > 0 ? matched / errors : 0,
    precision: findings > 0 ? truePositives / findings : 1,
    findings,
    falseAlarmsOnCorrect,
    correctSentences: rows.filter((r) => r.errors.length === 0).length,
    fixAgreement: matched > 0 ? fixSame / matched : 0,
    byType,
    precisionByType,
    misses,
    wrong,
  };
}

export function printGrammar(label: string, e: GrammarEval, verbose = false): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log(
    `${label}: ${e.sentences} sentences, ${e.errors} errors; recall ${e.recall.toFixed(3)}, precision ${e.precision.toFixed(3)} (${e.findings} findings), false alarms on ${e.correctSentences} correct sentences: ${e.falseAlarmsOnCorrect}; fix as annotated ${pct(e.fixAgreement)}`,
  );
  console.log(
    `    recall by type: ${Object.entries(e.byType)
      .sort()
      .map(([k, t]) => `${k} ${t.found}/${t.errors}`)
      .join(', ')}`,
  );
  console.log(
    `    precision by type: ${Object.entries(e.precisionByType)
      .sort()
      .map(([k, t]) => `${k} ${t.right}/${t.findings}`)
      .join(', ')}`,
  );
  if (!verbose) return;
  for (const m of e.misses) console.log(`    missed ${m.id} ${m.type}: "${m.text}"`);
  for (const w of e.wrong)
    console.log(
      `    false ${w.id} ${w.finding.rule} (${RULE_TYPE[w.finding.rule]}): "${w.finding.text}" → "${w.finding.fix}"`,
    );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.on('error', () => {});
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const set = (arg('--set') ?? '1') as keyof typeof GRAMMAR_SETS;
  const half = arg('--half') as Half | undefined;
  const rows = readLearner(GRAMMAR_SETS[set]).filter((r) => !half || set !== '1' || halfOf(r.id) === half);
  printGrammar(
    `learner set ${set}${half && set === '1' ? ` (${half} half)` : ''}`,
    evalGrammar(rows),
    process.argv.includes('--verbose'),
  );
}
