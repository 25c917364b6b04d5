// `mockops serve` and `mockops start`: the web coach on http://127.0.0.1:4317/ (start builds the web app first if needed).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createContext } from '../../app/context.js';
import { MockopsError } from '../../core/errors.js';
import { PACKAGE_ROOT, WEB_DIST_DIR } from '../../storage/paths.js';
import { bold, dim } from '../render.js';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return t;
}

/** Build the web app when it is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const index = join(WEB_DIST_DIR, 'index.html');
  const sources = join(PACKAGE_ROOT, 'web', 'src');
  if (existsSync(index) && (!existsSync(sources) || statSync(index).mtimeMs >= newest(sources))) return;
  const vite = join(PACKAGE_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite))
    throw new MockopsError(
      'build',
      'the web app is not built and Vite is not installed: run `npm install` first',
    );
  process.stdout.write(dim('Building the web app (first start only)…\n'));
  const r = spawnSync(
    process.execPath,
    [vite, 'build', '--config', join(PACKAGE_ROOT, 'web', 'vite.config.ts'), '--logLevel', 'error'],
    {
      cwd: PACKAGE_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
  if (r.status !== 0) throw new MockopsError('build', 'building the web app failed (see the messages above)');
}

async function serveCommand(opts: { port?: string; host?: string; build?: boolean }): Promise<void> {
  // The HTTP stack loads only for the commands that serve.
  const { resolveServeOptions, startServer } = await import('../../server/serve.js');
  const env = {
    ...process.env,
    ...(opts.port ? { PORT: opts.port } : {}),
    ...(opts.host ? { HOST: opts.host } : {}),
  };
  const options = resolveServeOptions(env);
  if (opts.build !== false) ensureWebBuilt();
  const ctx = createContext();
  const server = await startServer(ctx, options).catch((err) => {
    ctx.close();
    throw err;
  });
  process.stdout.write(
    `${bold('mockops is running at')} ${server.url}\n${dim('Open it in your browser. Press Ctrl-C to stop; your answers are saved as you go.')}\n`,
  );
  const stop = async () => {
    await server.close();
    ctx.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  await new Promise(() => {});
}

export function registerServeCommands(program: Command): void {
  program
    .command('start')
    .description('start the coach in your browser (builds the web app on first run); what `npm start` runs')
    .option('-p, --port <port>', 'port (default 4317, or PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, or HOST; others need MOCKOPS_TOKEN)')
    .action((opts: { port?: string; host?: string }) => serveCommand(opts));
  program
    .command('serve')
    .description('run the HTTP API and the built web app')
    .option('-p, --port <port>', 'port (default 4317, or PORT)')
    .option('--host <host>', 'address to bind (default 127.0.0.1, or HOST; others need MOCKOPS_TOKEN)')
    .option('--no-build', 'do not build the web app when it is missing')
    .action((opts: { port?: string; host?: string; build?: boolean }) => serveCommand(opts));
}
