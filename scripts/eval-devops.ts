// Agreement with graded DevOps answers (bank mode): Spearman, within-question pair order, junk below partial.
// `npx tsx scripts/eval-devops.ts [--set blind|blind2|team] [--half tune|test] [--verbose]`; during tuning, look at the
// tuning half only (`npm run eval:tune`); `npm run eval` prints every set and half.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AnalysisResult, runAnalysis } from '../src/app/analysis.js';
import type { Bank } from '../src/core/bank/index.js';
import { loadBank } from '../src/storage/bank.js';
import { spearman } from './lib/stats.js';

export interface Graded {
  id: string;
  question: string;
  questionId?: string;
  split?: 'tune' | 'test';
  quality: string;
  grade: number;
  reason?: string;
  answer: string;
}

/** Kinds that must score below the partial answer to the same question. */
export const JUNK = new Set(['stuffed', 'salad', 'wrong', 'offtopic']);

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures', 'graded');
export const SETS = {
  /** Written blind to rubrics and engine by a helper who saw only the question texts; split by question. */
  blind: join(FIXTURES, 'blind-answers.jsonl'),
  /**
   * A second blind set (40 other bank questions × 7), written the same way in session 9 and measured once before
   * any change was made with it in view; a tuning set since (every row `tune`).
   */
  blind2: join(FIXTURES, 'blind-2-answers.jsonl'),
  /** The first set (12 questions × 7), written by the team's grader; the engine was tuned with it in view. */
  team: join(FIXTURES, 'devops-answers.jsonl'),
} as const;

export function readGraded(file: string): Graded[] {
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Graded);
}

/** `scores`, when given, replace the engine's (one per row): how a baseline is measured the same way. */
export function evalDevops(rows: readonly Graded[], bank: Bank = loadBank(), scores?: readonly number[]) {
  const missing = new Set<string>();
  const scored = rows.flatMap((r, i): Array<Graded & { score: number; analysis: AnalysisResult | null }> => {
    const question = r.questionId ? bank.byId(r.questionId) : bank.byText(r.question);
    if (!question) {
      missing.add(r.question);
      return [];
    }
    if (scores) return [{ ...r, score: scores[i] as number, analysis: null }];
    const a = runAnalysis(bank, { questionId: question.id, text: r.answer });
    return [{ ...r, score: a.score, analysis: a }];
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
  const byQuality = new Map<string, number[]>();
  for (const s of scored) byQuality.set(s.quality, [...(byQuality.get(s.quality) ?? []), s.score]);
  return {
    answers: scored.length,
    questions: byQuestion.size,
    missingQuestions: [...missing],
    spearman: spearman(
      scored.map((s) => s.score),
      scored.map((s) => s.grade),
    ),
    pairwise: ordered / Math.max(1, pairs),
    junkBelowPartial: junkOrdered / Math.max(1, junkPairs),
    meanByQuality: Object.fromEntries(
      [...byQuality].map(([q, v]) => [q, Math.round(v.reduce((a, b) => a + b, 0) / v.length)]),
    ),
    rows: scored,
  };
}

export function formatResult(r: ReturnType<typeof evalDevops>): string {
  const means = Object.entries(r.meanByQuality)
    .map(([q, m]) => `${q} ${m}`)
    .join(', ');
  return `${r.answers} answers / ${r.questions} questions; Spearman ${r.spearman.toFixed(3)}; pairwise ${(r.pairwise * 100).toFixed(1)}%; junk below partial ${(r.junkBelowPartial * 100).toFixed(1)}%\n    mean score by kind: ${means}`;
}

if (process.argv[1]?.endsWith('eval-devops.ts')) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const set = (arg('--set') ?? 'blind') as keyof typeof SETS;
  const half = arg('--half');
  const rows = readGraded(SETS[set]).filter((r) => !half || r.split === half);
  const r = evalDevops(rows);
  if (process.argv.includes('--verbose'))
    for (const s of r.rows)
      process.stdout.write(
        `${s.id.padEnd(64)} grade ${String(s.grade).padEnd(4)} score ${String(s.score).padStart(3)}  ${s.analysis?.coverage.map((c) => (c.status === 'hit' ? 'H' : c.status === 'partial' ? 'p' : '.')).join('')} ${s.analysis?.flags.map((f) => f.id).join(',')}\n`,
      );
  process.stdout.write(`${set}${half ? ` (${half} half)` : ''}: ${formatResult(r)}\n`);
  if (r.missingQuestions.length)
    process.stdout.write(`questions not in the bank: ${r.missingQuestions.join(' | ')}\n`);
}
