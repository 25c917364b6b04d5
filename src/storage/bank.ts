// Load and check the bank from disk: the adapter between bank files and the pure bank model.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import {
  commonFlagsCheck,
  consistencyCheck,
  selfConsistencyCheck,
  staleCheck,
} from '../core/analysis/selfCheck.js';
import { importTermModel } from '../core/analysis/signals/coherence.js';
import { importLexicon } from '../core/analysis/signals/grammar.js';
import { type BankFile, checkBank, type QuestionCheck } from '../core/bank/check.js';
import { type Bank, createBank } from '../core/bank/index.js';
import { lineOf } from '../core/bank/parse.js';
import type { Question, RedFlag } from '../core/bank/schema.js';
import { BankError, type Problem } from '../core/errors.js';
import { bankFingerprint, readBankCache, writeBankCache } from './bankCache.js';
import { BUILTIN_BANK_DIR, bankSourceFiles, readBankDir, readIncidentDir } from './bankFiles.js';

export function checkBankDir(
  dir: string = BUILTIN_BANK_DIR,
  options: { adversarial?: boolean; stale?: Date; only?: readonly string[] } = {},
): {
  problems: Problem[];
  count: number;
  entries: BankFile[];
} {
  const { entries, commonRedFlags, problems } = readBankDir(dir);
  const questions = entries.map((e) => e.question);
  problems.push(
    ...withLines(
      dir,
      checkBank(entries, [
        onlyFor(options.only, selfConsistencyCheck(commonRedFlags, questions, options.adversarial ?? false)),
      ]),
    ),
  );
  const technical = questions.find((q) => q.kind === 'technical');
  problems.push(...withLines(dir, commonFlagsCheck(commonRedFlags, technical)));
  problems.push(...withLines(dir, consistencyCheck(entries, commonRedFlags)));
  if (options.stale) problems.push(...staleCheck(entries, options.stale));
  const incidents = readIncidentDir(dir);
  problems.push(...withLines(dir, incidents.problems));
  return {
    problems,
    count:
      entries.length +
      new Set(problems.filter((p) => p.code === 'schema' || p.code === 'yaml_syntax').map((p) => p.file))
        .size,
    entries,
  };
}

/**
 * `--only`: run the per-question self-checks (the slow part) only on the named questions (id or category/id);
 * the schema, ids and cross-question checks still cover the whole bank.
 */
function onlyFor(only: readonly string[] | undefined, check: QuestionCheck): QuestionCheck {
  if (!only || only.length === 0) return check;
  const wanted = new Set(only);
  return (entry) =>
    wanted.has(entry.question.id) || wanted.has(`${entry.question.category}/${entry.question.id}`)
      ? check(entry)
      : [];
}

/** "keyPoints[2].pairs[0].with" → ['keyPoints', 2, 'pairs', 0, 'with']. */
function parsePath(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''),
  );
}

/** Semantic problems name a field; give them the line of that field in the file too. */
function withLines(dir: string, problems: Problem[]): Problem[] {
  const docs = new Map<string, { doc: ReturnType<typeof parseDocument>; text: string } | null>();
  return problems.map((p) => {
    if (p.line !== undefined || !p.path || p.file === '.') return p;
    if (!docs.has(p.file)) {
      try {
        const text = readFileSync(join(dir, p.file), 'utf8');
        docs.set(p.file, { doc: parseDocument(text), text });
      } catch {
        docs.set(p.file, null);
      }
    }
    const d = docs.get(p.file);
    const line = d ? lineOf(d.doc, d.text, parsePath(p.path)) : undefined;
    return line === undefined ? p : { ...p, line };
  });
}

/** Load a bank for use; refuses (BankError) when any file is broken, naming the file and field. */
export function loadBank(dir: string = BUILTIN_BANK_DIR): Bank {
  const fingerprint = bankFingerprint(dir, bankSourceFiles(dir));
  const cached = fingerprint ? readBankCache(dir, fingerprint) : null;
  if (cached) {
    const bank = createBank(cached.questions as Question[], cached.commonRedFlags as RedFlag[]);
    if (cached.termModel) importTermModel(bank.questions, cached.termModel);
    if (cached.grammarLexicon) importLexicon(bank.questions, cached.grammarLexicon);
    return bank;
  }
  const { entries, commonRedFlags, problems } = readBankDir(dir);
  const structural = [...problems, ...checkBank(entries, [], false)];
  if (structural.length > 0) throw new BankError(structural);
  const bank = createBank(
    entries.map((e) => e.question),
    commonRedFlags,
  );
  if (fingerprint) writeBankCache(dir, fingerprint, bank);
  return bank;
}
