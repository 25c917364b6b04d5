// The built web app's files: compressed (brotli, else gzip) once and kept in memory, with long caching for the
// hashed assets Vite emits (`/assets/index-3f2a1c.js` never changes) and revalidation for the app shell.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Context } from 'hono';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};
/** Types worth compressing (images and fonts are compressed already). */
const COMPRESSIBLE = new Set(['.js', '.css', '.svg', '.json', '.map', '.txt', '.html']);
/** Files smaller than this go as they are. */
const MIN_BYTES = 1024;

interface Entry {
  readonly raw: Buffer;
  readonly br?: Buffer;
  readonly gzip?: Buffer;
  readonly type: string;
  readonly mtime: number;
}

const cache = new Map<string, Entry>();

function load(file: string, ext: string): Entry {
  const mtime = statSync(file).mtimeMs;
  const hit = cache.get(file);
  if (hit && hit.mtime === mtime) return hit;
  const raw = readFileSync(file);
  const compress = COMPRESSIBLE.has(ext) && raw.length >= MIN_BYTES;
  const entry: Entry = {
    raw,
    type: TYPES[ext] ?? 'application/octet-stream',
    mtime,
    ...(compress
      ? {
          br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
          gzip: gzipSync(raw, { level: 9 }),
        }
      : {}),
  };
  cache.set(file, entry);
  return entry;
}

/** The response for one file of the web app, or null when there is no such file under `root`. */
export function serveAsset(c: Context, root: string, path: string, cacheControl: string): Response | null {
  const file = normalize(join(root, path));
  if (!file.startsWith(normalize(root) + sep) || !existsSync(file) || statSync(file).isDirectory())
    return null;
  const ext = extname(file).toLowerCase();
  const entry = load(file, ext);
  const accepts = c.req.header('accept-encoding') ?? '';
  const headers: Record<string, string> = {
    'content-type': entry.type,
    'cache-control': cacheControl,
    vary: 'Accept-Encoding',
  };
  let body = entry.raw;
  if (entry.br && /\bbr\b/.test(accepts)) {
    body = entry.br;
    headers['content-encoding'] = 'br';
  } else if (entry.gzip && /\bgzip\b/.test(accepts)) {
    body = entry.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  return new Response(c.req.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/** Hashed assets never change: a year, immutable. Everything else is revalidated. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';
