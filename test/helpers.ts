// Test helpers: run the real CLI in a child process with its own MOCKOPS_HOME.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export const ROOT = join(import.meta.dirname, '..');

const created: string[] = [];
// Temporary homes go after each test file, so runs do not pile up folders in /tmp.
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempHome(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mockops-test-'));
  created.push(dir);
  return dir;
}

export function cli(
  args: string[],
  options: { input?: string; home?: string; env?: Record<string, string> } = {},
) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'mockops.js'), ...args], {
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, MOCKOPS_HOME: options.home ?? tempHome(), NO_COLOR: '1', ...options.env },
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
