// A retry inside a session counts in it (regression: the room saved it as a plain practice answer, so the summary
// kept the first score and never said the question was retried); the bar stays on the answered question while its
// feedback is read (regression: it showed the next question's number); after a follow-up the feedback does not
// name that follow-up again, nor list what the first answer covered as missing.
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from './pages/feedback.js';
import { RoomPage } from './pages/room.js';
import {
  E2E_TIMEOUT,
  hasChromium,
  SKIP_REASON,
  screenshot,
  startDrill,
  useSuite,
} from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const WEAK = 'We keep state in S3.';
const STRONG =
  'I keep state in a remote S3 backend with versioning and encryption, and I turn on native locking with use_lockfile so two applies can never write at once. ' +
  'Each environment and component has its own state, which keeps the blast radius small. We only run plan and apply in CI, with the plan reviewed in the pull request, never from laptops. ' +
  'A scheduled plan detects drift every night, and we fix drift in code.';
const FIRST =
  'We keep the Terraform state remote in an S3 backend with versioning, and we run plan and apply only from the CI pipeline after review.';

describe.skipIf(!hasChromium)('retries and follow-ups in the room', () => {
  const suite = useSuite();

  it(
    'counts a retry in the session: the summary says retried before → after, and the review card takes it',
    async () => {
      const { page } = suite.browser;
      const s = await startDrill(suite.app.url, 0);
      const room = new RoomPage(page);
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.input.fill(WEAK);
      await room.send.click();
      await room.continueButton.waitFor();
      const fb = new FeedbackPanel(page);
      const before = Number.parseInt((await fb.overall.textContent()) ?? '', 10);
      expect(await room.progress.textContent()).toContain('Question 1 of 2');

      await fb.retry.click();
      await fb.retryInput.fill(STRONG);
      await fb.retrySend.click();
      const counts = page.getByTestId('retry-counts');
      await counts.waitFor();
      const after = Number.parseInt((await fb.overall.textContent()) ?? '', 10);
      expect(after).toBeGreaterThan(before);
      expect(await counts.textContent()).toBe(
        `Counts in this session: question 1 is now ${after}/100 (it was ${before}).`,
      );
      await fb.comparison.waitFor();
      expect(suite.app.ctx.store.getCard('terraform-state-team')?.lastScore).toBe(after);

      await room.continueButton.click();
      await room.input.fill('Terraform for most teams, for its providers and its state.');
      await room.send.click();
      await room.continueButton.waitFor();
      await room.continueButton.click();
      await room.summary.waitFor();
      const rows = page.getByTestId('summary-question');
      expect(await rows.count()).toBe(2);
      expect(await page.getByTestId('summary-retried').count()).toBe(1);
      expect(await rows.first().getByTestId('summary-retried').textContent()).toContain(
        `retried: ${before} → ${after}`,
      );
      expect(await rows.first().locator('td').nth(1).textContent()).toBe(String(before));
      expect(await rows.first().locator('.chip').first().textContent()).toBe(String(after));
      expect(await page.getByTestId('summary-overall').textContent()).toMatch(/2 of 2 answered/);
      expect(await page.getByTestId('summary-retry-details').count()).toBe(1);
      await screenshot(page, 'session-retry-summary');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'keeps the bar on the question whose follow-up feedback is read, and does not repeat that question',
    async () => {
      const { page } = suite.browser;
      const s = await startDrill(suite.app.url, 1);
      const room = new RoomPage(page);
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.input.fill(FIRST);
      await room.send.click();
      await room.continueButton.waitFor();
      // The first answer's feedback names the follow-up the interviewer is about to ask.
      const fb = new FeedbackPanel(page);
      // The key points the first answer covered, as its feedback shows them.
      const coveredFirst = await fb.root
        .locator('[data-testid^="keypoint-"][data-status="hit"]')
        .evaluateAll((els) => els.map((e) => (e.getAttribute('data-testid') ?? '').replace('keypoint-', '')));
      const asked = (await fb.followUp.locator('q').textContent()) ?? '';
      expect(asked).toMatch(/lock stays behind/);
      await room.continueButton.click();
      await room.question.waitFor();
      expect(await room.question.textContent()).toBe(asked);

      await room.input.fill('We lock it with use_lockfile in S3 since 1.10, so two applies cannot collide.');
      await room.send.click();
      await room.continueButton.waitFor();
      // Regression: "Question 2 of 2" while the follow-up's feedback was on screen.
      expect(await room.progress.textContent()).toContain('Question 1 of 2');
      const after = new FeedbackPanel(page);
      expect(await after.followUp.count()).toBe(0);
      expect(await after.root.textContent()).not.toContain(asked);
      // What the first answer covered is not "missed" again in the follow-up's feedback (the follow-up, graded on
      // its own words, does not say it again): it says it was covered before.
      const notes = (await after.items.allTextContents()).join('\n');
      const statuses = await after.root.locator('[data-testid^="keypoint-"]').evaluateAll((els) =>
        els.map((e) => ({
          id: (e.getAttribute('data-testid') ?? '').replace('keypoint-', ''),
          status: e.getAttribute('data-status'),
          text: e.querySelector('.kp-text span')?.textContent ?? '',
        })),
      );
      const earlier = statuses.filter((k) => k.status === 'earlier');
      expect(coveredFirst.length).toBeGreaterThan(0);
      expect(earlier.map((k) => k.id).sort()).toEqual(
        statuses
          .filter((k) => coveredFirst.includes(k.id) && k.status !== 'hit')
          .map((k) => k.id)
          .sort(),
      );
      expect(earlier.length).toBeGreaterThan(0);
      for (const k of earlier) {
        expect(await after.keyPoint(k.id).textContent()).toContain(
          'Covered in your answer before this follow-up.',
        );
        expect(notes).not.toContain(`Missing: ${k.text}`);
      }
      // A point neither answer covered is still missing, and said so.
      const stillMissing = statuses.find((k) => k.status === 'missed');
      expect(stillMissing).toBeDefined();
      expect(notes).toContain(`Missing: ${stillMissing?.text}`);
      await room.continueButton.click();
      await room.question.waitFor();
      expect(await room.progress.textContent()).toContain('Question 2 of 2');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
