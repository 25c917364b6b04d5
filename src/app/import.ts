// Importing question collections: read files and folders, decode any encoding, parse, de-duplicate against the
// bank and earlier imports, and save everything in one transaction (or nothing).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { InputError } from '../core/errors.js';
import {
  type ImportedQuestion,
  normaliseForDedupe,
  parseImport,
  restatementFinder,
} from '../core/import/index.js';
import { DecodeError, decodeBytes } from '../import/decode.js';
import type { ImportedRecord } from '../storage/store.js';
import type { AppContext } from './context.js';

/** Files over this size are refused (the largest real collection we know is about 270 KB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
const FOLDER_EXTENSIONS = new Set(['.md', '.markdown', '.txt', '.yaml', '.yml', '.json', '.csv', '.tsv']);
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist']);

export interface ImportSource {
  /** Shown in reports and kept as provenance. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Set instead of reading the bytes when the file is over MAX_IMPORT_BYTES. */
  readonly tooLarge?: number;
  /** Set instead of the bytes when there is nothing to read at this path (a folder with no importable files). */
  readonly problem?: string;
}

export interface FileReport {
  readonly path: string;
  readonly format: string | null;
  readonly encoding: string | null;
  readonly repaired: boolean;
  /** The decoded (and repaired) text. */
  readonly text: string;
  readonly questions: readonly ImportedQuestion[];
  readonly warnings: ReadonlyArray<{ line: number; message: string }>;
  /** Characters the encoding repair was unsure of, for review. */
  readonly unsure: ReadonlyArray<{ line: number; column: number; from: string; to: string }>;
  readonly error: string | null;
}

