// Starting the server: loopback by default; any other address needs MOCKOPS_TOKEN.
import { serve } from '@hono/node-server';
import type { AppContext } from '../app/context.js';
import { InputError } from '../core/errors.js';
import { createApp } from './app.js';

export const DEFAULT_PORT = 4317;

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export interface ServeOptions {
  readonly host?: string;
  readonly port?: number;
  readonly token?: string | null;
  readonly webDir?: string | null;
}

export function resolveServeOptions(
  env: NodeJS.ProcessEnv = process.env,
): Required<Pick<ServeOptions, 'host' | 'port'>> & { token: string | null } {
  const host = env.HOST && env.HOST.trim() !== '' ? env.HOST.trim() : '127.0.0.1';
  const rawPort = env.PORT && env.PORT.trim() !== '' ? env.PORT.trim() : String(DEFAULT_PORT);
  const port = Number(rawPort);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`invalid PORT "${rawPort}": use a number from 1 to 65535`);
  const token = env.MOCKOPS_TOKEN && env.MOCKOPS_TOKEN.length > 0 ? env.MOCKOPS_TOKEN : null;
  if (!isLoopback(host) && !token) {
    throw new InputError(
      `refusing to listen on ${host} without MOCKOPS_TOKEN: set MOCKOPS_TOKEN to a long random secret (every API call then needs "Authorization: Bearer <token>"), or use HOST=127.0.0.1`,
    );
  }
  if (token && token.length < 16)
    throw new InputError('MOCKOPS_TOKEN is too short: use at least 16 characters');
  return { host, port, token };
}

export function startServer(
  ctx: AppContext,
  options: ServeOptions & { host: string; port: number },
): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createApp(ctx, { token: options.token ?? null, webDir: options.webDir });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      const shown = info.address.includes(':') ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shown}:${info.port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
    server.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE')
        reject(
          new InputError(
            `port ${options.port} on ${options.host} is already in use: set PORT to another port`,
          ),
        );
      else reject(err);
    });
  });
}
