// Feedback on an answer: highlights from the analysis (the repeated "so that" with its count and rewrites),
// scores, key points and model answers; a retry with the difference from the previous version; and untrusted
// text rendered as text.
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from './pages/feedback.js';
import { answer, finish, startDrill } from './support/flows.js';
import { E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const SO_THAT =
  'I keep everything in Git so that changes are reviewed. I run the pipeline in CI so that nobody applies by hand. ' +
  'I add monitoring and alerts so that we find problems early. Um, basically I also write a runbook.';

const BETTER =
  'I keep everything in Git, which makes every change reviewable. I run the pipeline in CI, allowing nobody to apply by hand. ' +
  'I add monitoring and alerts with Prometheus and Grafana to find problems early, and I roll back to the last good version ' +
  'when a release fails. As a result, our deployments went from hours to minutes and incidents were resolved faster.';

const XSS =
  'My answer <img src=x onerror="window.__xss=1"> and <script>window.__xss=2</script> so that it is safe.';

describe.skipIf(!hasChromium)('feedback view', () => {
  const suite = useSuite();

  it(
    'highlights "so that" ×3 with its count and rewrites, and shows scores, key points and model answers',
    async () => {
      const { page } = suite.browser;
      const room = await startDrill(page, suite.app.url);
      await answer(room, SO_THAT);
      const fb = new FeedbackPanel(page);
      await fb.root.waitFor();

      expect(await fb.highlights('connector').count()).toBe(3);
      expect(await fb.highlights('connector').first().textContent()).toBe('so that');
      expect(await fb.connectorCount.first().textContent()).toContain('so that” ×3');
      expect(await fb.rewrites.count()).toBe(3);
      expect(await fb.rewrites.first().getByTestId('rewrite-suggestion').textContent()).not.toContain(
        'so that',
      );
      expect(await fb.highlights('filler').count()).toBeGreaterThanOrEqual(1);

      // The note of a highlight shows on focus.
      await fb.highlights('connector').first().focus();
      expect(await fb.note.textContent()).toContain('×3');

      // The answer text is intact (highlights are segments of it).
      expect(await fb.answer.textContent()).toBe(SO_THAT);
      expect(await fb.overall.textContent()).toMatch(/\d+\/100/);
      for (const d of ['technical', 'ops', 'delivery'] as const)
        expect(await fb.dimension(d).isVisible()).toBe(true);
      expect(await fb.root.locator('[data-testid^="keypoint-"]').count()).toBeGreaterThan(0);
      await fb.followUp.waitFor();

      await fb.modelTab('full').click();
      expect(await fb.modelTab('full').getAttribute('aria-selected')).toBe('true');
      const full = await fb.modelAnswer.textContent();
      await fb.modelTab('quick').click();
      expect(await fb.modelAnswer.textContent()).not.toBe(full);

      await fb.highlights('connector').first().scrollIntoViewIfNeeded();
      await fb.highlights('connector').first().hover();
      await screenshot(page, 'feedback-so-that');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'retries an answer and shows the comparison with the previous version',
    async () => {
      const { page } = suite.browser;
      const room = await startDrill(page, suite.app.url);
      await answer(room, SO_THAT);
      const fb = new FeedbackPanel(page);
      await fb.retry.click();
      await fb.retryInput.fill(BETTER);
      await fb.retrySend.click();
      await fb.comparison.waitFor();

      const before = Number(await fb.comparison.getByTestId('cmp-before').textContent());
      const after = Number(await fb.comparison.getByTestId('cmp-after').textContent());
      expect(Number.isFinite(before) && Number.isFinite(after)).toBe(true);
      expect(await fb.comparison.getByTestId('cmp-sothat').textContent()).toContain('“so that”: 3 → 0');
      expect(await fb.comparison.getByTestId('cmp-missing').isVisible()).toBe(true);
      expect(await fb.highlights('connector').count()).toBe(0);
      expect(await fb.answer.textContent()).toBe(BETTER);

      await fb.comparison.scrollIntoViewIfNeeded();
      await screenshot(page, 'feedback-retry-comparison');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'shows untrusted answer text literally and never runs it',
    async () => {
      const { page } = suite.browser;
      const room = await startDrill(page, suite.app.url);
      await answer(room, XSS);
      const fb = new FeedbackPanel(page);
      expect(await fb.answer.textContent()).toBe(XSS);
      expect(await page.getByTestId('candidate-answer').first().textContent()).toContain(XSS);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('main script').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      // Through the session history and the summary too.
      await finish(room, 'I would pin the versions and scan the images in CI.');
      await page.reload();
      await room.summary.waitFor();
      expect(await page.getByTestId('candidate-answer').first().textContent()).toContain(XSS);
      expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

      await page.getByTestId('candidate-answer').first().scrollIntoViewIfNeeded();
      await screenshot(page, 'feedback-untrusted-text');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
