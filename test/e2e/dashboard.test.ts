// The progress dashboard after some answers: radar, line chart and category bars with data, the review queue,
// and the countdown set with the date input.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgressPage } from './pages/progress.js';
import { Shell } from './pages/shell.js';
import {
  type AppServer,
  apiPost,
  type Browser,
  BUILD_TIMEOUT,
  E2E_TIMEOUT,
  ensureWebBuilt,
  hasChromium,
  launchBrowser,
  SKIP_REASON,
  screenshot,
  startApp,
} from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const ANSWERS: Array<[string, string]> = [
  [
    'terraform-state-team',
    'I store state remotely in S3 with DynamoDB locking. Each environment has its own state file. We run Terraform in CI/CD, not locally, to avoid conflicts, and we check for drift every night.',
  ],
  [
    'crashloopbackoff-troubleshooting',
    'It means the pod keeps crashing after start. I check kubectl logs --previous and kubectl describe to see the exit code, then config, env vars and probes. Usually it is a bad config or a failing health check.',
  ],
  ['ec2-vs-ecs-vs-eks', 'EC2 gives full control. ECS is simpler. EKS is Kubernetes.'],
];

describe.skipIf(!hasChromium)('progress dashboard', () => {
  let app: AppServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    app = await startApp();
    browser = await launchBrowser();
    for (const [id, text] of ANSWERS) await apiPost(app.url, `/questions/${id}/answers`, { text });
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it(
    'draws the charts from the answers and sets the interview date',
    async () => {
      const { page } = browser;
      await page.goto(app.url);
      await new Shell(page).go('progress');
      const dash = new ProgressPage(page);
      await dash.radar.waitFor();

      const shape = await dash.radar.getByTestId('radar-shape').getAttribute('points');
      expect(shape?.split(' ')).toHaveLength(3);
      // All three at the centre would mean no data.
      expect(new Set(shape?.split(' ')).size).toBeGreaterThan(1);
      expect(await dash.radar.locator('svg').getAttribute('aria-label')).toMatch(/Technical means \d+/);
      expect(await dash.line.getByTestId('line-point').count()).toBeGreaterThanOrEqual(1);
      expect(await dash.line.locator('table td').first().textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await dash.bars.getByTestId('category-bar').count()).toBeGreaterThanOrEqual(6);
      expect(await dash.bars.locator('svg').getAttribute('aria-label')).toContain('IaC 1/');
      expect(await dash.reviewQueue.isVisible()).toBe(true);

      const date = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      await dash.dateInput.fill(date);
      await dash.countdown.getByRole('button', { name: 'Save date' }).click();
      await dash.daysLeft.waitFor();
      expect(Number(await dash.daysLeft.textContent())).toBeGreaterThanOrEqual(29);
      expect(await dash.countdown.textContent()).toContain(date);
      expect(await dash.reviewQueue.getByTestId('review-item').count()).toBe(3);
      expect(await page.getByTestId('weak-list').isVisible()).toBe(true);

      await screenshot(page, 'dashboard');
      expect(browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
