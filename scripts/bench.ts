// `npm run bench`: analysis latency (p50/p99) on ~300-word answers, memory, and `mockops grade` throughput.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeAnswer, bankLexicon, checkGrammar, termModel } from '../src/core/analysis/index.js';
import type { Question } from '../src/core/bank/schema.js';
import { readText } from '../src/core/text/index.js';
import { loadBank } from '../src/storage/bank.js';
import { quantile } from './lib/stats.js';

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1000);
// Measure the bundled CLI users run, not the TypeScript fallback: make sure the bundle is current.
spawnSync(process.execPath, [join(import.meta.dirname, 'build-cli.mjs')], {
  cwd: join(import.meta.dirname, '..'),
  stdio: 'inherit',
});
const bank = loadBank();
const questions = bank.questions;

/** A deterministic ~300-word answer for question i: its model answers, other questions' sentences, fillers. */
function answerFor(i: number): { question: Question; text: string } {
  const q = questions[i % questions.length] as Question;
  const other = questions[(i * 7 + 3) % questions.length] as Question;
  const parts = [
    q.modelAnswers.full,
    'Um, so, basically we did that so that it works.',
    other.modelAnswers.quick,
    q.modelAnswers.quick,
  ];
  let words = parts.join(' ').split(/\s+/);
  while (words.length < 300) words = words.concat(other.modelAnswers.full.split(/\s+/));
  return { question: q, text: words.slice(0, 300 + (i % 20)).join(' ') };
}

const inputs = Array.from({ length: ANSWERS }, (_, i) => answerFor(i));
const modelStart = performance.now();
const model = termModel(bank.questions, bank.commonRedFlags);
const modelMs = performance.now() - modelStart;
const lexicon = bankLexicon(bank.questions);
const analyse = (question: Question, text: string) =>
  analyzeAnswer({
    question,
    answer: text,
    commonRedFlags: bank.commonRedFlags,
    termModel: model,
    grammarLexicon: lexicon,
    // As the app grades: against the other questions too (focus, and their red flags).
    rivals: bank.questions,
  });
for (const { question, text } of inputs.slice(0, 200)) analyse(question, text);

const heapBefore = process.memoryUsage().heapUsed;
const times: number[] = [];
const parses: number[] = [];
const grammars: number[] = [];
// Interleaved, so the reference (the bare wink parse of the same text) sees the same machine state.
for (const { question, text } of inputs) {
  const p0 = performance.now();
  readText(text);
  parses.push(performance.now() - p0);
  const t0 = performance.now();
  analyse(question, text);
  times.push(performance.now() - t0);
  // The grammar check alone, on an already parsed text: its share of the analysis.
  const doc = readText(text);
  const g0 = performance.now();
  checkGrammar(doc, lexicon);
  grammars.push(performance.now() - g0);
}
grammars.sort((a, b) => a - b);
times.sort((a, b) => a - b);
parses.sort((a, b) => a - b);
const rss = process.memoryUsage().rss;
const heapAfter = process.memoryUsage().heapUsed;
const meanWords = inputs.reduce((n, x) => n + x.text.split(/\s+/).length, 0) / inputs.length;

process.stdout.write(
  `machine: ${cpus()[0]?.model ?? 'unknown'} (${cpus().length} cores), node ${process.version}\n`,
);
process.stdout.write(`analysis of ${ANSWERS} answers (~${Math.round(meanWords)} words) in one process:\n`);
process.stdout.write(
  `  p50 ${quantile(times, 0.5).toFixed(2)} ms   p99 ${quantile(times, 0.99).toFixed(2)} ms   max ${(times.at(-1) ?? 0).toFixed(2)} ms   (target p99 ≤ 5 ms where the parse allows)\n`,
);
const ratio = quantile(times, 0.5) / quantile(parses, 0.5);
process.stdout.write(
  `  reference, the bare wink parse of the same texts: p50 ${quantile(parses, 0.5).toFixed(2)} ms   p99 ${quantile(parses, 0.99).toFixed(2)} ms\n`,
);
process.stdout.write(
  `  whole analysis / parse (p50): ×${ratio.toFixed(2)}   (target ≤ ×1.5: ${ratio <= 1.5 ? 'meets target' : 'BELOW TARGET'})\n`,
);
process.stdout.write(
  `  of which the grammar check (on the parsed text): p50 ${quantile(grammars, 0.5).toFixed(2)} ms   p99 ${quantile(grammars, 0.99).toFixed(2)} ms   = ×${(quantile(grammars, 0.5) / quantile(parses, 0.5)).toFixed(2)} of the parse, ${((100 * quantile(grammars, 0.5)) / quantile(times, 0.5)).toFixed(0)}% of the analysis\n`,
);
process.stdout.write(
  `  learning the term model from the bank (once per process): ${modelMs.toFixed(0)} ms\n`,
);
process.stdout.write(
  `  memory: rss ${(rss / 2 ** 20).toFixed(0)} MiB, heap ${(heapAfter / 2 ** 20).toFixed(0)} MiB (Δ ${((heapAfter - heapBefore) / 2 ** 20).toFixed(1)} MiB over the run)\n`,
);

