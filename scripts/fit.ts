// `npm run fit [-- --write] [-- --least-squares]`: fit the policy's combination weights (src/core/analysis/combine.ts)
// to expert grades.
// Data: the TUNING half of the blind graded set, the second blind set and the team's set; the test half is never
// read here.
// Least squares on grade = (intercept + Σ w·feature) × form × flag penalty, with signs fixed by meaning (more
// coverage never lowers a grade, more nonsense never raises it), then refined with a within-question pair loss. Prints leave-one-question-out figures on the
// tuning half, then the weights; --write puts them into policy.ts between its fit markers.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalysis } from '../src/app/analysis.js';
import { FEATURES, type Feature, featureVector } from '../src/core/analysis/combine.js';
import { DEFAULT_POLICY } from '../src/core/analysis/policy.js';
import { flagPenalty } from '../src/core/analysis/score.js';
import { loadBank } from '../src/storage/bank.js';
import { type Graded, JUNK, readGraded, SETS } from './eval-devops.js';
import { spearman } from './lib/stats.js';

/** Sign each weight must have: +1 non-negative, -1 non-positive. */
const SIGN: Record<Feature, 1 | -1> = {
  covered: 1,
  coveredRoot: 1,
  similarity: 1,
  unattested: -1,
  nonsense: -1,
  relevance: 1,
  misrelations: -1,
  focus: 1,
  astray: -1,
};
const RIDGE = 0.05;

interface Row {
  readonly question: string;
  readonly set: 'blind' | 'blind2' | 'team';
  readonly quality: string;
  readonly grade: number;
  readonly x: number[];
  /** form × flag penalty: what the prediction is multiplied by. */
  readonly scale: number;
  readonly cap: number;
}

const bank = loadBank();
function rowsOf(graded: readonly Graded[], set: Row['set']): Row[] {
  return graded.flatMap((g) => {
    const q = g.questionId ? bank.byId(g.questionId) : bank.byText(g.question);
    if (!q) return [];
    const a = runAnalysis(bank, { questionId: q.id, text: g.answer });
    if (!a.measures) return [];
    const f = featureVector(a.measures);
    const { keep, cap: flagCap } = flagPenalty(a.flags);
    const cap = a.findings.some((x) => x.code === 'answer.mostly-unexplained')
      ? Math.min(flagCap, DEFAULT_POLICY.coherence.mostlyCap)
      : flagCap;
    return [
      {
        question: q.id,
        set,
        quality: g.quality,
        grade: g.grade,
        x: [1, ...FEATURES.map((k) => f[k])],
        scale: a.substance.formFactor * keep,
        cap: cap / 20,
      },
    ];
  });
}

/**
 * Each graded set counts the same in the loss, whatever its size, so the largest set does not decide the weights
 * alone: a row weighs (rows / sets) / (rows of its set).
 */
function balance(rows: readonly Row[]): number[] {
  const per = new Map<string, number>();
  for (const r of rows) per.set(r.set, (per.get(r.set) ?? 0) + 1);
  return rows.map((r) => rows.length / per.size / (per.get(r.set) as number));
}

