// `npm run bench:web`: the web app's first-view JavaScript (gzipped), first load, and feedback time after submit,
// in Debian's Chromium against the real server on localhost.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { buildBundle, ROOT, startServerProcess } from './lib/server.js';
import { quantile } from './lib/stats.js';

buildBundle();
const DIST = join(ROOT, 'web', 'dist');
const CHROMIUM = process.env.MOCKOPS_CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
if (!existsSync(join(DIST, 'index.html')))
  throw new Error('web/dist is missing: run npm run build:web first');
if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);

// First view: the entry script and everything index.html preloads (lazy pages are not part of it).
const index = readFileSync(join(DIST, 'index.html'), 'utf8');
const firstView = [...index.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
const gz = firstView.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0);
process.stdout.write(
  `first view JavaScript: ${firstView.length} file(s), ${(gz / 1024).toFixed(1)} KB gzipped (target ≤ 300 KB)\n`,
);

const { process: server, base } = await startServerProcess('webbench');
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const answer =
  'We keep remote state in an S3 backend with versioning and use_lockfile locking, so that two applies never collide. Each environment has its own state, and only the pipeline applies a reviewed plan. A nightly plan detects drift.';
const loads: number[] = [];
const feedback: number[] = [];
try {
  for (let i = 0; i < RUNS; i++) {
    // A fresh context each run: a first visit, no cache.
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const t0 = performance.now();
    await page.goto(base);
    await page.getByTestId('start-interview').waitFor();
    loads.push(performance.now() - t0);
    await page.getByTestId('mode-drill').check();
    await page.getByTestId('start-interview').click();
    await page.getByTestId('answer-input').fill(answer);
    // Measured inside the page, from the click to the feedback in the DOM (Playwright's own click waits for
    // animation frames, which would count ~50 ms that a person does not wait for).
    // A string, not a function: tsx would wrap a function with helpers the page does not have.
    const ms = (await page.evaluate(`new Promise((resolve) => {
      const t0 = performance.now();
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[data-testid="feedback"]')) return;
        observer.disconnect();
        resolve(performance.now() - t0);
      });
      observer.observe(document.body, { childList: true, subtree: true });
      document.querySelector('[data-testid="send-answer"]').click();
    })`)) as number;
    feedback.push(ms);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
loads.sort((a, b) => a - b);
feedback.sort((a, b) => a - b);
process.stdout.write(
  `first load (navigation to the start button visible, cold cache), ${RUNS} runs: median ${quantile(loads, 0.5).toFixed(0)} ms, worst ${(loads.at(-1) ?? 0).toFixed(0)} ms (target ≤ 1000 ms)\n`,
);
process.stdout.write(
  `feedback after submit (click to feedback in the DOM, timed in the page), ${RUNS} runs: median ${quantile(feedback, 0.5).toFixed(0)} ms, worst ${(feedback.at(-1) ?? 0).toFixed(0)} ms (target ≤ 150 ms)\n`,
);
