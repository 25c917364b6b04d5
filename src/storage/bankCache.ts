// A warm start for the bank: the parsed, validated bank and the compiled rubric stems, saved under
// $MOCKOPS_HOME/cache and reused while neither the bank files nor the running bundle have changed.
// Only the bundled build uses it (from source, code changes too often to key a cache on).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { compileRedFlags, compileRubric } from '../core/analysis/rubric.js';
import { exportTermModel, termModel } from '../core/analysis/signals/coherence.js';
import { bankLexicon, exportLexicon } from '../core/analysis/signals/grammar.js';
import { exportStemCache, importStemCache } from '../core/analysis/stemCache.js';
import type { Bank } from '../core/bank/index.js';
import { mockopsHome } from './db.js';

const CacheFile = z.object({
  fingerprint: z.string(),
  questions: z.array(z.unknown()),
  commonRedFlags: z.array(z.unknown()),
  stems: z.object({
    phrases: z.array(z.tuple([z.string(), z.array(z.string())])),
    texts: z.array(z.tuple([z.string(), z.array(z.string())])),
  }),
  /** The term model learned from the bank (signals/coherence.ts): learning it reads every text once. */
  termModel: z
    .object({
      terms: z.array(z.tuple([z.string(), z.array(z.array(z.string()))])),
      vocabulary: z.array(z.string()),
      pairs: z.array(z.number()),
      ids: z.array(z.string()),
      named: z.array(z.string()),
      relations: z.array(z.string()),
      keyPointFrequency: z.array(z.tuple([z.string(), z.number()])),
      keyPoints: z.number(),
    })
    .optional(),
  /** The grammar checker's lexicon learned from the bank (signals/grammar.ts). */
  grammarLexicon: z
    .object({
      bare: z.array(z.string()),
      bareOften: z.array(z.string()),
      countable: z.array(z.string()),
      counted: z.array(z.string()),
    })
    .optional(),
});
export type BankCacheData = z.infer<typeof CacheFile>;

function runningBundle(): string | null {
  const file = fileURLToPath(import.meta.url);
  return file.endsWith('.mjs') ? file : null;
}

/** Fingerprint of the bank files (path, size, mtime) and of the running bundle; null when caching is off. */
export function bankFingerprint(dir: string, files: readonly string[]): string | null {
  const bundle = runningBundle();
  if (!bundle || process.env.MOCKOPS_NO_CACHE === '1') return null;
  const hash = createHash('sha256').update(`${bundle}:${statSync(bundle).mtimeMs}\n${dir}\n`);
  for (const f of files) {
    const s = statSync(f);
    hash.update(`${f}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

function cachePath(dir: string): string {
  return join(
    mockopsHome(),
    'cache',
    `bank-${createHash('sha256').update(dir).digest('hex').slice(0, 16)}.json`,
  );
}

/** The cached bank for this fingerprint, or null (missing, stale or unreadable: the caller parses the files). */
export function readBankCache(dir: string, fingerprint: string): BankCacheData | null {
  try {
    const parsed = CacheFile.safeParse(JSON.parse(readFileSync(cachePath(dir), 'utf8')));
    if (!parsed.success || parsed.data.fingerprint !== fingerprint) return null;
    importStemCache(parsed.data.stems);
    return parsed.data;
  } catch {
    return null;
  }
}

/** Compile every rubric once and save; failures (read-only home) only cost the warm start. */
export function writeBankCache(dir: string, fingerprint: string, bank: Bank): void {
  try {
    for (const q of bank.questions) compileRubric(q);
    compileRedFlags(bank.commonRedFlags);
    const data = {
      fingerprint,
      questions: bank.questions,
      commonRedFlags: bank.commonRedFlags,
      termModel: exportTermModel(termModel(bank.questions, bank.commonRedFlags)),
      grammarLexicon: exportLexicon(bankLexicon(bank.questions)),
      stems: exportStemCache(),
    };
    const file = cachePath(dir);
    mkdirSync(join(file, '..'), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(data));
    renameSync(tmp, file);
  } catch {
    // A cache is an optimisation: never fail a command over it.
  }
}
