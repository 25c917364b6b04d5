// The web app's files: compressed (brotli or gzip), long-cached when hashed, the shell revalidated (issue #13).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { createApp } from '../src/server/app.js';
import { tempHome } from './helpers.js';

describe('static files', () => {
  const web = join(tempHome(), 'web');
  mkdirSync(join(web, 'assets'), { recursive: true });
  const js = `console.log(${JSON.stringify('x'.repeat(5000))});`;
  writeFileSync(
    join(web, 'index.html'),
    `<!doctype html><html><body><div id="root"></div>${'<!-- pad -->'.repeat(200)}</body></html>`,
  );
  writeFileSync(join(web, 'assets', 'index-abc123.js'), js);
  const ctx = createContext({ dbFile: join(tempHome(), 'mockops.db') });
  const app = createApp(ctx, { webDir: web });
  afterAll(() => ctx.close());

  it('serves hashed assets compressed and cached for a year', async () => {
    const br = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    const body = Buffer.from(await br.arrayBuffer());
    expect(body.length).toBeLessThan(js.length / 4);
    expect(brotliDecompressSync(body).toString()).toBe(js);
    const gz = await app.request('/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(js);
    const plain = await app.request('/assets/index-abc123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(js);
  });

  it('revalidates the app shell, refuses paths outside the folder, and 404s a missing asset', async () => {
    const shell = await app.request('/bank/whatever', { headers: { 'accept-encoding': 'gzip' } });
    expect(shell.status).toBe(200);
    expect(shell.headers.get('cache-control')).toBe('no-cache');
    expect(shell.headers.get('content-type')).toMatch(/text\/html/);
    expect(shell.headers.get('content-encoding')).toBe('gzip');
    // A path that climbs out of the folder never reads outside it: at most the app shell comes back.
    const climb = await app.request('/assets/../../etc/passwd');
    expect(await climb.text()).not.toMatch(/root:/);
    expect(await (await app.request('/assets/%2e%2e/%2e%2e/etc/passwd')).text()).not.toMatch(/root:/);
    expect((await app.request('/assets/missing.js')).status).toBe(404);
  });
});
