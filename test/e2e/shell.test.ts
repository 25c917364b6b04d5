// The shell: the language toggle persists across reloads (UI strings only: questions stay in English), and the
// answer box refuses a huge paste and keeps the typed text when the server fails.
import { describe, expect, it } from 'vitest';
import { HomePage } from './pages/home.js';
import { Shell } from './pages/shell.js';
import { startDrill } from './support/flows.js';
import { E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

describe.skipIf(!hasChromium)('app shell', () => {
  const suite = useSuite();

  it(
    'switches the interface to Chinese and keeps it after a reload',
    async () => {
      const { page } = suite.browser;
      const home = new HomePage(page);
      const shell = new Shell(page);
      await home.open(suite.app.url);
      expect(await home.startButton.textContent()).toBe('Start a practice interview');
      expect(await shell.lang()).toBe('en');

      await shell.langToggle.click();
      expect(await home.startButton.textContent()).toBe('开始一场模拟面试');
      expect(await shell.nav('progress').textContent()).toBe('进度');
      expect(await shell.lang()).toBe('zh-CN');

      await page.reload();
      await home.startButton.waitFor();
      expect(await home.startButton.textContent()).toBe('开始一场模拟面试');
      expect(await shell.nav('bank').textContent()).toBe('题库');

      // Questions stay in English.
      await home.startButton.click();
      const question = await page.getByTestId('question-text').textContent();
      expect(question).toMatch(/^[\x20-\x7e’‘“”—–]+$/);
      expect(await page.getByTestId('progress').textContent()).toContain('第 1 题');

      await screenshot(page, 'shell-chinese');
      await shell.langToggle.click();
      expect(await shell.nav('bank').textContent()).toBe('Bank');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'refuses a paste over 20,000 characters and keeps the answer when the server fails',
    async () => {
      const { page } = suite.browser;
      const room = await startDrill(page, suite.app.url);
      await room.input.fill('My first sentence.');
      await room.input.evaluate((el) => {
        const data = new DataTransfer();
        data.setData('text/plain', 'x'.repeat(25_000));
        el.dispatchEvent(
          new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
        );
      });
      await page.getByTestId('paste-refused').waitFor();
      expect(await page.getByTestId('paste-refused').textContent()).toContain('20,000');
      expect(await room.input.inputValue()).toBe('My first sentence.');

      await page.route('**/api/sessions/*/answers', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { code: 'unavailable', message: 'The store is busy: try again in a moment.' },
          }),
        }),
      );
      await room.send.click();
      await room.sendError.waitFor();
      expect(await room.sendError.textContent()).toContain('The store is busy: try again in a moment.');
      expect(await room.input.inputValue()).toBe('My first sentence.');
      await page.unroute('**/api/sessions/*/answers');

      await room.send.click();
      await room.continueButton.waitFor();

      await screenshot(page, 'shell-error-kept-text');
      // The only console error is the browser's own log of the simulated 503.
      expect(suite.browser.errors.filter((e) => !/status of 503/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
