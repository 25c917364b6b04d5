// End-to-end harness: build the web app when web/dist is missing or older than its sources, start the real
// server in-process on a free port with a fresh database, and drive Debian's Chromium through playwright-core
// with a fresh profile. Every page's console errors and uncaught exceptions are collected for the test to assert.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type AppContext, createContext } from '../../../src/app/context.js';
import { startServer } from '../../../src/server/serve.js';

export const ROOT = join(import.meta.dirname, '..', '..', '..');
export const WEB_DIR = join(ROOT, 'web');
export const WEB_DIST = join(WEB_DIR, 'dist');
export const CHROMIUM = process.env.MOCKOPS_CHROMIUM ?? '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'e2e');
export const hasChromium = existsSync(CHROMIUM);
export const SKIP_REASON = `e2e skipped: no Chromium at ${CHROMIUM} (install it with 'apt-get install chromium', or set MOCKOPS_CHROMIUM)`;

export const E2E_TIMEOUT = 120_000;
export const BUILD_TIMEOUT = 240_000;

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), st.mtimeMs);
}

function distIsFresh(): boolean {
  const index = join(WEB_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const sources = Math.max(
    newestMtime(join(WEB_DIR, 'src')),
    newestMtime(join(WEB_DIR, 'index.html')),
    newestMtime(join(WEB_DIR, 'vite.config.ts')),
    existsSync(join(WEB_DIR, 'public')) ? newestMtime(join(WEB_DIR, 'public')) : 0,
  );
  return statSync(index).mtimeMs >= sources;
}

/** Build web/dist once for all e2e files running in parallel (a lock directory serialises the builds). */
export async function ensureWebBuilt(): Promise<void> {
  if (distIsFresh()) return;
  const lock = join(tmpdir(), `mockops-e2e-build-${Buffer.from(ROOT).toString('hex').slice(-24)}.lock`);
  const deadline = Date.now() + BUILD_TIMEOUT;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`timed out waiting for the web build lock ${lock}`);
      // A lock older than the build timeout is left over from a killed run.
      const st = statSync(lock, { throwIfNoEntry: false });
      if (st && Date.now() - st.mtimeMs > BUILD_TIMEOUT) rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (distIsFresh()) return;
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: BUILD_TIMEOUT,
        // The production build users get, not React's development build (vitest sets NODE_ENV=test).
        env: { ...process.env, NODE_ENV: 'production' },
      },
    );
    if (r.status !== 0) throw new Error(`web build failed:\n${r.stdout}\n${r.stderr}`);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export interface AppServer {
  readonly url: string;
  readonly ctx: AppContext;
  close(): Promise<void>;
}

export async function startApp(): Promise<AppServer> {
  const home = mkdtempSync(join(tmpdir(), 'mockops-e2e-'));
  const ctx = createContext({ dbFile: join(home, 'mockops.db') });
  const server = await startServer(ctx, { host: '127.0.0.1', port: 0, webDir: WEB_DIST });
  return {
    url: server.url,
    ctx,
    async close() {
      await server.close();
      ctx.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and page errors seen so far, on every page of the context. */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  /** Chromium flags added to the standard ones (e.g. a fake microphone). */
  readonly args?: readonly string[];
}

export async function launchBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'mockops-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.args ?? []),
    ],
    viewport: { width: 1280, height: 720 },
    locale: 'en-US',
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The final state as the user sees it (the 1280×720 viewport), and the whole page beside it (`-full`). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-full.png`), fullPage: true });
  return path;
}

/** POST to the API from the test (same origin rules do not apply: no Origin header). */
export async function apiPost<T>(base: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(new URL(`api${path}`, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** A two-question drill (Terraform state, then the IaC tool choice) with at most this many follow-ups. */
export function startDrill(base: string, maxFollowUps: number): Promise<{ id: string }> {
  return apiPost<{ id: string }>(base, '/sessions', {
    mode: 'drill',
    questionIds: ['terraform-state-team', 'iac-tool-choice'],
    maxFollowUps,
  });
}

export interface Suite {
  readonly app: AppServer;
  readonly browser: Browser;
}

/**
 * One server (fresh database) and one browser for a test file: built, started and launched before its tests,
 * closed after them. `setup` runs once both are up (e.g. seeding answers through the API).
 */
export function useSuite(setup?: (suite: Suite) => Promise<void>, options: BrowserOptions = {}): Suite {
  const state: { app?: AppServer; browser?: Browser } = {};
  const suite: Suite = {
    get app() {
      if (!state.app) throw new Error('the e2e server is not started yet');
      return state.app;
    },
    get browser() {
      if (!state.browser) throw new Error('the e2e browser is not launched yet');
      return state.browser;
    },
  };
  beforeAll(async () => {
    await ensureWebBuilt();
    state.app = await startApp();
    state.browser = await launchBrowser(options);
    await setup?.(suite);
  }, BUILD_TIMEOUT);
  afterAll(async () => {
    await state.browser?.close();
    await state.app?.close();
  });
  return suite;
}
