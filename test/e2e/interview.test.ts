// A whole short interview by keyboard only: choose a 2-question drill on the home page, start it with Enter,
// answer each question with Ctrl+Enter, continue with Enter, until the summary with its Markdown report link.
import { describe, expect, it } from 'vitest';
import { HomePage } from './pages/home.js';
import { RoomPage } from './pages/room.js';
import { focusedTestId, tabTo } from './pages/shell.js';
import { E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const ANSWER =
  'In my last role I owned this end to end. I would first check the logs and metrics to find the cause, ' +
  'then roll back to the last good version to restore service, and keep stakeholders updated. ' +
  'After that I automate the fix in the pipeline with Terraform and GitHub Actions, add an alert in Prometheus, ' +
  'and write a short post-mortem so the team learns from it.';

describe.skipIf(!hasChromium)('interview room by keyboard', () => {
  const suite = useSuite();

  it(
    'runs a 2-question drill from the home page to the summary without the mouse',
    async () => {
      const { page } = suite.browser;
      const home = new HomePage(page);
      const room = new RoomPage(page);
      await home.open(suite.app.url);

      // Mode: Tab into the radio group, arrow to "drill".
      await tabTo(page, 'mode-mock');
      await page.keyboard.press('ArrowRight');
      expect(await home.mode('drill').isChecked()).toBe(true);
      // Number of questions: 2.
      await tabTo(page, 'option-count');
      await page.keyboard.press('2');
      expect(await home.count.inputValue()).toBe('2');
      // Back to the start button, Enter.
      await tabTo(page, 'start-interview', { back: true });
      await page.keyboard.press('Enter');

      await room.question.waitFor();
      expect(await room.progress.textContent()).toContain('Question 1 of 2');
      expect(await room.timer.getAttribute('data-state')).toBe('under');

      // An empty answer cannot be sent, and the reason is visible.
      expect(await room.send.isDisabled()).toBe(true);
      expect(await room.sendReason.textContent()).toContain('Type or say your answer first');

      let answered = 0;
      for (let guard = 0; guard < 8; guard++) {
        const state = await room.waitForState();
        if (state === 'summary') break;
        if (state === 'question') {
          expect(await focusedTestId(page)).toBe('answer-input');
          await page.keyboard.type(ANSWER);
          await page.keyboard.press('Control+Enter');
          answered++;
          await room.continueButton.waitFor();
          continue;
        }
        // Practice style: feedback after each answer; the continue button has focus.
        await page.getByTestId('feedback').first().waitFor();
        expect(await focusedTestId(page)).toBe('continue');
        await page.keyboard.press('Enter');
        await page.waitForFunction(() => !document.querySelector('[data-testid="continue"]'));
      }

      await room.summary.waitFor();
      expect(answered).toBeGreaterThanOrEqual(2);
      expect(await room.progress.textContent()).toContain('Session finished');
      expect(await page.getByTestId('summary-question').count()).toBe(2);
      expect(await page.getByTestId('summary-overall').textContent()).toMatch(/\d+\/100/);
      const report = await page.getByTestId('report-link').getAttribute('href');
      expect(report).toMatch(/^\/api\/sessions\/s-[\w-]+\/report\.md$/);
      const md = await fetch(new URL(report as string, suite.app.url)).then((r) => r.text());
      expect(md).toContain('#');

      await screenshot(page, 'interview-keyboard-summary');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'gives no feedback until the end in interview style, then the summary with feedback on every answer',
    async () => {
      const { page } = suite.browser;
      const home = new HomePage(page);
      const room = new RoomPage(page);
      await home.open(suite.app.url);
      await home.mode('quick').check();
      await home.style('interview').check();
      await home.count.selectOption('2');
      expect(await home.startButton.textContent()).toBe('Start quick-fire');
      await home.startButton.click();

      await room.question.waitFor();
      expect(await room.timer.textContent()).toContain('30–45');
      let answered = 0;
      for (let guard = 0; guard < 6; guard++) {
        const state = await room.waitForState();
        if (state === 'summary') break;
        expect(state).toBe('question');
        const prompt = await room.question.textContent();
        await room.input.fill(ANSWER);
        await room.send.click();
        answered++;
        await page.waitForFunction(
          (prev) =>
            document.querySelector('[data-testid="summary"]') !== null ||
            document.querySelector('[data-testid="question-text"]')?.textContent !== prev,
          prompt,
        );
        // No feedback and no score while the interview runs.
        if ((await page.getByTestId('summary').count()) === 0) {
          expect(await page.getByTestId('feedback').count()).toBe(0);
          expect(await page.getByTestId('candidate-answer').first().textContent()).not.toMatch(/\/100/);
        }
      }
      expect(answered).toBeGreaterThanOrEqual(2);
      await room.summary.waitFor();
      const details = page.locator('details.turn-details');
      expect(await details.count()).toBeGreaterThanOrEqual(2);
      await details.first().locator('summary').click();
      await details.first().getByTestId('feedback').waitFor();
      expect(await details.first().getByTestId('score-overall').textContent()).toMatch(/\d+\/100/);

      await screenshot(page, 'interview-style-summary');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
