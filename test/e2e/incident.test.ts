// The incident room, by keyboard: pick `bad-deploy-release-is-cause` on #/incident, declare an incident, split the
// error rate by version (the evidence appears, the metrics and the chart move), say something the interviewer
// cannot map (a clarifying question), paste a turn far over the limit (the server's message, the text kept), roll
// back (the error rate drops), end the round: the debrief with its three layer scores, the expert order and the
// replay; then the round in the history. On a phone nothing scrolls sideways, and in Chinese the list is too.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IncidentPage } from './pages/incident.js';
import { focusedTestId, horizontalOverflow, Shell } from './pages/shell.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const SCENARIO = 'bad-deploy-release-is-cause';

/** How many points a polyline has. */
async function pointCount(page: Page, testId: string, within: string): Promise<number> {
  const points = await page.getByTestId(within).getByTestId(testId).getAttribute('points');
  return (points ?? '').trim().split(/\s+/).filter(Boolean).length;
}

interface RoundView {
  minute: number;
  clock: string;
  scenario: { limitMinutes: number };
  turns: Array<{ metrics: Metrics }>;
  curve: Metrics[];
}
interface Metrics {
  minute: number;
  errorRate: number;
  latencyMs: number;
  failedRequests: number;
  budgetBurnt: number;
}

/** The round as the server has it (the id from the page's address). */
async function serverView(page: Page, base: string): Promise<RoundView> {
  const id = decodeURIComponent(page.url().split('#/incident/')[1] ?? '');
  return (await (await fetch(new URL(`api/incidents/${encodeURIComponent(id)}`, base))).json()) as RoundView;
}

const num = (n: number) => n.toLocaleString('en-US');

/** The clock and the dashboard show the server's state after the last turn (or the opening minute). */
async function expectDashboard(page: Page, inc: IncidentPage, base: string): Promise<Metrics> {
  const v = await serverView(page, base);
  const m = v.turns.at(-1)?.metrics ?? (v.curve.at(-1) as Metrics);
  expect(await inc.clock.textContent()).toContain(v.clock);
  expect(await inc.clock.textContent()).toContain(`minute ${v.minute} of ${v.scenario.limitMinutes}`);
  expect(await inc.metric('error-rate').textContent()).toBe(`${num(Math.round(m.errorRate * 1000) / 10)}%`);
  expect(await inc.metric('p99').textContent()).toBe(`${num(m.latencyMs)} ms`);
  expect(await inc.metric('failed').textContent()).toBe(num(m.failedRequests));
  expect(await inc.metric('budget').textContent()).toBe(`${num(m.budgetBurnt)}%`);
  return m;
}

