// Agreement with our graded DevOps answers (bank mode): Spearman, pairwise ordering, junk below partial.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalysis } from '../src/app/analysis.js';
import { loadBank } from '../src/storage/bank.js';
import { spearman } from './lib/stats.js';

interface Graded {
  id: string;
  question: string;
  quality: string;
  grade: number;
  answer: string;
}

export const JUNK = new Set(['stuffed', 'wrong', 'offtopic']);

export function evalDevops(
  file = join(import.meta.dirname, '..', 'test', 'fixtures', 'graded', 'devops-answers.jsonl'),
) {
  const bank = loadBank();
  const rows = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Graded);
  const missing = new Set<string>();
  const scored = rows.flatMap((r) => {
    const question = bank.byText(r.question);
    if (!question) {
      missing.add(r.question);
      return [];
    }
    return [{ ...r, score: runAnalysis(bank, { question: r.question, text: r.answer }).score }];
  });
  const byQuestion = new Map<string, typeof scored>();
  for (const s of scored) byQuestion.set(s.question, [...(byQuestion.get(s.question) ?? []), s]);
  let pairs = 0;
  let ordered = 0;
  let junkPairs = 0;
  let junkOrdered = 0;
  for (const group of byQuestion.values()) {
    for (const a of group) {
      for (const b of group) {
        if (a.grade > b.grade) {
          pairs++;
          ordered += a.score > b.score ? 1 : a.score === b.score ? 0.5 : 0;
        }
        if (a.quality === 'partial' && JUNK.has(b.quality)) {
          junkPairs++;
          if (b.score < a.score) junkOrdered++;
        }
      }
    }
  }
  return {
    answers: scored.length,
    missingQuestions: [...missing],
    spearman: spearman(
      scored.map((s) => s.score),
      scored.map((s) => s.grade),
    ),
    pairwise: ordered / Math.max(1, pairs),
    junkBelowPartial: junkOrdered / Math.max(1, junkPairs),
    rows: scored,
  };
}

if (process.argv[1]?.endsWith('eval-devops.ts')) {
  const r = evalDevops();
  const verbose = process.argv.includes('--verbose');
  if (verbose)
    for (const s of r.rows)
      process.stdout.write(`${s.id.padEnd(16)} grade ${String(s.grade).padEnd(4)} score ${s.score}\n`);
  process.stdout.write(
    `DevOps graded set: ${r.answers} answers; Spearman ${r.spearman.toFixed(3)}; pairwise ${(r.pairwise * 100).toFixed(1)}%; junk below partial ${(r.junkBelowPartial * 100).toFixed(1)}%\n`,
  );
  if (r.missingQuestions.length)
    process.stdout.write(`questions not in the bank: ${r.missingQuestions.join(' | ')}\n`);
}
