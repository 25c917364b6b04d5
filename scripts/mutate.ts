// `npm run mutate`: does any test notice when a policy number changes or a signal stops working?
// Each policy constant in src/core/analysis/policy.ts is changed in turn (×1.5, or 0 → 1), and each signal is
// switched off in turn (a one-line patch); the fast tests run after each change; the file is restored. Prints
// every mutation that no test caught (there should be none) and exits 1 if any survived.
// `--only policy|signals` runs one half; `--list` prints the mutations without running them.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const FAST_TESTS = ['src/core', 'test/golden.test.ts', 'test/follow-up.test.ts', 'test/eval.test.ts'];

interface Mutation {
  readonly name: string;
  readonly file: string;
  readonly apply: (text: string) => string;
}

/** Every number inside the policy object, each as its own mutation. */
function policyMutations(): Mutation[] {
  const file = 'src/core/analysis/policy.ts';
  const text = readFileSync(join(ROOT, file), 'utf8');
  const start = text.indexOf('const policy = {');
  const end = text.indexOf('\n};', start);
  const out: Mutation[] = [];
  const number = /(?<![\w.])(-?\d+(?:\.\d+)?)(?![\w.])/g;
  for (const m of text.slice(start, end).matchAll(number)) {
    const at = start + (m.index ?? 0);
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const line = text.slice(lineStart, text.indexOf('\n', at)).trim();
    if (line.startsWith('//') || line.startsWith('*') || line.startsWith('/**')) continue;
    // Numbers in a type ("2 as 1 | 2 | 3") and record keys ("{ 1: 0.12") are not policy values.
    const before = text.slice(lineStart, at);
    if (
      /\bas\s[\d\s|]*$/.test(before) ||
      /[|]\s*$/.test(before) ||
      text[at + (m[1] as string).length] === ':'
    )
      continue;
    const value = Number(m[1]);
    const mutated =
      value === 0 ? 1 : Number.isInteger(value) && Math.abs(value) >= 2 ? value + 7 : value * 1.5;
    out.push({
      name: `policy: ${line.slice(0, 70)} (${m[1]} → ${mutated})`,
      file,
      apply: (t) => t.slice(0, at) + String(mutated) + t.slice(at + (m[1] as string).length),
    });
  }
  return out;
}

