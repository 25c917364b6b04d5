// Parse one bank file (YAML or JSON text) into a Question, or into problems that name the place.
import { type Document, isNode, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Problem } from '../errors.js';
import { Question } from './schema.js';

export type ParseResult = { ok: true; question: Question } | { ok: false; problems: Problem[] };

export function pathToString(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The 1-based line of the node at `path`, or of its nearest existing parent. */
export function lineOf(doc: Document, text: string, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true);
    if (isNode(node) && node.range) return lineAt(text, node.range[0]);
  }
  return undefined;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

/** Parse YAML (or JSON) text with a schema; every problem names the file, the field path and the line. */
export function parseYamlWith<T>(schema: z.ZodType<T>, file: string, text: string): Parsed<T> {
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        code: 'yaml_syntax' as const,
        file,
        path: '',
        line: e.linePos?.[0]?.line,
        message: `not valid YAML: ${e.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const parsed = schema.safeParse(doc.toJS());
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => ({
      code: 'schema' as const,
      file,
      path: pathToString(issue.path),
      line: lineOf(doc, text, issue.path),
      message: issue.message,
    })),
  };
}

export function parseQuestionText(file: string, text: string): ParseResult {
  const r = parseYamlWith(Question, file, text);
  return r.ok ? { ok: true, question: r.value } : r;
}