/** Solve (A + λI) w = b by Gaussian elimination. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] as number]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]?.[c] ?? 0) > Math.abs(m[p]?.[c] ?? 0)) p = r;
    [m[c], m[p]] = [m[p] as number[], m[c] as number[]];
    const pivot = m[c]?.[c] ?? 0;
    if (Math.abs(pivot) < 1e-12) continue;
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = (m[r]?.[c] ?? 0) / pivot;
      for (let k = c; k <= n; k++) (m[r] as number[])[k] = (m[r]?.[k] ?? 0) - f * (m[c]?.[k] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] || 1));
}

/** Least squares with sign constraints (active set: a weight of the wrong sign is fixed at 0 and the rest refit). */
function fitWeights(rows: readonly Row[]): number[] {
  const dims = FEATURES.length + 1;
  // No intercept: an answer with nothing of the topic in it predicts 0, not a floor every answer gets.
  const fixed = new Set<number>([0]);
  for (;;) {
    const free = [...Array(dims).keys()].filter((j) => !fixed.has(j));
    const a = free.map(() => free.map(() => 0));
    const b = free.map(() => 0);
    const omega = balance(rows);
    rows.forEach((r, n) => {
      const o = omega[n] as number;
      const z = free.map((j) => (r.x[j] as number) * r.scale);
      for (let i = 0; i < free.length; i++) {
        b[i] = (b[i] as number) + o * (z[i] as number) * r.grade;
        for (let k = 0; k < free.length; k++)
          (a[i] as number[])[k] = (a[i]?.[k] ?? 0) + o * (z[i] as number) * (z[k] as number);
      }
    });
    for (let i = 0; i < free.length; i++)
      if (free[i] !== 0) (a[i] as number[])[i] = (a[i]?.[i] ?? 0) + RIDGE * rows.length;
    const w = solve(a, b);
    const full = Array(dims).fill(0) as number[];
    free.forEach((j, i) => {
      full[j] = w[i] as number;
    });
    const wrong = FEATURES.findIndex((f, k) => SIGN[f] * (full[k + 1] as number) < -1e-9);
    if (wrong < 0) return full;
    fixed.add(wrong + 1);
  }
}

/**
 * The default (`--least-squares` for the plain fit): from the least-squares weights, descend on least squares plus a within-question pair loss (softplus
 * of the margin by which a better-graded answer falls below a worse one, weighted by the grade gap), keeping the
 * signs: order within a question is what a candidate sees when he retries.
 */
const PAIR_WEIGHT = Number(process.env.FIT_PAIR_WEIGHT ?? 3);
function fitRanked(rows: readonly Row[]): number[] {
  const w = fitWeights(rows);
  const dims = w.length;
  const z = rows.map((r) => r.x.map((v) => v * r.scale));
  const pairs: Array<[number, number, number]> = [];
  rows.forEach((a, i) => {
    rows.forEach((b, j) => {
      if (a.question === b.question && a.grade > b.grade) pairs.push([i, j, a.grade - b.grade]);
    });
  });
  const omega = balance(rows);
  const lr = 0.02;
  for (let step = 0; step < 400; step++) {
    const pred = z.map((x) => x.reduce((s, v, k) => s + v * (w[k] as number), 0));
    const grad = Array(dims).fill(0) as number[];
    rows.forEach((r, i) => {
      const e = (pred[i] as number) - r.grade;
      for (let k = 0; k < dims; k++)
        grad[k] = (grad[k] as number) + ((omega[i] as number) * 2 * e * (z[i]?.[k] as number)) / rows.length;
    });
    for (const [i, j, gap] of pairs) {
      const m = (pred[i] as number) - (pred[j] as number);
      // d softplus(-4m)/dm = -4 sigmoid(-4m)
      const d = (-4 * gap) / (1 + Math.exp(4 * m));
      for (let k = 0; k < dims; k++)
        grad[k] =
          (grad[k] as number) +
          ((omega[i] as number) * PAIR_WEIGHT * d * ((z[i]?.[k] as number) - (z[j]?.[k] as number))) /
            pairs.length;
    }
    for (let k = 1; k < dims; k++) {
      let v = (w[k] as number) - lr * (grad[k] as number) - lr * RIDGE * (w[k] as number);
      const f = FEATURES[k - 1] as Feature;
      if (SIGN[f] * v < 0) v = 0;
      w[k] = v;
    }
  }
  return w;
}
const fitter = process.argv.includes('--least-squares') ? fitWeights : fitRanked;

function predict(w: readonly number[], r: Row): number {
  const g = w.reduce((s, wj, j) => s + wj * (r.x[j] as number), 0);
  return Math.min(r.cap, Math.max(0, Math.min(5, g)) * r.scale);
}

