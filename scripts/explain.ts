// `npx tsx scripts/explain.ts <graded-id> [file]`: how the engine read one graded answer, clause by clause (for
// tuning on the tuning half: coherence of each clause, relations, coverage evidence and the measures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runAnalysis } from '../src/app/analysis.js';
import { cleanAnswer } from '../src/core/analysis/index.js';
import { clausesOf } from '../src/core/analysis/signals/clauses.js';
import { coherence, relationsOf, termModel } from '../src/core/analysis/signals/coherence.js';
import { readText } from '../src/core/text/index.js';
import { loadBank } from '../src/storage/bank.js';

const [id, file = join(import.meta.dirname, '..', 'test', 'fixtures', 'graded', 'blind-answers.jsonl')] =
  process.argv.slice(2);
const row = readFileSync(file, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l))
  .find((r) => r.id === id);
if (!row) throw new Error(`no graded answer "${id}" in ${file}`);
if (row.split === 'test') throw new Error(`"${id}" is in the test half: explain only tuning answers`);
const bank = loadBank();
const q = row.questionId ? bank.byId(row.questionId) : bank.byText(row.question);
if (!q) throw new Error(`question not in the bank: ${row.question}`);
const a = runAnalysis(bank, { questionId: q.id, text: row.answer });
const doc = readText(cleanAnswer(row.answer));
const clauses = clausesOf(doc);
const model = termModel(bank.questions, bank.commonRedFlags);
const c = coherence(doc, clauses, model);
const bad = new Set(c.unexplained.map((u) => u.clause.index));
console.log(`${id}  grade ${row.grade}  score ${a.score}`);
for (const j of c.clauses) {
  const text = doc.text.slice(doc.tokens[j.clause.from]?.start ?? 0, doc.tokens[j.clause.to - 1]?.end ?? 0);
  console.log(
    `${bad.has(j.clause.index) ? 'X' : ' '} [${j.allAttested}/${j.allPairs}] ${text}\n      terms: ${j.terms.join(' | ')}`,
  );
}
for (const r of relationsOf(doc, clauses, model))
  console.log(`  rel ${r.attested ? 'ok ' : 'BAD'} ${r.subject} -${r.verb}-> ${r.object ?? ''}`);
for (const k of a.coverage)
  console.log(
    `  kp ${k.status.padEnd(8)} ${String(k.basis ?? '').padEnd(12)} ${k.id}: ${k.evidence.map((e) => JSON.stringify(e.text)).join(' ')}`,
  );
console.log(a.measures);
