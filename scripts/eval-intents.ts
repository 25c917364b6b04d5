// `npx tsx scripts/eval-intents.ts [--half tune|test | --cross] [--verbose]`: the incident intent matcher against turns written
// by helpers who never saw the matcher or the scenarios' phrasings. A turn counts as right when the actions found
// are exactly the expected ones, in the order said (none for a vague or negated turn).
// Three sets by three authors, split by set: the first (test/fixtures/incident-phrasings/, on which the scenarios'
// intents were tuned) and the third (incident-phrasings-3/, mostly turns of several steps and turns of none) are the
// tuning half; the second (incident-phrasings-2/), written for every scenario, is the test half, only reported.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { incidentScenarios } from '../src/app/incidents.js';
import { matchIntents, setLearnedIntents } from '../src/core/incident/intents.js';
import { LEARNED_INTENTS } from '../src/core/incident/learned-intents.js';
import { trainAll } from './train-intents-lib.js';

export type Half = 'tune' | 'test';
const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
export const PHRASINGS_DIRS: Record<Half, readonly string[]> = {
  tune: [
    join(FIXTURES, 'incident-phrasings'),
    join(FIXTURES, 'incident-phrasings-3'),
    join(FIXTURES, 'incident-phrasings-4'),
    join(FIXTURES, 'incident-phrasings-5'),
    join(FIXTURES, 'incident-phrasings-6'),
    join(FIXTURES, 'incident-phrasings-7'),
    join(FIXTURES, 'incident-phrasings-8'),
    join(FIXTURES, 'incident-phrasings-9'),
  ],
  test: [join(FIXTURES, 'incident-phrasings-2')],
};

export interface Phrasing {
  readonly scenarioId: string;
  readonly text: string;
  readonly expected: readonly string[];
}

export function readPhrasings(half: Half): Phrasing[] {
  return PHRASINGS_DIRS[half].flatMap((dir) => readDir(dir));
}

/**
 * The honest figure for the tuning sets: the learned step model trained on all but one of them (with the
 * scenarios' own phrasings) and measured on the one left out, for each in turn; the accuracy over all their turns.
 * The shipped model is trained on all of them, so `evalIntents` on the tuning sets is in-sample.
 */
export function evalCrossSet(): IntentEval | null {
  const sets = PHRASINGS_DIRS.tune.map(readDir).filter((rows) => rows.length > 0);
  if (sets.length < 2) return null;
  const scenarios = incidentScenarios();
  const parts: IntentEval[] = [];
  try {
    sets.forEach((rows, i) => {
      setLearnedIntents(trainAll(scenarios, sets.filter((_, j) => j !== i).flat()));
      parts.push(evalIntents(rows));
    });
  } finally {
    setLearnedIntents(LEARNED_INTENTS);
  }
  const turns = parts.reduce((n, e) => n + e.turns, 0);
  const weighted = (f: (e: IntentEval) => number) => parts.reduce((n, e) => n + f(e) * e.turns, 0) / turns;
  return {
    turns,
    accuracy: weighted((e) => e.accuracy),
    recall: weighted((e) => e.recall),
    precision: weighted((e) => e.precision),
    wrong: parts.flatMap((e) => e.wrong),
  };
}

function readDir(dir: string): Phrasing[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) =>
      readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l, i) => {
          try {
            return JSON.parse(l) as Phrasing;
          } catch (err) {
            throw new Error(`${f}:${i + 1}: not JSON: ${(err as Error).message}`);
          }
        }),
    );
}

export interface IntentEval {
  readonly turns: number;
  readonly accuracy: number;
  /** Of the expected actions, the share found (in any order); of the found ones, the share expected. */
  readonly recall: number;
  readonly precision: number;
  readonly wrong: ReadonlyArray<Phrasing & { readonly got: readonly string[] }>;
}

export function evalIntents(rows: readonly Phrasing[]): IntentEval {
  const byId = new Map(incidentScenarios().map((s) => [s.id, s]));
  let right = 0;
  let expected = 0;
  let found = 0;
  let both = 0;
  const wrong: Array<Phrasing & { got: string[] }> = [];
  for (const r of rows) {
    const s = byId.get(r.scenarioId);
    if (!s) throw new Error(`phrasing for unknown scenario "${r.scenarioId}": "${r.text}"`);
    const got = matchIntents(s, r.text).matches.map((m) => m.actionId);
    expected += r.expected.length;
    found += got.length;
    both += got.filter((g) => r.expected.includes(g)).length;
    if (got.join(' ') === r.expected.join(' ')) right++;
    else wrong.push({ ...r, got });
  }
  return {
    turns: rows.length,
    accuracy: rows.length ? right / rows.length : 0,
    recall: expected ? both / expected : 1,
    precision: found ? both / found : 1,
    wrong,
  };
}

if (process.argv[1]?.endsWith('eval-intents.ts')) {
  const i = process.argv.indexOf('--half');
  const half = (i >= 0 ? process.argv[i + 1] : 'tune') as Half;
  const cross = process.argv.includes('--cross');
  const e = cross ? evalCrossSet() : evalIntents(readPhrasings(half));
  if (!e) throw new Error('--cross needs two tuning sets');
  process.stdout.write(
    `incident intents (${cross ? 'tuning sets, each measured with the model trained on the others' : `${half} half`}): ${e.turns} turns; accuracy ${e.accuracy.toFixed(3)}; recall ${e.recall.toFixed(3)}; precision ${e.precision.toFixed(3)}\n`,
  );
  if (process.argv.includes('--verbose'))
    for (const w of e.wrong)
      process.stdout.write(
        `${w.scenarioId}: "${w.text}"\n   expected [${w.expected.join(', ')}] got [${w.got.join(', ')}]\n`,
      );
}