const dir = mkdtempSync(join(tmpdir(), 'mockops-bench-'));
const bin = join(import.meta.dirname, '..', 'bin', 'mockops.js');
const graded = readFileSync(
  join(import.meta.dirname, '..', 'test', 'fixtures', 'graded', 'devops-answers.jsonl'),
  'utf8',
)
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as { question: string; answer: string });

/** Time `mockops grade` as a whole process (start-up included) on a file; best of 3 after one warm-up run. */
function throughput(name: string, lines: string[]): void {
  const file = join(dir, `${name}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  const home = join(dir, 'home');
  const runs: number[] = [];
  for (let r = 0; r < 4; r++) {
    const t0 = performance.now();
    const res = spawnSync(process.execPath, [bin, 'grade', '--input', file], {
      encoding: 'utf8',
      maxBuffer: 256 * 2 ** 20,
      env: { ...process.env, MOCKOPS_HOME: home },
    });
    if (r > 0) runs.push(performance.now() - t0);
    if (res.status !== 0) throw new Error(`mockops grade failed: ${res.stderr}`);
    const count = res.stdout.trim().split('\n').length;
    if (count !== lines.length)
      throw new Error(`mockops grade printed ${count} lines for ${lines.length} answers`);
  }
  const best = Math.min(...runs);
  const words =
    lines.reduce((n, l) => n + (JSON.parse(l) as { answer: string }).answer.split(/\s+/).length, 0) /
    lines.length;
  process.stdout.write(
    `  ${name.padEnd(34)} ${lines.length} answers, ~${Math.round(words)} words: ${(best / 1000).toFixed(2)} s → ${Math.round((lines.length / best) * 1000)} answers/s\n`,
  );
}

process.stdout.write(
  '`mockops grade`, whole process including start-up (best of 3, warm cache; target ≥ 500 answers/s):\n',
);
throughput(
  'interview-length answers',
  Array.from({ length: ANSWERS }, (_, i) => {
    const g = graded[i % graded.length] as { question: string; answer: string };
    return JSON.stringify({ id: i, question: g.question, answer: g.answer });
  }),
);
throughput(
  '300-word answers',
  inputs.map(({ question, text }, i) => JSON.stringify({ id: i, question: question.text, answer: text })),
);

// Decoding and import parsing: timed here, never in tests. The reference is a plain TextDecoder pass over the
// same bytes in the same run, so the ratio holds across machines.
{
  const { decodeBytes } = await import('../src/import/decode.js');
  const { parseImport } = await import('../src/core/import/index.js');
  const iconv = (await import('iconv-lite')).default;
  const best = (f: () => unknown) =>
    Math.min(
      ...[0, 1, 2, 3].map(() => {
        const t = performance.now();
        f();
        return performance.now() - t;
      }),
    );
  let notes = 'Mock interview notes 模拟面试笔记：运维、可观测性、发布。What’s your on-call approach? 🎯\n';
  while (Buffer.byteLength(notes) < 310_000) notes += `${notes.length} ${notes.slice(0, 400)}`;
  const source = notes.slice(0, notes.lastIndexOf('\n', 200_000) + 1);
  const mojibake = Buffer.from(
    iconv.decode(Buffer.from(source, 'utf8'), 'windows-1254').replace(/[\ufffd\u00ad]/g, ''),
    'utf8',
  );
  const cases: Array<[string, Buffer, number]> = [
    ['300 KB UTF-8', Buffer.from(notes, 'utf8'), 100],
    ['300 KB GB18030', iconv.encode(notes, 'gb18030'), 100],
    ['300 KB mojibake, repaired', mojibake, 300],
  ];
  process.stdout.write('\ndecoding (best of 4; reference: TextDecoder over the same bytes):\n');
  for (const [name, bytes, target] of cases) {
    decodeBytes(bytes);
    const ref = best(() => new TextDecoder('utf-8').decode(bytes));
    const ms = best(() => decodeBytes(bytes));
    process.stdout.write(
      `  ${name.padEnd(28)} ${ms.toFixed(1)} ms (target ≤ ${target} ms: ${ms <= target ? 'meets target' : 'BELOW TARGET'})   ×${(ms / Math.max(0.01, ref)).toFixed(0)} the reference (${ref.toFixed(2)} ms)\n`,
    );
  }
  const huge = [
    '<details>'.repeat(20_000),
    '**a '.repeat(50_000),
    '`'.repeat(10_000),
    '<code>'.repeat(5_000),
    '[x]('.repeat(20_000),
    `“${'How? '.repeat(10_000)}”`,
    'x,"y\n'.repeat(10_000),
  ];
  const patho = best(() => {
    for (const text of huge) for (const name of ['a.md', 'a.txt', 'a.csv']) parseImport(text, name);
  });
  process.stdout.write(
    `  import parsers, pathological 1 MB   ${patho.toFixed(0)} ms (target ≤ 5000 ms: ${patho <= 5000 ? 'meets target' : 'BELOW TARGET'})\n`,
  );
}
