// The progress dashboard after some answers: radar, line chart and category bars with data, the review queue,
// the countdown set with the date input (a past date refused with the server's message), and the exports
// downloaded as files.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ProgressPage } from './pages/progress.js';
import { Shell } from './pages/shell.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

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
  const suite = useSuite(async ({ app }) => {
    for (const [id, text] of ANSWERS) await apiPost(app.url, `/questions/${id}/answers`, { text });
  });

  it(
    'draws the charts from the answers and sets the interview date',
    async () => {
      const { page } = suite.browser;
      await page.goto(suite.app.url);
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
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    "refuses an interview date in the past with the server's message",
    async () => {
      const { page } = suite.browser;
      await page.goto(`${suite.app.url}#/progress`);
      const dash = new ProgressPage(page);
      await dash.countdown.waitFor();
      await dash.dateInput.fill('2020-01-15');
      await dash.countdown.getByRole('button', { name: 'Save date' }).click();
      await dash.dateError.waitFor();
      expect(await dash.dateError.textContent()).toContain(
        'he interview date 2020-01-15 is not in the future',
      );
      // A date the user can correct is a validation note, not "Something went wrong".
      expect(await dash.dateError.textContent()).not.toContain('Something went wrong');
      expect(await dash.dateError.getAttribute('role')).toBe('alert');

      await dash.countdown.scrollIntoViewIfNeeded();
      await screenshot(page, 'dashboard-past-date');
      // The suite.browser logs the 400 response itself; nothing else may fail.
      expect(suite.browser.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'downloads the study guide, the Anki deck and the answers as files',
    async () => {
      const { page } = suite.browser;
      await page.goto(`${suite.app.url}#/progress`);
      const dash = new ProgressPage(page);
      await dash.exportLink('md').waitFor();

      const download = async (format: 'anki' | 'md' | 'json' | 'csv') => {
        const [file] = await Promise.all([page.waitForEvent('download'), dash.exportLink(format).click()]);
        const path = await file.path();
        return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
      };
      const md = await download('md');
      expect(md.name).toBe('mockops-study-guide.md');
      expect(md.text.startsWith('# mockops study guide\n')).toBe(true);
      const anki = await download('anki');
      expect(anki.name).toBe('mockops-anki.txt');
      expect(anki.text.split('\n')[0]).toBe('#separator:tab');
      const csv = await download('csv');
      expect(csv.text.split('\r\n')[0]).toMatch(/^created_at,question_id,question,/);
      expect(csv.text).toContain('terraform-state-team');
      const json = JSON.parse((await download('json')).text) as { answers: unknown[] };
      expect(json.answers).toHaveLength(ANSWERS.length);

      await page.getByTestId('export').scrollIntoViewIfNeeded();
      await screenshot(page, 'dashboard-export');
      expect(suite.browser.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
