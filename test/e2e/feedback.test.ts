// Feedback on an answer: highlights from the analysis (the repeated "so that" with its count and rewrites),
// scores, key points and model answers; a retry with the difference from the previous version; and untrusted
// text rendered as text.
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from './pages/feedback.js';
import { Shell } from './pages/shell.js';
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

const BROKEN =
  'Yesterday I fix the problem and it have no downtime. We uses remote state in S3 with use_lockfile, and last week the pipeline fail because engineer run apply by hand.';

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
    'underlines grammar errors with the fix on hover and focus, and speaks Chinese in 简体中文',
    async () => {
      const { page } = suite.browser;
      const room = await startDrill(page, suite.app.url);
      await answer(room, BROKEN);
      const fb = new FeedbackPanel(page);
      await fb.root.waitFor();
      const marks = fb.highlights('grammar');
      expect(await marks.count()).toBeGreaterThanOrEqual(4);
      expect(await marks.first().textContent()).toBe('fix');
      await marks.first().focus();
      expect(await fb.note.textContent()).toContain('“fix” → “fixed”');
      expect(await fb.note.textContent()).toContain('Yesterday I fixed the problem and it had no downtime.');
      await marks.nth(1).hover();
      expect(await fb.note.textContent()).toContain('“have” → “had”');
      // Broken English cannot score 100; the whole answer is shown corrected.
      expect(Number((await fb.languageScore.textContent())?.split('/')[0])).toBeLessThan(80);
      expect(await fb.rewritten.textContent()).toContain('Yesterday I fixed the problem');
      expect(await fb.root.getByTestId('grammar-repeats').textContent()).toMatch(/past tense missing \d×/);
      await marks.first().scrollIntoViewIfNeeded();
      await screenshot(page, 'feedback-grammar');

      // In Chinese: the coach notes, the grammar explanation and the repeats are Chinese; the sentence to say stays English.
      await new Shell(page).langToggle.click();
      expect(await fb.items.first().textContent()).toMatch(/[\u4e00-\u9fff]/);
      await marks.first().focus();
      expect(await fb.note.textContent()).toMatch(/过去式/);
      expect(await fb.note.textContent()).toContain('Yesterday I fixed the problem');
      expect(await fb.root.getByTestId('grammar-repeats').textContent()).toMatch(/该用过去式 \d 次/);
      await screenshot(page, 'feedback-grammar-zh');
      await new Shell(page).langToggle.click();
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
