// Static files cannot be escaped with ../ (plain or encoded), and pages carry the security headers.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createContext } from '../src/app/context.js';
import { createApp } from '../src/server/app.js';

const root = mkdtempSync(join(tmpdir(), 'mockops-sec-'));
const web = join(root, 'web');
mkdirSync(join(web, 'assets'), { recursive: true });
writeFileSync(join(web, 'index.html'), '<!doctype html><title>shell</title>');
writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
writeFileSync(join(root, 'secret.txt'), 'TOP-SECRET');
const ctx = createContext({ dbFile: join(root, 'mockops.db') });
const app = createApp(ctx, { webDir: web });
afterAll(() => ctx.close());

describe('static files and headers', () => {
  it('serves assets and the shell', async () => {
    expect(await (await app.request('/assets/app.js')).text()).toBe('console.log(1)');
    expect(await (await app.request('/interview/123')).text()).toContain('shell');
  });

  it.each([
    '/assets/../secret.txt',
    '/assets/../../secret.txt',
    '/assets/%2e%2e/secret.txt',
    '/assets/..%2fsecret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/assets/..%5csecret.txt',
    '/favicon.svg/../../secret.txt',
  ])('does not serve %s', async (path) => {
    const res = await app.request(`http://localhost${path}`);
    expect(await res.text()).not.toContain('TOP-SECRET');
  });

  it('sends a CSP without inline scripts and no-sniff on pages', async () => {
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    // Recording for playback plays its Blob from an object URL; nothing else may load from blob:.
    expect(csp).toContain("media-src 'self' blob:");
    expect(csp.split('; ').filter((d) => d.includes('blob:'))).toEqual(["media-src 'self' blob:"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});
