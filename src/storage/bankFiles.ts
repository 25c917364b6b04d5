// Adapter: read the question bank from a folder of YAML/JSON files.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { BankFile } from '../core/bank/check.js';
import { parseQuestionText, parseYamlWith } from '../core/bank/parse.js';
import { CommonRedFlags, type RedFlag } from '../core/bank/schema.js';
import type { Problem } from '../core/errors.js';
import { checkIncident } from '../core/incident/check.js';
import { IncidentScenario } from '../core/incident/schema.js';
import { BANK_DIR } from './paths.js';

export const BUILTIN_BANK_DIR = BANK_DIR;

/** The bank's folder of live incident scenarios (not questions). */
export const INCIDENTS_DIR = 'incidents';

export function listFiles(dir: string, top = true): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      // incidents/ holds live incident scenarios, read by readIncidentDir.
      if (!name.startsWith('_') && !(top && name === INCIDENTS_DIR)) out.push(...listFiles(full, false));
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

export interface LoadedIncidents {
  readonly scenarios: Array<{ file: string; scenario: IncidentScenario }>;
  readonly problems: Problem[];
}

/** Read bank/incidents/*.yaml; problems are returned, never thrown. */
export function readIncidentDir(dir: string = BUILTIN_BANK_DIR): LoadedIncidents {
  const root = join(dir, INCIDENTS_DIR);
  const scenarios: LoadedIncidents['scenarios'] = [];
  const problems: Problem[] = [];
  if (!existsSync(root)) return { scenarios, problems };
  for (const name of readdirSync(root).sort()) {
    if (!/\.(ya?ml|json)$/.test(name)) continue;
    const file = `${INCIDENTS_DIR}/${name}`;
    const text = readFileSync(join(root, name), 'utf8');
    const parsed = parseYamlWith(IncidentScenario, file, text);
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const found = checkIncident(file, parsed.value);
    problems.push(...found);
    scenarios.push({ file, scenario: parsed.value });
  }
  const seen = new Map<string, string>();
  for (const { file, scenario } of scenarios) {
    const other = seen.get(scenario.id);
    if (other)
      problems.push({
        code: 'duplicate_id',
        file,
        path: 'id',
        message: `id "${scenario.id}" is also used by ${other}`,
      });
    seen.set(scenario.id, file);
  }
  return { scenarios, problems };
}

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