export interface SkippedQuestion {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface ImportReport {
  readonly dryRun: boolean;
  readonly importId: string | null;
  readonly files: FileReport[];
  readonly imported: number;
  readonly importedIds: string[];
  readonly skipped: SkippedQuestion[];
  readonly kept: SkippedQuestion[];
}

/** Every file under the given paths (folders recursively, only question-like extensions there). */
export function collectFiles(paths: readonly string[]): ImportSource[] {
  const files: Array<{ path: string; problem?: string }> = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && FOLDER_EXTENSIONS.has(extname(entry.name).toLowerCase()))
        files.push({ path: full });
    }
  };
  for (const p of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(p);
    } catch {
      throw new InputError(`cannot read ${p}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const before = files.length;
      walk(p);
      if (files.length === before)
        files.push({
          path: p,
          problem: `no importable files in ${p} (looked for ${[...FOLDER_EXTENSIONS].join(' ')} files, sub-folders included)`,
        });
    } else files.push({ path: p });
  }
  return files.map(({ path, problem }) => {
    if (problem !== undefined) return { path, bytes: new Uint8Array(0), problem };
    const size = statSync(path).size;
    return size > MAX_IMPORT_BYTES
      ? { path, bytes: new Uint8Array(0), tooLarge: size }
      : { path, bytes: readFileSync(path) };
  });
}

function recordId(key: string, answer: string | undefined): string {
  return `imp-${createHash('sha256')
    .update(`${key}\n${normaliseForDedupe(answer ?? '')}`)
    .digest('hex')
    .slice(0, 12)}`;
}

function readSource(source: ImportSource): FileReport {
  const base: FileReport = {
    path: source.path,
    format: null,
    encoding: null,
    repaired: false,
    text: '',
    questions: [],
    warnings: [],
    unsure: [],
    error: null,
  };
  if (source.problem !== undefined) return { ...base, error: source.problem };
  if (source.tooLarge !== undefined) {
    return {
      ...base,
      error: `${source.path}: the file is ${(source.tooLarge / 1024 / 1024).toFixed(1)} MiB; the limit is ${MAX_IMPORT_BYTES / 1024 / 1024} MiB`,
    };
  }
  let decoded: ReturnType<typeof decodeBytes>;
  try {
    decoded = decodeBytes(source.bytes);
  } catch (err) {
    const why = err instanceof DecodeError ? err.message : `cannot decode: ${(err as Error).message}`;
    return { ...base, error: `${source.path}: ${why}` };
  }
  const parsed = parseImport(decoded.text, basename(source.path));
  const warnings = [...decoded.warnings.map((message) => ({ line: 1, message })), ...parsed.warnings];
  if (decoded.unsure.length > 0) {
    warnings.push({
      line: decoded.unsure[0]?.line ?? 1,
      message: `${decoded.unsure.length} repaired character(s) are uncertain; review them (listed in "unsure")`,
    });
  }
  return {
    ...base,
    format: parsed.format,
    encoding: decoded.encoding,
    repaired: decoded.repaired,
    text: decoded.text,
    questions: parsed.questions,
    warnings,
    unsure: decoded.unsure.map((u) => ({ line: u.line, column: u.column, from: u.from, to: u.to })),
    error:
      parsed.questions.length === 0 && decoded.text.trim() === ''
        ? `${source.path}: the file is empty`
        : null,
  };
}

/**
 * Import sources. De-duplication is by normalised question text: the same text with the same answer (or no
 * answer) is skipped with the reason; the same text with a different answer is kept, and reported.
 */
export function importSources(
  ctx: AppContext,
  sources: readonly ImportSource[],
  options: { dryRun: boolean; base?: string; onFile?: (done: number, total: number) => void },
): ImportReport {
  const files = sources.map((source, i) => {
    const report = readSource(source);
    options.onFile?.(i + 1, sources.length);
    return report;
  });
  const now = ctx.now().toISOString();
  const importId = `import-${createHash('sha256')
    .update(`${now}${sources.map((s) => s.path).join('|')}`)
    .digest('hex')
    .slice(0, 10)}`;
  const skipped: SkippedQuestion[] = [];
  const kept: SkippedQuestion[] = [];
  const bankTexts = new Map(ctx.builtin.questions.map((q) => [normaliseForDedupe(q.text), q.id]));
  const restated = restatementFinder(ctx.builtin.questions);
  const seen = new Map<string, { answer: string; file: string; line: number }[]>();
  for (const r of ctx.store.listImported())
    seen.set(r.dedupeKey, [
      ...(seen.get(r.dedupeKey) ?? []),
      { answer: normaliseForDedupe(r.answer ?? ''), file: r.sourceFile, line: r.sourceLine },
    ]);
  const records: ImportedRecord[] = [];
  for (const f of files) {
    const shown = options.base ? relative(options.base, f.path) || f.path : f.path;
    for (const q of f.questions) {
      const key = normaliseForDedupe(q.text);
      if (!key) continue;
      const inBank = bankTexts.get(key);
      const sameTopic = inBank ? undefined : restated(q);
      if (inBank || sameTopic) {
        skipped.push({
          text: q.text,
          file: shown,
          line: q.line,
          reason: inBank
            ? `already in the built-in bank as "${inBank}"`
            : `already in the built-in bank as "${sameTopic?.id}" (this title restates that question)`,
        });
        continue;
      }
      const answer = normaliseForDedupe(q.answer ?? '');
      const earlier = seen.get(key) ?? [];
      const same = earlier.find((e) => e.answer === answer || !answer);
      if (same) {
        skipped.push({
          text: q.text,
          file: shown,
          line: q.line,
          reason: `duplicate of ${same.file}:${same.line}`,
        });
        continue;
      }
      if (earlier.length > 0) {
        const first = earlier[0] as { file: string; line: number };
        kept.push({
          text: q.text,
          file: shown,
          line: q.line,
          reason: `same question as ${first.file}:${first.line} with a different answer: kept both`,
        });
      }
      seen.set(key, [...earlier, { answer, file: shown, line: q.line }]);
      records.push({
        id: recordId(key, q.answer),
        importId,
        text: q.text,
        answer: q.answer ?? null,
        section: q.section ?? null,
        level: q.level ?? null,
        sourceFile: shown,
        sourceLine: q.line,
        dedupeKey: key,
        keyPoints: [],
        createdAt: now,
      });
    }
  }
  if (!options.dryRun && records.length > 0) {
    ctx.store.transaction(() =>
      ctx.store.insertImport(
        importId,
        now,
        files.map((f) => ({
          path: f.path,
          format: f.format,
          encoding: f.encoding,
          questions: f.questions.length,
          error: f.error,
        })),
        records,
      ),
    );
    ctx.refreshImported();
  }
  return {
    dryRun: options.dryRun,
    importId: options.dryRun || records.length === 0 ? null : importId,
    files,
    imported: records.length,
    importedIds: records.map((r) => r.id),
    skipped,
    kept,
  };
}
