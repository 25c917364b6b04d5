// Two tabs on one session: when another tab answers the question this tab is on, or the session is ended
// elsewhere, this tab says so in words, with the progress bar's question number, and keeps its unsent text
// (regression: it showed the server's 409 with the position, not the question number, and the text vanished).
import { describe, expect, it } from 'vitest';
import { RoomPage } from './pages/room.js';
import {
  apiPost,
  E2E_TIMEOUT,
  hasChromium,
  SKIP_REASON,
  screenshot,
  startDrill,
  useSuite,
} from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const MINE = 'My unsent words in this tab: remote state in S3 with use_lockfile.';

describe.skipIf(!hasChromium)('the same session in two tabs', () => {
  const suite = useSuite();

  it(
    'says another tab answered the question, agrees with the bar on the number, and keeps the unsent text',
    async () => {
      const { page, context } = suite.browser;
      const s = await startDrill(suite.app.url, 0);
      const url = `${suite.app.url}#/interview/${s.id}`;
      const mine = new RoomPage(page);
      await page.goto(url);
      await mine.input.fill(MINE);

      const other = await context.newPage();
      const theirs = new RoomPage(other);
      await other.goto(url);
      await theirs.input.fill('The other tab answers: state in S3 with locking, applied from CI.');
      await theirs.send.click();
      await theirs.continueButton.waitFor();

      // This tab hears of it without sending anything.
      await mine.staleNotice.waitFor();
      expect(await mine.staleNotice.textContent()).toContain(
        'Another tab or window answered question 1; the session is now at question 2.',
      );
      expect(await mine.progress.textContent()).toContain('Question 2 of 2');
      expect(await mine.question.textContent()).toMatch(/Terraform, CloudFormation/);
      expect(await mine.input.inputValue()).toBe('');
      expect(await mine.keptAnswers.count()).toBe(1);
      expect(await mine.keptAnswers.first().getByRole('heading').textContent()).toBe(
        'Not sent: your answer to question 1',
      );
      expect(await mine.keptAnswers.first().getByTestId('kept-text').inputValue()).toBe(MINE);

      // Kept across a reload, until it is saved (as a practice answer of the question) or discarded.
      await page.reload();
      await mine.keptAnswers.first().waitFor();
      expect(await mine.keptAnswers.first().getByTestId('kept-text').inputValue()).toBe(MINE);
      await mine.keptAnswers.first().getByTestId('kept-save').click();
      await page.getByTestId('kept-status').waitFor();
      expect(await page.getByTestId('kept-status').textContent()).toMatch(/Saved as practice version \d+/);
      expect(await mine.keptAnswers.count()).toBe(0);
      const saved = suite.app.ctx.store.answersFor('terraform-state-team').at(-1);
      expect(saved).toMatchObject({ text: MINE, sessionId: null });
      await other.close();
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'says the session was ended elsewhere when this tab sends, in words, and keeps the text',
    async () => {
      const { page } = suite.browser;
      const s = await startDrill(suite.app.url, 0);
      const room = new RoomPage(page);
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.input.fill(MINE);
      // Ended from somewhere this browser does not hear from (the terminal, another browser).
      await apiPost(suite.app.url, `/sessions/${s.id}/end`, {});
      await room.send.click();
      await room.staleNotice.waitFor();
      expect(await room.staleNotice.textContent()).toContain(
        'This session was ended in another tab, window or the terminal; its summary is below.',
      );
      expect(await room.staleNotice.textContent()).not.toMatch(/409|conflict|position/i);
      expect(await room.sendError.count()).toBe(0);
      expect(await room.keptAnswers.first().getByTestId('kept-text').inputValue()).toBe(MINE);
      await room.summary.waitFor();
      expect(await room.progress.textContent()).toContain('Session finished');
      await screenshot(page, 'tabs-ended-elsewhere');
      await room.keptAnswers.first().getByTestId('kept-discard').click();
      expect(await room.keptAnswers.count()).toBe(0);
      await page.reload();
      await room.summary.waitFor();
      expect(await room.keptAnswers.count()).toBe(0);
      // The refused answer is the only thing the browser logs (Chromium logs every non-2xx response).
      expect(suite.browser.errors).toEqual([
        'console: Failed to load resource: the server responded with a status of 409 (Conflict)',
      ]);
    },
    E2E_TIMEOUT,
  );
});