/** Each signal switched off by a patch at its entry. */
const SIGNALS: ReadonlyArray<{ name: string; file: string; find: string; replace: string }> = [
  {
    name: 'signal off: stance (negation and dismissal)',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: "  const stated = { stance: 'stated' as const, evidence: null };",
    replace: "  const stated = { stance: 'stated' as const, evidence: null };\n  if (stated) return stated;",
  },
  {
    name: 'signal off: clause predicates (every clause states something)',
    file: 'src/core/analysis/signals/clauses.ts',
    find: 'function isPredicate(tokens: readonly Token[], from: number, to: number): boolean {',
    replace:
      'function isPredicate(tokens: readonly Token[], from: number, to: number): boolean {\n  if (tokens) return true;',
  },
  {
    name: 'signal off: coherence (no clause is unexplained)',
    file: 'src/core/analysis/signals/coherence.ts',
    find: '  const bearing = judged.filter((j) => j.terms.length >= 2);',
    replace: '  const bearing = judged.filter((j) => j.terms.length >= 2 && false);',
  },
  {
    name: 'rule off: mostly unexplained answers capped',
    file: 'src/core/analysis/index.ts',
    find: '    mostlyNonsense ? p.coherence.mostlyCap : 100,',
    replace: '    100,',
  },
  {
    name: 'signal off: relations (every tool does what it is said to do)',
    file: 'src/core/analysis/signals/coherence.ts',
    find: '    const known = (k: string | null) => k !== null && model.relations.has(k);',
    replace: '    const known = (k: string | null) => k !== null || model.relations.has(k ?? "");',
  },
  {
    name: 'signal off: paraphrase',
    file: 'src/core/analysis/signals/paraphrase.ts',
    find: '  if (bag.total <= 0) return null;',
    replace: '  if (bag.total <= 0 || bag) return null;',
  },
  {
    name: 'signal off: concept pairs (a paired term counts alone)',
    file: 'src/core/analysis/signals/coverage.ts',
    find: '  if (at < 0) return null;\n  for (const partner of pair.with) {',
    replace: '  if (at < 0) return null;\n  if (pair) return [];\n  for (const partner of pair.with) {',
  },
  {
    name: 'signal off: flag wins over a hit on the same words',
    file: 'src/core/analysis/signals/coverage.ts',
    find: "  const flagSpans = ctx.flags.filter((f) => f.kind === 'red-flag').map((f) => f.evidence[0]);",
    replace:
      "  const flagSpans = ctx.flags.filter((f) => f.kind === 'red-flag' && false).map((f) => f.evidence[0]);",
  },
  {
    name: 'signal off: key points equated in one clause still count',
    file: 'src/core/analysis/signals/coverage.ts',
    find: '      if (from < to && equates(tokens, from, to)) {',
    replace: '      if (from < to && equates(tokens, from, to) && false) {',
  },
  {
    name: 'signal off: key points joined the way no model answer joins them still count',
    file: 'src/core/analysis/signals/coverage.ts',
    find: '      if (separates(tokens, from, to)) continue;\n      if (joinedWrongly(ctx.rubric, tokens, from, to, i, j)) {',
    replace:
      '      if (separates(tokens, from, to)) continue;\n      if (joinedWrongly(ctx.rubric, tokens, from, to, i, j) && false) {',
  },
  {
    name: 'signal off: clauses that equate or wrongly join key points elsewhere still explain something',
    file: 'src/core/analysis/index.ts',
    find: '  for (const at of pointlessClauses(coverageContext))',
    replace: '  for (const at of [...pointlessClauses(coverageContext)].slice(0, 0))',
  },
  {
    name: 'signal off: a bare judgment ("X is always consistent") states something',
    file: 'src/core/analysis/signals/clauses.ts',
    find: '  if (bareJudgment(tokens, from, to)) return false;',
    replace: '  if (bareJudgment(tokens, from, to) && false) return false;',
  },
  {
    name: 'signal off: red-flag phrasings read through a coordinated conjunct',
    file: 'src/core/analysis/phrases.ts',
    find: '  if (to - from > slack - 1 + CONJUNCT_MAX + 1) return false;',
    replace: '  if (to >= from) return false;',
  },
  {
    name: "signal off: other questions' red flags",
    file: 'src/core/analysis/index.ts',
    find: '    shared.push(...borrowedFlagHits(index, question, input.rivals, [...own, ...shared], p));',
    replace:
      '    shared.push(...borrowedFlagHits(index, question, input.rivals, [...own, ...shared], p).slice(0, 0));',
  },
  {
    name: 'rule off: an answer to another question is capped',
    file: 'src/core/analysis/index.ts',
    find: '    closest?.id && rival - raw >= p.rival.astrayAt',
    replace: '    closest?.id && rival - raw >= p.rival.astrayAt + 1',
  },
  {
    name: 'signal off: a drop act set against what is done ("rather than remove it") still dismisses',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: "  return (a === 'rather' && b === 'than') || (a === 'instead' && b === 'of');",
    replace: "  return a === b && a === 'never-a-word';",
  },
  {
    name: 'signal off: an avoided thing spelled out after a colon or in a list is still claimed',
    file: 'src/core/text/index.ts',
    find: "          if (!strong && next.norm === ':' && j <= i + 4) {",
    replace: "          if (!strong && next.norm === ':' && j <= i + 4 && false) {",
  },
  {
    name: 'signal off: a thing that cannot do something is a denial, not a symptom',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: "  return subject.pos === 'PRON' || subject.pos === 'NOUN' || subject.pos === 'PROPN';",
    replace: '  return false;',
  },
  {
    name: 'signal off: examples after "like" are outside what is blocked',
    file: 'src/core/text/index.ts',
    find: '            examples = true;',
    replace: '            examples = false;',
  },
  {
    name: 'signal off: likeness weighted by specificity (every stem counts 1)',
    file: 'src/core/analysis/index.ts',
    find: '  if (model.keyPoints < MIN_KEY_POINTS_FOR_WEIGHTS) return unweighted;',
    replace: '  if (model.keyPoints >= 0) return unweighted;',
  },
  {
    name: "signal off: nonsense counts only a named tool's pairings (every pairing counts)",
    file: 'src/core/analysis/signals/coherence.ts',
    find: '        if (tool[a] || (b < terms.length && tool[b])) {',
    replace: '        if (tool.length >= 0) {',
  },
  {
    name: 'signal off: a fronted object refused with a negated verb ("X I don\'t use")',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: "  if (negs % 2 === 1 && verb?.pos === 'VERB' && FRONTED_NEGATED.has(verb.lemma)) {",
    replace: "  if (negs % 2 === 1 && verb?.pos === 'VERB' && FRONTED_NEGATED.has(verb.lemma) && false) {",
  },
  {
    name: 'signal off: a later word of a spread-out mention refused by a person',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: '      if (byDoer && !regret(m + 1, sTo) && !purpose(tokens, sFrom, at))',
    replace: '      if (byDoer && !regret(m + 1, sTo) && !purpose(tokens, sFrom, at) && false)',
  },
  {
    name: 'signal off: a verdict inside a spread-out mention',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: '      const v = findVerdict(tokens, i, i + 1);',
    replace: '      const v = findVerdict(tokens, i, i);',
  },
  {
    name: 'signal off: a red flag in a sentence that calls it a mistake still fires',
    file: 'src/core/analysis/signals/redFlags.ts',
    find: '!labelledMistake(index, m.sentence, m.tokens)) {',
    replace: 'true) {',
  },
  {
    name: 'signal off: "avoid X" contradicts a key point that finds X',
    file: 'src/core/analysis/signals/coverage.ts',
    find: '          if (!seeksOut(phrase, stems)) consider(j);',
    replace: '          consider(j);',
  },
  {
    name: 'signal off: a negation inside a goal ("so that no …") is a refusal',
    file: 'src/core/analysis/signals/dismissal.ts',
    find: 'function purpose(tokens: readonly Token[], sentenceFrom: number, negator: number): boolean {',
    replace:
      'function purpose(tokens: readonly Token[], sentenceFrom: number, negator: number): boolean {\n  if (tokens) return false;',
  },
  {
    name: 'signal off: grammar (no findings)',
    file: 'src/core/analysis/signals/grammar.ts',
    find: '  if (doc.tokens.length === 0) return [];',
    replace: '  if (doc.tokens.length >= 0) return [];',
  },
  {
    name: 'signal off: red flags',
    file: 'src/core/analysis/signals/redFlags.ts',
    find: '  const hits: FlagHit[] = [];',
    replace: '  const hits: FlagHit[] = [];\n  if (hits) return hits;',
  },
  {
    name: 'signal off: confidence (always high)',
    file: 'src/core/analysis/signals/confidence.ts',
    find: "  if (declined) return { level: 'high', reasons: [] };",
    replace: "  if (declined || doc) return { level: 'high', reasons: [] };",
  },
  {
    name: 'signal off: substance (no buzzword lists)',
    file: 'src/core/analysis/signals/substance.ts',
    find: '  const buzzwordList =\n    !nonAnswer &&',
    replace: '  const buzzwordList =\n    false &&\n    !nonAnswer &&',
  },
  {
    name: 'signal off: relevance in reference mode',
    file: 'src/core/analysis/index.ts',
    find: '      content.length < offTopicMinWords\n',
    replace: '      content.length >= 0\n',
  },
  {
    name: 'signal off: follow-up grading (graded against the whole question)',
    file: 'src/core/analysis/followUp.ts',
    find: '  const known = cache.get(question)?.get(key);',
    replace: '  if (key) return question;\n  const known = cache.get(question)?.get(key);',
  },
];

