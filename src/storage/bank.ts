// Load and check the bank from disk: the adapter between bank files and the pure bank model.

import { selfConsistencyCheck } from '../core/analysis/selfCheck.js';
import { type BankFile, checkBank } from '../core/bank/check.js';
import { type Bank, createBank } from '../core/bank/index.js';
import type { Question, RedFlag } from '../core/bank/schema.js';
import { BankError, type Problem } from '../core/errors.js';
import { bankFingerprint, readBankCache, writeBankCache } from './bankCache.js';
import { BUILTIN_BANK_DIR, bankSourceFiles, readBankDir } from './bankFiles.js';

export function checkBankDir(dir: string = BUILTIN_BANK_DIR): {
  problems: Problem[];
  count: number;
  entries: BankFile[];
} {
  const { entries, commonRedFlags, problems } = readBankDir(dir);
  problems.push(...checkBank(entries, [selfConsistencyCheck(commonRedFlags)]));
  return {
    problems,
    count:
      entries.length +
      new Set(problems.filter((p) => p.code === 'schema' || p.code === 'yaml_syntax').map((p) => p.file))
        .size,
    entries,
  };
}

/** Load a bank for use; refuses (BankError) when any file is broken, naming the file and field. */
export function loadBank(dir: string = BUILTIN_BANK_DIR): Bank {
  const fingerprint = bankFingerprint(dir, bankSourceFiles(dir));
  const cached = fingerprint ? readBankCache(dir, fingerprint) : null;
  if (cached) return createBank(cached.questions as Question[], cached.commonRedFlags as RedFlag[]);
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
