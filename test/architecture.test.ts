// The core is pure: nothing under src/core may import I/O, storage, server, CLI or web code.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const CORE = join(import.meta.dirname, '..', 'src', 'core');
const FORBIDDEN = [
  /^node:/,
  /^(fs|path|os|child_process|net|http|https|worker_threads)$/,
  /^better-sqlite3$/,
  /^hono/,
  /^@hono\//,
  /^react/,
  /\/(storage|server|cli|app)\//,
  /\/web\//,
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory()
      ? files(full)
      : full.endsWith('.ts') && !full.endsWith('.test.ts')
        ? [full]
        : [];
  });
}

function importsOf(source: string): string[] {
  const specs: string[] = [];
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s*['"]([^'"]+)['"]/g))
    specs.push(m[1] as string);
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) specs.push(m[1] as string);
  for (const m of source.matchAll(/(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)) specs.push(m[1] as string);
  return specs;
}

describe('architecture', () => {
  it('finds the core files and reads their imports', () => {
    const all = files(CORE);
    expect(all.length).toBeGreaterThan(10);
    expect(importsOf("import { x } from 'node:fs';\nexport * from '../storage/db.js';")).toEqual([
      'node:fs',
      '../storage/db.js',
    ]);
  });

  it('src/core imports no adapter and no I/O module', () => {
    const offenders: string[] = [];
    for (const file of files(CORE)) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        if (FORBIDDEN.some((re) => re.test(spec))) offenders.push(`${relative(CORE, file)} imports ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('adapters', () => {
  const SRC = join(import.meta.dirname, '..', 'src');
  it('the server and the app handlers import nothing from the CLI', () => {
    const offenders: string[] = [];
    for (const dir of ['server', 'app'])
      for (const file of files(join(SRC, dir)))
        for (const spec of importsOf(readFileSync(file, 'utf8')))
          if (/\/cli\//.test(spec)) offenders.push(`${relative(SRC, file)} imports ${spec}`);
    expect(offenders).toEqual([]);
  });

  it('no surface retypes a score band: they come from the policy', () => {
    const offenders: string[] = [];
    const surfaces = [
      ...files(join(SRC, 'cli')),
      ...files(join(SRC, 'app')),
      ...files(join(SRC, 'core', 'interview')),
      ...files(join(SRC, 'core', 'schedule')),
    ];
    for (const file of surfaces) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/score\S*\s*[<>]=?\s*(\d{2})\b/g))
        offenders.push(`${relative(SRC, file)}: ${m[0]}`);
    }
    expect(offenders).toEqual([]);
  });
});