function signalMutations(): Mutation[] {
  return SIGNALS.map((s) => ({
    name: s.name,
    file: s.file,
    apply: (t) => {
      if (!t.includes(s.find)) throw new Error(`${s.name}: the patch no longer applies to ${s.file}`);
      return t.replace(s.find, s.replace);
    },
  }));
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const mutations = [
  ...(only === 'signals' ? [] : policyMutations()),
  ...(only === 'policy' ? [] : signalMutations()),
];
if (process.argv.includes('--list')) {
  for (const m of mutations) process.stdout.write(`${m.name}\n`);
  process.exit(0);
}

const survivors: string[] = [];
mutations.forEach((m, i) => {
  const path = join(ROOT, m.file);
  const original = readFileSync(path, 'utf8');
  try {
    writeFileSync(path, m.apply(original));
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', '--bail=1', ...FAST_TESTS],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CI: 'true', MOCKOPS_NO_CACHE: '1' },
      },
    );
    const caught = r.status !== 0;
    if (!caught) survivors.push(m.name);
    process.stdout.write(`[${i + 1}/${mutations.length}] ${caught ? 'caught  ' : 'SURVIVED'} ${m.name}\n`);
  } finally {
    writeFileSync(path, original);
  }
});
process.stdout.write(`\n${mutations.length - survivors.length} of ${mutations.length} mutations caught.\n`);
if (survivors.length > 0) {
  process.stdout.write(`Survivors (no test noticed):\n${survivors.map((s) => `  ${s}`).join('\n')}\n`);
  process.exitCode = 1;
}
