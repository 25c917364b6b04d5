// `npx tsx scripts/pair-concepts.ts [--write]`: single-word concepts on key points of weight ≥ 2 are not claims on
// their own ("OIDC" in "we keep OIDC inside the SCP"). This moves each into `pairs`, with partners taken from the
// key point's own text (its content words that are not the question's), and prints what it did. Review the result:
// partners are a starting point an author refines.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { PAIR_WEIGHT } from '../src/core/bank/check.js';
import { isContent, readText } from '../src/core/text/index.js';

const BANK = join(import.meta.dirname, '..', 'bank');
const write = process.argv.includes('--write');
/** Words of a key point's text too general to show that the term is being explained. */
const GENERIC = new Set(
  (
    'use make keep need way thing good also one two three four five get aws check see show list plus everything ' +
    'since only every full month week day add fix first new several all want take give put set run start find ' +
    'know like well able much many lot part case time real right sure instead rather even still whole own same'
  ).split(' '),
);
const PARTNER_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ']);
const MAX_PARTNERS = 8;

const stems = (text: string) =>
  new Set(
    readText(text)
      .tokens.filter(isContent)
      .map((t) => t.stem),
  );

/** Quote a YAML flow scalar only when it needs it. */
const flow = (v: string) =>
  /^[\w][\w .+/-]*$/.test(v) && !/^[\d.+-]+$/.test(v) && !/^(?:yes|no|true|false|null|on|off)$/i.test(v)
    ? v
    : JSON.stringify(v);

let moved = 0;
for (const category of readdirSync(BANK)) {
  const dir = join(BANK, category);
  if (category.startsWith('_') || !statSync(dir).isDirectory()) continue;
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    const file = join(dir, name);
    const source = readFileSync(file, 'utf8');
    const doc = parseDocument(source);
    const question = stems(String(doc.get('text')));
    const kps = doc.get('keyPoints');
    if (!isSeq(kps)) continue;
    // Text edits, applied from the end: the file keeps its layout and comments; only these lines change.
    const edits: Array<{ from: number; to: number; insert: string }> = [];
    for (const kp of kps.items) {
      if (!isMap(kp) || Number(kp.get('weight') ?? 1) < PAIR_WEIGHT) continue;
      const concepts = kp.get('concepts');
      if (!isSeq(concepts) || !concepts.range) continue;
      const text = String(kp.get('text'));
      const lines: string[] = [];
      for (const c of concepts.items) {
        if (!isScalar(c) || !c.range) continue;
        const term = String(c.value);
        if (readText(term).tokens.filter(isContent).length !== 1) continue;
        const own = stems(term);
        const partners: string[] = [];
        const seen = new Set<string>();
        for (const t of readText(text).tokens) {
          if (!isContent(t) || (t.text.length < 3 && !/^[A-Z0-9]{2}$/.test(t.text))) continue;
          if (own.has(t.stem) || question.has(t.stem) || seen.has(t.stem)) continue;
          if (GENERIC.has(t.lemma) || GENERIC.has(t.norm) || !PARTNER_POS.has(t.pos)) continue;
          seen.add(t.stem);
          partners.push(t.text.toLowerCase());
        }
        if (partners.length === 0) continue;
        const lineStart = source.lastIndexOf('\n', c.range[0]) + 1;
        const lineEnd = source.indexOf('\n', c.range[0]) + 1;
        edits.push({ from: lineStart, to: lineEnd, insert: '' });
        const chosen = partners.slice(0, MAX_PARTNERS);
        lines.push(`      - term: ${flow(term)}\n        with: [${chosen.map(flow).join(', ')}]\n`);
        moved++;
        process.stdout.write(`${category}/${name} ${kp.get('id')}: ${term} with ${chosen.join(', ')}\n`);
      }
      if (lines.length === 0) continue;
      const existing = kp.get('pairs');
      if (isSeq(existing) && existing.range) {
        const end = source.lastIndexOf('\n', existing.range[1] - 1) + 1;
        edits.push({ from: end, to: end, insert: lines.join('') });
      } else {
        const end = source.lastIndexOf('\n', concepts.range[1] - 1) + 1;
        edits.push({ from: end, to: end, insert: `    pairs:\n${lines.join('')}` });
      }
    }
    if (edits.length === 0 || !write) continue;
    let out = source;
    for (const e of edits.sort((x, y) => y.from - x.from || y.to - x.to))
      out = out.slice(0, e.from) + e.insert + out.slice(e.to);
    writeFileSync(file, out);
  }
}
process.stdout.write(`${moved} single-word concept(s) ${write ? 'moved' : 'to move (run with --write)'}\n`);