function figures(rows: readonly Row[], pred: readonly number[]) {
  const byQ = new Map<string, number[]>();
  rows.forEach((r, i) => {
    byQ.set(r.question, [...(byQ.get(r.question) ?? []), i]);
  });
  let pairs = 0;
  let ordered = 0;
  let junkPairs = 0;
  let junkOrdered = 0;
  for (const idx of byQ.values())
    for (const i of idx)
      for (const j of idx) {
        const a = rows[i] as Row;
        const b = rows[j] as Row;
        if (a.grade > b.grade) {
          pairs++;
          ordered += (pred[i] as number) > (pred[j] as number) ? 1 : pred[i] === pred[j] ? 0.5 : 0;
        }
        if (a.quality === 'partial' && JUNK.has(b.quality)) {
          junkPairs++;
          if ((pred[j] as number) < (pred[i] as number)) junkOrdered++;
        }
      }
  return {
    spearman: spearman(
      [...pred],
      rows.map((r) => r.grade),
    ),
    pairwise: ordered / Math.max(1, pairs),
    junk: junkOrdered / Math.max(1, junkPairs),
  };
}

const tune = [
  ...rowsOf(
    readGraded(SETS.blind).filter((g) => g.split === 'tune'),
    'blind',
  ),
  ...rowsOf(readGraded(SETS.blind2), 'blind2'),
];
const team = rowsOf(readGraded(SETS.team), 'team');
const all = [...tune, ...team];
const show = (name: string, f: ReturnType<typeof figures>) =>
  process.stdout.write(
    `  ${name.padEnd(34)} Spearman ${f.spearman.toFixed(3)}  pairwise ${(f.pairwise * 100).toFixed(1)}%  junk below partial ${(f.junk * 100).toFixed(1)}%\n`,
  );

// Leave one question out: each tuning question is predicted by weights fitted without it.
const cv = tune.map(() => 0);
for (const q of new Set(tune.map((r) => r.question))) {
  const w = fitter(all.filter((r) => r.question !== q));
  tune.forEach((r, i) => {
    if (r.question === q) cv[i] = predict(w, r);
  });
}
const w = fitter(all);
const first = tune.filter((r) => r.set === 'blind').length;
process.stdout.write(
  `fit on ${tune.length} tuning answers (${first} of the blind set's tuning half, ${tune.length - first} of the second blind set) + ${team.length} (team set)\n`,
);
const part = (set: Row['set'], values: readonly number[]) => {
  const idx = tune.flatMap((r, i) => (r.set === set ? [i] : []));
  return figures(
    idx.map((i) => tune[i] as Row),
    idx.map((i) => values[i] as number),
  );
};
const inSample = tune.map((r) => predict(w, r));
show('tuning rows, leave-one-question-out', figures(tune, cv));
show('  blind tuning half, held out', part('blind', cv));
show('  second blind set, held out', part('blind2', cv));
show('tuning rows, in-sample', figures(tune, inSample));
show(
  'team set, in-sample',
  figures(
    team,
    team.map((r) => predict(w, r)),
  ),
);
const weights = Object.fromEntries(
  FEATURES.map((f, k) => [f, Math.round((w[k + 1] as number) * 10000) / 10000]),
);
const intercept = Math.round((w[0] as number) * 10000) / 10000;
process.stdout.write(`intercept ${intercept}\nweights ${JSON.stringify(weights)}\n`);
process.stdout.write(
  `(policy in force: intercept ${DEFAULT_POLICY.combine.intercept}, ${JSON.stringify(DEFAULT_POLICY.combine.weights)})\n`,
);

if (process.argv.includes('--write')) {
  const file = join(import.meta.dirname, '..', 'src', 'core', 'analysis', 'policy.ts');
  const text = readFileSync(file, 'utf8');
  const block = `// fit:begin\n    intercept: ${intercept},\n    weights: { ${FEATURES.map((f) => `${f}: ${weights[f]}`).join(', ')} },\n    // fit:end`;
  writeFileSync(file, text.replace(/\/\/ fit:begin[\s\S]*?\/\/ fit:end/, block));
  process.stdout.write(`written to ${file}\n`);
}
