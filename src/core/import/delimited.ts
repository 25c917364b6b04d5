// CSV / TSV, including Anki's plain-text exports: RFC 4180 quoting (embedded delimiters, doubled quotes,
// newlines), an optional header row (question,answer / front,back), Anki's "#key:value" header lines
// (#separator, #html, #columns, #deck column, #tags column, …), '#' comment lines, HTML fields.
import { headingLevel } from './levels.js';
import { htmlToText } from './markup.js';
import type { ImportedQuestion, Warnings } from './types.js';

const Q_HEADERS = ['question', 'questions', 'q', 'front', 'prompt', 'text', 'term', 'title', '问题', '题目'];
const A_HEADERS = [
  'answer',
  'answers',
  'a',
  'back',
  'response',
  'definition',
  'solution',
  'reference',
  'model answer',
  'reference answer',
  '答案',
  '回答',
];
const S_HEADERS = ['section', 'category', 'topic', 'deck', 'subject'];
const L_HEADERS = ['level', 'difficulty'];

const SEPARATORS: Record<string, string> = {
  tab: '\t',
  comma: ',',
  semicolon: ';',
  pipe: '|',
  space: ' ',
  colon: ':',
};

interface Anki {
  separator?: string;
  html?: boolean;
  columns?: string[];
  special: Map<number, 'guid' | 'notetype' | 'deck' | 'tags'>;
}

interface Row {
  fields: string[];
  line: number;
}

function readAnkiHeader(text: string): Anki {
  const anki: Anki = { special: new Map() };
  let from = 0;
  while (from < text.length && text[from] === '#') {
    const end = text.indexOf('\n', from);
    const line = text.slice(from, end === -1 ? text.length : end);
    const m = /^#([a-z][a-z ]{0,40}):(.*)$/i.exec(line);
    if (m) {
      const key = (m[1] ?? '').trim().toLowerCase();
      const value = (m[2] ?? '').trim();
      if (key === 'separator')
        anki.separator = SEPARATORS[value.toLowerCase()] ?? (value.length === 1 ? value : undefined);
      else if (key === 'html') anki.html = value.toLowerCase() !== 'false';
      else if (key === 'columns') anki.columns = [value];
      else {
        const col = /^(guid|notetype|deck|tags) column$/.exec(key);
        const n = Number.parseInt(value, 10);
        if (col && n >= 1) anki.special.set(n - 1, col[1] as 'guid' | 'notetype' | 'deck' | 'tags');
      }
    }
    if (end === -1) break;
    from = end + 1;
  }
  return anki;
}

function sniff(text: string, preferred: string): string {
  const sample = text
    .split('\n', 200)
    .filter((l) => l.trim() && !l.startsWith('#'))
    .slice(0, 20);
  if (sample.length === 0) return preferred;
  const share = (d: string): number => sample.filter((l) => l.includes(d)).length / sample.length;
  if (share(preferred) >= 0.5) return preferred;
  for (const d of ['\t', ',', ';', '|']) if (share(d) >= 0.8) return d;
  return preferred;
}

function parseRows(text: string, delim: string, w: Warnings): Row[] {
  const rows: Row[] = [];
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    if (text[i] === '#') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? n : end + 1;
      line++;
      continue;
    }
    const rowLine = line;
    const fields: string[] = [];
    for (;;) {
      let field = '';
      let j = i;
      if (delim !== ' ' && delim !== '\t') while (text[j] === ' ') j++;
      if (text[j] === '"') {
        const quoteLine = line;
        i = j + 1;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            const rest = text.slice(i);
            field += rest;
            line += rest.split('\n').length - 1;
            i = n;
            w.add('csv', quoteLine, 'a quoted field is never closed; it runs to the end of the file');
            break;
          }
          const chunk = text.slice(i, q);
          field += chunk;
          for (let k = chunk.indexOf('\n'); k !== -1; k = chunk.indexOf('\n', k + 1)) line++;
          if (text[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Lenient: text after the closing quote, up to the delimiter, belongs to the field.
        let k = i;
        while (k < n && text[k] !== delim && text[k] !== '\n') k++;
        field += text.slice(i, k);
        i = k;
      } else {
        let k = i;
        while (k < n && text[k] !== delim && text[k] !== '\n') k++;
        field = text.slice(i, k);
        i = k;
      }
      fields.push(field);
      if (i < n && text[i] === delim) {
        i++;
        continue;
      }
      if (i < n && text[i] === '\n') {
        i++;
        line++;
      }
      break;
    }
    if (fields.some((f) => f.trim())) rows.push({ fields, line: rowLine });
  }
  return rows;
}

function cleanField(s: string, html: boolean, multiline: boolean): string {
  let t = s.replace(/\{\{c\d+::([\s\S]*?)(?:::[^{}]*)?\}\}/g, '$1').replace(/\[sound:[^\]]*\]/g, '');
  if (html) return htmlToText(t, multiline);
  t = t
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l)
    .join(multiline ? '\n' : ' ');
  return t;
}

export function parseDelimited(
  text: string,
  ext: string,
  w: Warnings,
): { format: 'csv' | 'tsv'; questions: ImportedQuestion[] } {
  const anki = readAnkiHeader(text);
  const preferred = ext === 'tsv' || ext === 'tab' ? '\t' : ',';
  const delim =
    anki.separator ?? sniff(text, ext === 'csv' || ext === 'tsv' || ext === 'tab' ? preferred : '\t');
  const format = delim === '\t' ? 'tsv' : 'csv';
  const html = anki.html ?? true;
  const rows = parseRows(text, delim, w);

  let qi = -1;
  let ai = -1;
  let si = -1;
  let li = -1;
  let first = 0;
  const names = anki.columns?.[0]?.split(delim).map((c) => c.trim().toLowerCase());
  const header = names ?? rows[0]?.fields.map((f) => f.trim().toLowerCase());
  if (header) {
    const q = header.findIndex((h) => Q_HEADERS.includes(h));
    const a = header.findIndex((h) => A_HEADERS.includes(h));
    if (q >= 0 && (a >= 0 || header.length === 1)) {
      qi = q;
      ai = a;
      si = header.findIndex((h) => S_HEADERS.includes(h));
      li = header.findIndex((h) => L_HEADERS.includes(h));
      if (!names) first = 1;
    }
  }
  if (qi < 0) {
    const free: number[] = [];
    const width = Math.max(2, ...rows.slice(0, 50).map((r) => r.fields.length));
    for (let c = 0; c < width + anki.special.size; c++) if (!anki.special.has(c)) free.push(c);
    qi = free[0] ?? 0;
    ai = free[1] ?? 1;
  }
  for (const [col, kind] of anki.special) if (kind === 'deck' && si < 0) si = col;

  const out: ImportedQuestion[] = [];
  for (const row of rows.slice(first)) {
    const text = cleanField(row.fields[qi] ?? '', html, false);
    if (!text) {
      w.add('csv', row.line, 'a row without a question; skipped');
      continue;
    }
    const q: ImportedQuestion = { text, line: row.line };
    const answer = ai >= 0 ? cleanField(row.fields[ai] ?? '', html, true) : '';
    if (answer) q.answer = answer;
    const section = si >= 0 ? cleanField(row.fields[si] ?? '', html, false) : '';
    if (section) q.section = section;
    if (li >= 0) {
      const raw = (row.fields[li] ?? '').trim();
      const lv = /^[123]$/.test(raw) ? (Number(raw) as 1 | 2 | 3) : headingLevel(raw);
      if (lv) q.level = lv;
    }
    out.push(q);
  }
  return { format, questions: out };
}
