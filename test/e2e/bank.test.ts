// The bank browser: "Practise this" starts a one-question drill on exactly that question (a follow-up is graded
// on its own text, as the server graded it), and the key-point checklist shows the bank's
// Chinese notes when the interface is in Chinese.
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from './pages/feedback.js';
import { RoomPage } from './pages/room.js';
import { Shell } from './pages/shell.js';
import { answer } from './support/flows.js';
import { E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const ID = 'ec2-vs-ecs-vs-eks';
const WEAK = 'EC2 gives full control. ECS is simpler.';
const FOLLOW = 'EKS is managed Kubernetes, so I would pick it when the team already runs Kubernetes.';

describe.skipIf(!hasChromium)('bank browser', () => {
  const suite = useSuite();

  it(
    '"Practise this" starts a one-question drill on exactly that question',
    async () => {
      const { page } = suite.browser;
      await page.goto(`${suite.app.url}#/bank/${ID}`);
      const detail = page.getByTestId('question-detail');
      await detail.waitFor();
      const text = await detail.locator('#qd-h').textContent();
      await detail.getByTestId('practise-this').click();

      const room = new RoomPage(page);
      await room.question.waitFor();
      expect(await room.question.textContent()).toBe(text);
      expect(await room.progress.textContent()).toContain('Question 1 of 1');
      const sessionId = /#\/interview\/([^/?]+)/.exec(page.url())?.[1] ?? '';
      const session = (await (await fetch(new URL(`api/sessions/${sessionId}`, suite.app.url))).json()) as {
        planned: number;
        config: { mode: string; questionIds?: string[] };
        turns: Array<{ questionId: string }>;
      };
      expect(session.planned).toBe(1);
      expect(session.config).toMatchObject({ mode: 'drill', questionIds: [ID] });
      expect(session.turns.map((t) => t.questionId)).toEqual([ID]);

      // A weak answer brings a follow-up; its feedback is on the follow-up's own words, as the server graded them.
      await answer(room, WEAK);
      await room.continueButton.click();
      expect(await room.waitForState()).toBe('question');
      await answer(room, FOLLOW);
      const fb = new FeedbackPanel(page);
      expect(await fb.answer.textContent()).toBe(FOLLOW);
      expect(await fb.root.textContent()).toContain('A follow-up is graded on its own');
      expect(await fb.highlights('keypoint').count()).toBeGreaterThan(0);

      await fb.answer.scrollIntoViewIfNeeded();
      await screenshot(page, 'bank-practise-this');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    "shows the bank's Chinese note under each key point when the interface is in Chinese",
    async () => {
      const { page } = suite.browser;
      const shell = new Shell(page);
      await page.goto(`${suite.app.url}#/bank/${ID}`);
      await page.getByTestId('question-detail').waitFor();
      await shell.langToggle.click();
      expect(await shell.lang()).toBe('zh-CN');
      await page.getByTestId('practise-this').click();
      const room = new RoomPage(page);
      await room.question.waitFor();
      await answer(room, 'ECS is simpler to run than EKS, and EC2 gives full control of the instances.');
      const fb = new FeedbackPanel(page);
      const points = fb.root.locator('[data-testid^="keypoint-"]');
      const notes = fb.root.getByTestId('kp-zh');
      expect(await notes.count()).toBe(await points.count());
      expect(await notes.first().textContent()).toMatch(/[\u4e00-\u9fff]/);
      expect(await notes.first().getAttribute('lang')).toBe('zh-CN');

      await notes.first().scrollIntoViewIfNeeded();
      await screenshot(page, 'bank-keypoints-chinese');
      await shell.langToggle.click();
      expect(await notes.count()).toBe(0);
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
