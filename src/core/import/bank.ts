// Our own bank format (YAML or JSON): one question object, an array of them, several YAML documents, or
// `{ questions: [...] }`. Objects that look like bank questions are checked against the schema; plain
// `{ question, answer }` objects and bare strings are accepted too.
import { type Document, parseAllDocuments } from 'yaml';
import { lineOf, pathToString } from '../bank/parse.js';
import { Question } from '../bank/schema.js';
import { collapseAll } from './markup.js';
import type { ImportedQuestion, Warnings } from './types.js';

const BANK_KEYS = ['id', 'keyPoints', 'modelAnswers', 'zh', 'redFlags', 'followUps', 'kind'];
const TEXT_KEYS = ['text', 'question', 'q', 'front', 'prompt'];
const ANSWER_KEYS = ['answer', 'a', 'back', 'reference', 'modelAnswer'];
const SECTION_KEYS = ['category', 'section', 'topic'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function firstString(o: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return undefined;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

export function parseBank(text: string, w: Warnings): ImportedQuestion[] {
  const out: ImportedQuestion[] = [];
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true });
  const list: Document[] = Array.isArray(docs) ? docs : [];
  for (const doc of list) {
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const pos = e.pos?.[0];
        w.add(
          'syntax',
          e.linePos?.[0]?.line ?? (pos === undefined ? 1 : lineAt(text, pos)),
          `not valid YAML/JSON: ${e.message.split('\n')[0] ?? ''}`,
        );
      }
      continue;
    }
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      const pos = doc.contents?.range?.[0];
      w.add(
        'syntax',
        pos === undefined ? 1 : lineAt(text, pos),
        `cannot read this document: ${e instanceof Error ? e.message : String(e)}`,
      );
      continue;
    }
    if (js === null || js === undefined) continue;
    let items: unknown[];
    let base: PropertyKey[];
    if (Array.isArray(js)) {
      items = js;
      base = [];
    } else if (isRecord(js) && Array.isArray(js.questions)) {
      items = js.questions;
      base = ['questions'];
    } else {
      items = [js];
      base = [];
    }
    const single = !Array.isArray(js) && base.length === 0;
    items.forEach((item, i) => {
      const path = single ? [] : [...base, i];
      const where = lineOf(doc, text, path) ?? 1;
      const label = single ? 'the question' : `question ${pathToString(path)}`;
      if (typeof item === 'string') {
        const t = collapseAll(item);
        if (t) out.push({ text: t, line: where });
        return;
      }
      if (!isRecord(item)) {
        w.add('invalid', where, `${label} is not an object or a string; skipped`);
        return;
      }
      const textLine = lineOf(doc, text, [...path, 'text']) ?? where;
      if (BANK_KEYS.some((k) => k in item)) {
        const parsed = Question.safeParse(item);
        if (parsed.success) {
          const q = parsed.data;
          out.push({
            text: collapseAll(q.text),
            answer: q.modelAnswers.full.trim(),
            line: textLine,
            section: q.category,
            level: q.level,
          });
          return;
        }
        const issues = parsed.error.issues;
        for (const issue of issues.slice(0, 3)) {
          const p = [...path, ...(issue.path as PropertyKey[])];
          w.add(
            'schema',
            lineOf(doc, text, p) ?? where,
            `${label}: ${pathToString(issue.path as PropertyKey[]) || '(root)'}: ${issue.message}`,
          );
        }
        if (issues.length > 3)
          w.add('schema', where, `${label}: ${issues.length - 3} more schema problem(s)`);
      }
      const t = firstString(item, TEXT_KEYS);
      if (!t) {
        w.add('invalid', where, `${label} has no question text; skipped`);
        return;
      }
      const key = TEXT_KEYS.find((k) => item[k] === t) ?? 'text';
      const q: ImportedQuestion = { text: collapseAll(t), line: lineOf(doc, text, [...path, key]) ?? where };
      const ma = item.modelAnswers;
      const answer =
        (isRecord(ma) ? firstString(ma, ['full', 'quick']) : undefined) ?? firstString(item, ANSWER_KEYS);
      if (answer) q.answer = answer.trim();
      const lv = item.level;
      if (lv === 1 || lv === 2 || lv === 3) q.level = lv;
      const section = firstString(item, SECTION_KEYS);
      if (section) q.section = collapseAll(section);
      out.push(q);
    });
  }
  return out;
}
