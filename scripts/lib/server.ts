// For benchmarks: the bundled server as its own process on a random loopback port, with a fresh home.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

/** Rebuild the bundle so the measurement is of what users run, not the TypeScript fallback. */
export function buildBundle(): void {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export async function startServerProcess(
  name: string,
): Promise<{ process: ChildProcess; port: number; base: string }> {
  const port = 30_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(
    process.execPath,
    [join(ROOT, 'bin', 'mockops.js'), 'serve', '--no-build', '--port', String(port)],
    {
      env: { ...process.env, MOCKOPS_HOME: mkdtempSync(join(tmpdir(), `mockops-${name}-`)) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d) => {
      out += String(d);
      if (out.includes('running at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return { process: child, port, base: `http://127.0.0.1:${port}/` };
}