describe.skipIf(!hasChromium)('incident room', () => {
  const suite = useSuite();

  it(
    'runs a round by keyboard from the scenario list to the debrief',
    async () => {
      const { page } = suite.browser;
      const inc = new IncidentPage(page);
      await inc.open(suite.app.url);

      // The list: title, level and brief of each scenario; no rounds yet.
      const card = inc.scenario(SCENARIO);
      expect(await card.locator('h3').textContent()).toBe(
        'Half of checkout requests fail right after a release',
      );
      expect(await card.textContent()).toContain('Level 3');
      expect(await card.textContent()).toContain(
        'A canary release of checkout-api started twenty minutes ago',
      );
      expect(await inc.history.textContent()).toContain('No rounds yet');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Incident room');

      // Start with the keyboard.
      await inc.startButton(SCENARIO).focus();
      await page.keyboard.press('Enter');
      await inc.room.waitFor();
      expect(page.url()).toMatch(/#\/incident\/i-[\w-]+$/);
      expect(await inc.clock.textContent()).toContain('14:05');
      expect(await inc.clock.textContent()).toContain('minute 0 of 60');
      const opening = await expectDashboard(page, inc, suite.app.url);
      expect(await page.getByTestId('incident-brief').textContent()).toContain('the pager fires');
      expect(await page.getByTestId('incident-system').textContent()).toContain('checkout-api');
      expect(await page.getByTestId('incident-system').textContent()).toContain('Checkout RED (Grafana)');
      expect(await inc.metric('failed').textContent()).toBe('0');
      expect(await focusedTestId(page)).toBe('incident-input');
      expect(await inc.send.isDisabled()).toBe(true);
      expect(await page.getByTestId('incident-turns').getAttribute('aria-live')).toBe('polite');

      // Turn 1: declare an incident.
      await inc.takeTurn('I declare an incident');
      const first = inc.lastTurn;
      expect(await first.getByTestId('turn-input').textContent()).toBe('I declare an incident');
      const declared = first.getByTestId('turn-action');
      expect(await declared.getAttribute('data-outcome')).toBe('done');
      expect(await declared.textContent()).toContain('✓');
      expect(await declared.textContent()).toContain('Declare a SEV1');
      expect(await inc.clock.textContent()).toContain('14:06');
      expect((await expectDashboard(page, inc, suite.app.url)).failedRequests).toBeGreaterThan(0);
      expect(await focusedTestId(page)).toBe('incident-input');
      expect(await inc.input.inputValue()).toBe('');

      // Shift+Enter is a new line, not a send.
      await page.keyboard.type('split the error rate by version in Grafana');
      await page.keyboard.press('Shift+Enter');
      expect(await inc.input.inputValue()).toBe('split the error rate by version in Grafana\n');
      expect(await inc.turns.count()).toBe(1);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Enter');
      await page.waitForFunction(
        () => document.querySelectorAll('[data-testid="incident-turn"]').length === 2,
      );

      // Turn 2: the evidence (tool output in a monospace block), the metrics and the chart move.
      const evidence = inc.lastTurn.getByTestId('evidence');
      expect(await evidence.textContent()).toContain('app_version');
      expect(await evidence.textContent()).toContain('v2.14.0');
      expect(await evidence.evaluate((el) => el.tagName)).toBe('PRE');
      expect(await evidence.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/mono/i);
      const split = await expectDashboard(page, inc, suite.app.url);
      // Still bleeding: the error rate has grown since the page fired.
      expect(split.errorRate).toBeGreaterThan(opening.errorRate);
      expect(await page.getByTestId('metric-error-rate').textContent()).toContain('since your last turn');
      // One point per simulated minute so far (0…split.minute).
      expect(await pointCount(page, 'error-line', 'incident-chart')).toBe(split.minute + 1);
      expect(await pointCount(page, 'latency-line', 'incident-chart')).toBe(split.minute + 1);
      expect(await inc.chart.locator('svg').getAttribute('aria-label')).toContain(
        `error rate ${await inc.metric('error-rate').textContent()}`,
      );

      // A turn the interviewer cannot map: a clarifying question, and a minute passes.
      await inc.takeTurn('asdf qwer zxcv');
      expect(await inc.lastTurn.getByTestId('clarify').textContent()).toContain(
        'Which tool would you open, or what would you change, exactly?',
      );
      expect(await inc.lastTurn.getByTestId('turn-action').count()).toBe(0);
      // Thinking costs a minute too.
      expect((await expectDashboard(page, inc, suite.app.url)).minute).toBe(split.minute + 1);

      // A 20,000-character paste: the server refuses it with its reason; the text stays in the box.
      const huge = 'x'.repeat(20_000);
      await inc.input.fill(huge);
      await inc.input.press('Enter');
      await inc.error.waitFor();
      expect(await inc.error.textContent()).toContain('a turn is at most 2,000 characters');
      expect(await inc.input.inputValue()).toBe(huge);
      expect(await inc.turns.count()).toBe(3);
      await inc.input.fill('');

      // Roll back: the error rate drops to the baseline.
      await inc.takeTurn('roll back');
      expect(await inc.lastTurn.getByTestId('turn-action').textContent()).toContain(
        'Abort the canary and roll back to v2.13.4',
      );
      expect(await inc.error.count()).toBe(0);
      const after = await expectDashboard(page, inc, suite.app.url);
      expect(after.errorRate).toBeLessThan(0.01);
      expect(after.latencyMs).toBeLessThan(split.latencyMs);
      expect(await page.getByTestId('metric-error-rate').locator('.inc-delta-better').count()).toBe(1);
      // The state after the rollback is drawn at the same minute as the curve's last point: a drop.
      expect(await pointCount(page, 'error-line', 'incident-chart')).toBe(after.minute + 2);

      // Saying it again: "= already done".
      await inc.takeTurn('roll back');
      expect(await inc.lastTurn.getByTestId('turn-action').getAttribute('data-outcome')).toBe('repeated');
      expect(await inc.lastTurn.getByTestId('turn-action').textContent()).toContain('=');
      await screenshot(page, 'incident-room');

      // End the round: the debrief, with focus on its heading.
      await inc.takeTurn('done');
      await inc.debrief.waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('inc-debrief-h');
      expect(await page.getByTestId('incident-status').textContent()).toBe('Finished');
      expect(await page.getByTestId('incident-overall').textContent()).toMatch(/^\d+\/100overall$/);
      for (const layer of ['technical', 'ops', 'delivery'] as const)
        expect(await inc.score(layer).textContent()).toMatch(/^\d+$/);
      expect(await inc.layer('technical').textContent()).toContain('Technical means');
      // Credited items quote the candidate (in a <q>: the quotation marks come from the stylesheet).
      expect(
        await inc.layer('technical').getByTestId('layer-credited').locator('q').allTextContents(),
      ).toEqual(['split the error rate by version in Grafana', 'roll back']);
      expect(await inc.layer('technical').getByTestId('layer-missed').textContent()).toContain(
        'Read the logs of the new version',
      );
      expect(
        await inc.layer('delivery').getByTestId('layer-credited').locator('q').allTextContents(),
      ).toEqual(['I declare an incident']);
      const outcome = await page.getByTestId('incident-outcome').textContent();
      expect(outcome).toContain('Cause identified');
      expect(outcome).toContain(`minute ${split.minute}`);
      expect(await page.getByTestId('incident-ended').textContent()).toBe(
        `You ended the round at minute ${after.minute}.`,
      );
      const order = page.getByTestId('incident-order');
      expect(await order.locator('li').first().textContent()).toMatch(/you: minute \d+$/);
      expect(await order.textContent()).toContain('you: not done');
      expect(await page.getByTestId('incident-root-cause').textContent()).toContain('PAYMENTS_API_URL');
      expect(await page.getByTestId('incident-notes').locator('li').count()).toBeGreaterThan(0);

      // The replay: a marker at each minute something was done (declare, split, roll back; the repeat adds
      // none), the curve with the drop, and every turn.
      const replay = page.getByTestId('incident-replay');
      expect(await inc.replayChart.getByTestId('chart-marker').count()).toBe(3);
      expect(await pointCount(page, 'error-line', 'replay-chart')).toBe(after.minute + 2);
      expect(await replay.getByTestId('incident-turn').count()).toBe(6);
      expect(await replay.getByTestId('incident-turns').getAttribute('aria-live')).toBeNull();
      await screenshot(page, 'incident-debrief');

      // The round in the history, with its score.
      await inc.open(suite.app.url);
      await inc.rounds.first().waitFor();
      expect(await inc.rounds.count()).toBe(1);
      expect(await inc.rounds.first().textContent()).toMatch(/\d+\/100/);
      expect(suite.browser.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'resumes an unfinished round, fits a 390 px phone, and lists the scenarios in Chinese',
    async () => {
      const { page } = suite.browser;
      const inc = new IncidentPage(page);
      const round = await apiPost<{ id: string }>(suite.app.url, '/incidents', { scenarioId: SCENARIO });
      await apiPost(suite.app.url, `/incidents/${round.id}/turns`, {
        input: 'I declare an incident and split the error rate by version in Grafana',
      });

      await page.setViewportSize({ width: 390, height: 844 });
      await inc.open(suite.app.url);
      const resume = inc.rounds
        .filter({ hasText: 'Resume' })
        .getByRole('link', { name: 'Resume', exact: true });
      await resume.click();
      await inc.room.waitFor();
      expect(await inc.turns.count()).toBe(1);
      expect(await inc.lastTurn.getByTestId('turn-action').count()).toBe(2);
      expect(await inc.lastTurn.getByTestId('evidence').textContent()).toContain('app_version');
      await inc.chart.waitFor();
      let o = await horizontalOverflow(page);
      expect(o.scrollWidth, o.culprits.join('; ')).toBeLessThanOrEqual(o.width);
      await screenshot(page, 'incident-phone-room');

      await inc.takeTurn('roll back');
      await inc.takeTurn('done');
      await inc.debrief.waitFor();
      o = await horizontalOverflow(page);
      expect(o.scrollWidth, o.culprits.join('; ')).toBeLessThanOrEqual(o.width);
      await screenshot(page, 'incident-phone-debrief');
      // In Chinese, the expert order names each step in Chinese beside the English label.
      await new Shell(page).langToggle.click();
      expect(await page.getByTestId('incident-order').locator('[lang="zh"]').first().textContent()).toMatch(
        /[\u4e00-\u9fff]/,
      );
      await new Shell(page).langToggle.click();

      // In Chinese: the scenarios' Chinese titles and briefs.
      await inc.open(suite.app.url);
      o = await horizontalOverflow(page);
      expect(o.scrollWidth, o.culprits.join('; ')).toBeLessThanOrEqual(o.width);
      await new Shell(page).langToggle.click();
      expect(await inc.scenario(SCENARIO).locator('h3').textContent()).toBe('发布之后一半的结账请求失败');
      expect(await inc.scenario(SCENARIO).textContent()).toContain('难度 3');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('故障演练室');
      await screenshot(page, 'incident-phone-zh');
      await new Shell(page).langToggle.click();
      await page.setViewportSize({ width: 1280, height: 720 });
      // The only console error is the browser's own log of the refused paste in the first test.
      expect(suite.browser.errors.filter((e) => !/status of 400/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
