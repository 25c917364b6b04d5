// `npm run eval`: agreement of our scores with human graders, through the product's own grading path.
// 1) our graded DevOps answers (bank mode); 2) the Mohler short-answer benchmark (reference-only mode).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalysis } from '../src/app/analysis.js';
import { loadBank } from '../src/storage/bank.js';
import { evalDevops, readGraded, SETS } from './eval-devops.js';
import { pearson, rmse } from './lib/stats.js';

const TARGETS = { spearman: 0.85, pairwise: 0.9, junk: 0.95, mohlerTest: 0.6 };
const mark = (ok: boolean) => (ok ? 'meets target' : 'BELOW TARGET');

const devops = evalDevops(readGraded(SETS.team));
process.stdout.write('DevOps graded set (bank mode, test/fixtures/graded):\n');
process.stdout.write(`  answers               ${devops.answers}\n`);
process.stdout.write(
  `  Spearman vs grades    ${devops.spearman.toFixed(3)}  (target ≥ ${TARGETS.spearman}: ${mark(devops.spearman >= TARGETS.spearman)})\n`,
);
process.stdout.write(
  `  pairwise ordering     ${(devops.pairwise * 100).toFixed(1)}%  (target ≥ 90%: ${mark(devops.pairwise >= TARGETS.pairwise)})\n`,
);
process.stdout.write(
  `  junk below partial    ${(devops.junkBelowPartial * 100).toFixed(1)}%  (target ≥ 95%: ${mark(devops.junkBelowPartial >= TARGETS.junk)})\n`,
);
if (devops.missingQuestions.length)
  process.stdout.write(`  questions not in bank: ${devops.missingQuestions.length}\n`);

const mohlerFile =
  process.env.MOHLER ??
  join(import.meta.dirname, '..', '..', 'shared', 'benchmarks', 'asag', 'mohler', 'answers.jsonl');
if (!existsSync(mohlerFile)) {
  process.stdout.write(`\nMohler benchmark not found at ${mohlerFile} (set MOHLER=path); skipped.\n`);
} else {
  interface Row {
    question_id: string;
    question: string;
    reference_answer: string;
    answer: string;
    score_avg: number;
  }
  const rows = readFileSync(mohlerFile, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Row);
  const bank = loadBank();
  const started = performance.now();
  const ours = rows.map(
    (r) =>
      runAnalysis(bank, { question: r.question, reference: r.reference_answer, text: r.answer }).score / 20,
  );
  const ms = performance.now() - started;
  const assignment = (r: Row) => Number(r.question_id.split('.')[0]);
  process.stdout.write(
    `\nMohler et al. 2011 (reference-only mode, the path \`mockops grade\` takes), pooled Pearson vs score_avg:\n`,
  );
  for (const [name, keep] of [
    ['all (2,273)', () => true],
    ['assignments 1-6 (tuning)', (r: Row) => assignment(r) <= 6],
    ['assignments 7-12 (held out)', (r: Row) => assignment(r) >= 7],
  ] as const) {
    const idx = rows.map((r, i) => (keep(r) ? i : -1)).filter((i) => i >= 0);
    const x = idx.map((i) => ours[i] as number);
    const y = idx.map((i) => (rows[i] as Row).score_avg);
    process.stdout.write(
      `  ${name.padEnd(30)} n=${String(idx.length).padEnd(5)} r=${pearson(x, y).toFixed(3)}  RMSE=${rmse(x, y).toFixed(3)}\n`,
    );
  }
  const test = rows.map((r, i) => (assignment(r) >= 7 ? i : -1)).filter((i) => i >= 0);
  const rTest = pearson(
    test.map((i) => ours[i] as number),
    test.map((i) => (rows[i] as Row).score_avg),
  );
  process.stdout.write(`  held-out target r ≥ ${TARGETS.mohlerTest}: ${mark(rTest >= TARGETS.mohlerTest)}\n`);
  process.stdout.write(
    `  anchors: bag-of-words cosine ≈ 0.45, Mohler 2011 0.518, Sultan 2016 0.592 (trained), human graders 0.589\n`,
  );
  process.stdout.write(`  ${(ms / rows.length).toFixed(3)} ms per answer including text reading\n`);
  process.stdout.write('  (per-split detail with peer answers and the BOW baseline: npm run eval:mohler)\n');
}
