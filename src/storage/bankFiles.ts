// Adapter: read the question bank from a folder of YAML/JSON files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BankFile } from '../core/bank/check.js';
import { parseQuestionText, parseYamlWith } from '../core/bank/parse.js';
import { CommonRedFlags, type RedFlag } from '../core/bank/schema.js';
import type { Problem } from '../core/errors.js';
import { BANK_DIR } from './paths.js';

export const BUILTIN_BANK_DIR = BANK_DIR;

export function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!name.startsWith('_')) out.push(...listFiles(full));
    } else if (/\.(ya?ml|json)$/.test(name) && !name.startsWith('_') && name !== 'schema.json')
      out.push(full);
  }
  return out;
}

export interface LoadedBank {
  readonly entries: BankFile[];
  readonly commonRedFlags: RedFlag[];
  readonly problems: Problem[];
}

export const COMMON_RED_FLAGS_FILE = '_common/red-flags.yaml';

/** Every file the bank is read from, for fingerprints. */
export function bankSourceFiles(dir: string): string[] {
  const common = join(dir, COMMON_RED_FLAGS_FILE);
  return existsSync(common) ? [...listFiles(dir), common] : listFiles(dir);
}

function readCommonRedFlags(dir: string, problems: Problem[]): RedFlag[] {
  const full = join(dir, COMMON_RED_FLAGS_FILE);
  if (!existsSync(full)) return [];
  const parsed = parseYamlWith(CommonRedFlags, COMMON_RED_FLAGS_FILE, readFileSync(full, 'utf8'));
  if (parsed.ok) return parsed.value;
  problems.push(...parsed.problems);
  return [];
}

/** Read every question file under `dir`; parse problems are returned, never thrown. */
export function readBankDir(dir: string = BUILTIN_BANK_DIR): LoadedBank {
  const entries: BankFile[] = [];
  const problems: Problem[] = [];
  for (const full of listFiles(dir)) {
    const file = relative(dir, full).split(sep).join('/');
    let text: string;
    try {
      text = readFileSync(full, 'utf8');
    } catch (err) {
      problems.push({
        code: 'yaml_syntax',
        file,
        path: '',
        message: `cannot read: ${(err as Error).message}`,
      });
      continue;
    }
    const result = parseQuestionText(file, text);
    if (result.ok) entries.push({ file, question: result.question });
    else problems.push(...result.problems);
  }
  return { entries, commonRedFlags: readCommonRedFlags(dir, problems), problems };
}
