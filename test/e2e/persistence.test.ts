// Reload keeps work: an unsent answer, the workshop's chosen tab and its STAR fields survive a reload; a sent
// answer's draft is gone. The answer timer and the feedback being read survive a reload too, and words typed while
// an answer is sending are never dropped.
import { describe, expect, it } from 'vitest';
import { RoomPage } from './pages/room.js';
import { WorkshopPage } from './pages/workshop.js';
import {
  apiPost,
  E2E_TIMEOUT,
  hasChromium,
  SKIP_REASON,
  screenshot,
  startDrill,
  useSuite,
} from './support/harness.js';

const ANSWER =
  'I keep remote state in S3 with native locking through use_lockfile, one state per environment and component, ' +
  'and plan and apply only run in CI after the plan is reviewed.';

if (!hasChromium) console.warn(SKIP_REASON);

describe.skipIf(!hasChromium)('reload keeps work', () => {
  const suite = useSuite();

  it(
    'keeps an unsent answer, the workshop tab and the STAR fields across a reload',
    async () => {
      const { page } = suite.browser;
      const s = await apiPost<{ id: string }>(suite.app.url, '/sessions', {
        mode: 'drill',
        category: 'iac',
        count: 2,
        seed: 3,
        maxFollowUps: 0,
      });
      const room = new RoomPage(page);
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.input.fill('I keep remote state in S3 with native locking, and');
      await page.reload();
      await room.input.waitFor();
      expect(await room.input.inputValue()).toBe('I keep remote state in S3 with native locking, and');

      const ws = new WorkshopPage(page);
      await page.goto(`${suite.app.url}#/workshop`);
      await ws.tab('star').click();
      await ws.star('situation').fill('In my last role releases were manual.');
      await page.reload();
      await ws.star('situation').waitFor();
      expect(await ws.star('situation').inputValue()).toBe('In my last role releases were manual.');
      expect(await ws.tab('star').getAttribute('aria-selected')).toBe('true');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'keeps the timer running from when the question was shown, and the feedback being read, across a reload',
    async () => {
      const { page } = suite.browser;
      const s = await startDrill(suite.app.url, 0);
      const room = new RoomPage(page);
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.timer.waitFor();
      await page.waitForFunction(
        () => /^0:0[3-9]|^0:[1-5]\d|^[1-9]/.test(document.querySelector('[role="timer"]')?.textContent ?? ''),
        undefined,
        { timeout: 10_000 },
      );
      await page.reload();
      await room.timer.waitFor();
      // Regression: the timer started again at 0:00 on every reload.
      expect(await room.timerSeconds()).toBeGreaterThanOrEqual(3);

      await room.input.fill(ANSWER);
      await room.send.click();
      await room.continueButton.waitFor();
      const score = await page.getByTestId('feedback').getByTestId('score-overall').textContent();
      await page.reload();
      // Regression: a reload while reading the feedback skipped to the next question.
      await room.continueButton.waitFor();
      expect(await page.getByTestId('feedback').getByTestId('score-overall').textContent()).toBe(score);
      expect(await room.progress.textContent()).toContain('Question 1 of 2');
      expect(await room.input.count()).toBe(0);
      await room.continueButton.click();
      await room.question.waitFor();
      expect(await room.question.textContent()).toMatch(/Terraform, CloudFormation/);
      await page.reload();
      await room.question.waitFor();
      expect(await room.continueButton.count()).toBe(0);
      expect(await room.progress.textContent()).toContain('Question 2 of 2');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'keeps the words typed while an answer is sending: they wait in the next answer box, across a reload',
    async () => {
      const { page } = suite.browser;
      const s = await startDrill(suite.app.url, 0);
      const room = new RoomPage(page);
      // The answer takes a moment to arrive, as on a slow machine.
      let release: () => void = () => undefined;
      const held = new Promise<void>((r) => {
        release = r;
      });
      await page.route('**/api/sessions/*/answers', async (route) => {
        await held;
        await route.continue();
      });
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.input.fill(ANSWER);
      await room.send.click();
      await page.waitForFunction(
        () => document.querySelector('[data-testid="send-answer"]')?.textContent === 'Sending…',
      );
      await room.input.press('End');
      await room.input.pressSequentially(' Also, drift is checked nightly.');
      release();
      await room.continueButton.waitFor();
      await page.unroute('**/api/sessions/*/answers');
      expect(await room.carriedNote.textContent()).toMatch(/waits in the next answer box/);
      // The sent answer is what was in the box when Send was pressed.
      expect(await page.getByTestId('candidate-answer').first().textContent()).not.toContain(
        'drift is checked',
      );
      await room.continueButton.click();
      await room.question.waitFor();
      expect(await room.input.inputValue()).toBe('Also, drift is checked nightly.');
      await page.reload();
      await room.input.waitFor();
      expect(await room.input.inputValue()).toBe('Also, drift is checked nightly.');
      await screenshot(page, 'persistence-typed-while-sending');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
