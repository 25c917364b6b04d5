// Phones (360–430 px wide): no screen scrolls sideways, the whole navigation and the language toggle are on
// screen, a bank question opens in view (in the list's place, with a way back), the charts' labels stay readable,
// and the self-introduction builder's long parts are multi-line. Also on the desktop: the bank fetches its question
// list once, filters it in the page, and asks the server only once per distinct search.
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ImportPage } from './pages/import.js';
import { horizontalOverflow, Shell } from './pages/shell.js';
import { WorkshopPage } from './pages/workshop.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const WIDTHS = [360, 390, 430] as const;
const HEIGHT = 844;
const NAV = ['home', 'interview', 'workshop', 'progress', 'bank', 'import'] as const;

const ANSWERS: Array<[string, string]> = [
  [
    'terraform-state-team',
    'I store state remotely in S3 with DynamoDB locking. Each environment has its own state file. We run Terraform in CI/CD, not locally, to avoid conflicts.',
  ],
  [
    'terraform-state-team',
    'I store state remotely in S3 with versioning and locking, one state per environment. Only the pipeline applies a reviewed plan, and a nightly plan detects drift.',
  ],
  [
    'crashloopbackoff-troubleshooting',
    'It means the pod keeps crashing after start. I check kubectl logs --previous and kubectl describe to see the exit code, then config, env vars and probes.',
  ],
  ['ec2-vs-ecs-vs-eks', 'EC2 gives full control. ECS is simpler. EKS is Kubernetes.'],
];

const ROOM_ANSWER =
  'We keep remote state in an S3 backend with versioning and locking, so that two applies never collide. Each environment has its own state, and only the pipeline applies a reviewed plan. A nightly plan detects drift.';

const COLLECTION = `# Linux

<details>
<summary>What does the nice command change for a process?</summary>

It changes the scheduling priority of a process. A higher niceness means a lower priority for the CPU scheduler.
</details>
`;

interface SessionView {
  id: string;
  current: { position: number } | null;
}

/** A finished one-question drill, answered through the API, for its summary screen. */
async function finishedSession(base: string): Promise<string> {
  let s = await apiPost<SessionView>(base, '/sessions', {
    mode: 'drill',
    questionIds: ['ec2-vs-ecs-vs-eks'],
    maxFollowUps: 0,
  });
  const id = s.id;
  for (let guard = 0; s.current && guard < 5; guard++) {
    await apiPost(base, `/sessions/${id}/answers`, { text: ANSWERS[3]?.[1], position: s.current.position });
    s = (await (await fetch(new URL(`api/sessions/${id}`, base))).json()) as SessionView;
  }
  return id;
}

/** Layout settled: two frames for resize observers and the renders they cause. */
function settle(page: Page): Promise<void> {
  return page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 30))),
      ),
  );
}

describe.skipIf(!hasChromium)('phone layout', () => {
  const ids: { summary: string; imported: string } = { summary: '', imported: '' };
  const suite = useSuite(async ({ app }) => {
    for (const [id, text] of ANSWERS) await apiPost(app.url, `/questions/${id}/answers`, { text });
    ids.summary = await finishedSession(app.url);
    const saved = await apiPost<{ importedIds: string[] }>(app.url, '/import', {
      dryRun: false,
      files: [{ name: 'linux.md', content: Buffer.from(COLLECTION).toString('base64') }],
    });
    ids.imported = saved.importedIds[0] ?? '';
  });

  /** Every screen, opened fresh; each resolves once the screen shows its content. */
  const SCREENS: Array<{ name: string; open: (page: Page, base: string) => Promise<void> }> = [
    { name: 'home', open: (p, b) => visit(p, b, '', 'start-interview') },
    { name: 'history', open: (p, b) => visit(p, b, 'interview', 'history') },
    { name: 'incident', open: (p, b) => visit(p, b, 'incident', 'incident-scenarios') },
    { name: 'workshop', open: (p, b) => workshopTab(p, b, 'workshop', 'answer', 'question-search') },
    {
      name: 'workshop-question',
      open: (p, b) => workshopTab(p, b, 'workshop/terraform-state-team', 'answer', 'version'),
    },
    ...(['star', 'intro', 'stories'] as const).map((tab) => ({
      name: `workshop-${tab}`,
      open: (p: Page, b: string) =>
        workshopTab(
          p,
          b,
          'workshop',
          tab,
          { star: 'star-situation', intro: 'intro-goal', stories: 'story-map' }[tab],
        ),
    })),
    { name: 'progress', open: (p, b) => visit(p, b, 'progress', 'category-bars') },
    { name: 'bank', open: (p, b) => visit(p, b, 'bank', 'bank-item-terraform-state-team') },
    { name: 'bank-question', open: (p, b) => visit(p, b, 'bank/terraform-state-team', 'question-detail') },
    {
      name: 'room-feedback',
      open: async (p, b) => {
        const s = await apiPost<SessionView>(b, '/sessions', {
          mode: 'drill',
          questionIds: ['terraform-state-team'],
        });
        await visit(p, b, `interview/${s.id}`, 'answer-input');
        await p.getByTestId('answer-input').fill(ROOM_ANSWER);
        await p.getByTestId('send-answer').click();
        await p.getByTestId('continue').waitFor();
      },
    },
    { name: 'summary', open: (p, b) => visit(p, b, `interview/${ids.summary}`, 'summary') },
    {
      name: 'import-preview',
      open: async (p, b) => {
        const imp = new ImportPage(p);
        await imp.open(b);
        await imp.choose([{ name: 'more-linux.md', text: COLLECTION.replace('nice', 'renice') }]);
      },
    },
    {
      name: 'import-questions',
      open: (p, b) => visit(p, b, `import/questions/${ids.imported}`, 'imported-detail'),
    },
  ];

  async function visit(page: Page, base: string, path: string, ready: string): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${base}#/${path}`);
    await page.getByTestId(ready).first().waitFor();
  }

  /** The workshop on one tab (it reopens on the tab chosen last, so choose it). */
  async function workshopTab(
    page: Page,
    base: string,
    path: string,
    tab: 'answer' | 'star' | 'intro' | 'stories',
    ready: string,
  ): Promise<void> {
    const ws = new WorkshopPage(page);
    await visit(page, base, path, `tab-${tab}`);
    await ws.tab(tab).click();
    await page.getByTestId(ready).first().waitFor();
  }

  for (const width of WIDTHS) {
    it(
      `no screen scrolls sideways at ${width} px`,
      async () => {
        const { page } = suite.browser;
        await page.setViewportSize({ width, height: HEIGHT });
        for (const screen of SCREENS) {
          await screen.open(page, suite.app.url);
          await settle(page);
          const o = await horizontalOverflow(page);
          expect(o.width).toBe(width);
          expect(
            o.scrollWidth,
            `${screen.name} at ${width} px: ${o.culprits.join('; ')}`,
          ).toBeLessThanOrEqual(o.width);
          if (width === 390) await screenshot(page, `phone-${screen.name}`);
        }
        expect(suite.browser.errors).toEqual([]);
      },
      E2E_TIMEOUT,
    );
  }

  it(
    'shows every navigation link and the language toggle on screen, and they work',
    async () => {
      const { page } = suite.browser;
      const shell = new Shell(page);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT });
        await visit(page, suite.app.url, '', 'start-interview');
        for (const lang of ['en', 'zh-CN']) {
          if ((await shell.lang()) !== lang) await shell.langToggle.click();
          const testIds = await page
            .locator('nav [data-testid^="nav-"], [data-testid="lang-toggle"]')
            .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid') ?? ''));
          expect(testIds).toEqual(expect.arrayContaining([...NAV.map((id) => `nav-${id}`), 'lang-toggle']));
          const boxes = await page.evaluate(
            (testIds) =>
              testIds.map((testId) => {
                const el = document.querySelector(`[data-testid="${testId}"]`) as HTMLElement;
                const b = el.getBoundingClientRect();
                // The element itself is what a tap at its middle reaches (nothing covers it).
                const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
                return {
                  testId,
                  left: b.left,
                  right: b.right,
                  top: b.top,
                  bottom: b.bottom,
                  reachable: !!hit && el.contains(hit),
                };
              }),
            testIds,
          );
          for (const b of boxes) {
            const where = `${b.testId} at ${width} px (${lang})`;
            expect(b.left, where).toBeGreaterThanOrEqual(0);
            expect(b.right, where).toBeLessThanOrEqual(width);
            expect(b.top, where).toBeGreaterThanOrEqual(0);
            expect(b.bottom, where).toBeLessThanOrEqual(HEIGHT);
            expect(b.bottom - b.top, `${where}: a tap target`).toBeGreaterThanOrEqual(32);
            expect(b.reachable, where).toBe(true);
          }
          // No two overlap.
          for (const [i, a] of boxes.entries())
            for (const b of boxes.slice(i + 1))
              expect(
                a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top,
                `${a.testId} overlaps ${b.testId} at ${width} px (${lang})`,
              ).toBe(true);
        }
        if (width === 390) await screenshot(page, 'phone-header-zh');
        await shell.langToggle.click();
        expect(await shell.lang()).toBe('en');
      }

      await page.setViewportSize({ width: 360, height: HEIGHT });
      await shell.go('bank');
      await page.getByTestId('bank-search').waitFor();
      expect(page.url()).toContain('#/bank');
      await shell.go('import');
      await page.getByTestId('drop-zone').waitFor();
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'opens a bank question in view, in place of the list, and goes back to it',
    async () => {
      const { page } = suite.browser;
      await page.setViewportSize({ width: 390, height: HEIGHT });
      await visit(page, suite.app.url, 'bank', 'bank-item-terraform-state-team');
      // A question well down the list: the page has scrolled a long way to reach it.
      const item = page.locator('[data-testid^="bank-item-"]').nth(40);
      const testId = (await item.getAttribute('data-testid')) ?? '';
      const text = await item.locator('.picker-text').textContent();
      await item.scrollIntoViewIfNeeded();
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(2000);
      await item.click();

      const detail = page.getByTestId('question-detail');
      await detail.waitFor();
      await settle(page);
      expect(await detail.locator('#qd-h').textContent()).toBe(text);
      const top = await detail.evaluate((el) => el.getBoundingClientRect().top);
      expect(top).toBeGreaterThanOrEqual(0);
      expect(top).toBeLessThan(HEIGHT / 2);
      expect(await page.getByTestId('bank-back').isVisible()).toBe(true);
      expect(await page.locator('.bank-list').isVisible()).toBe(false);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('qd-h');
      await screenshot(page, 'phone-bank-opened');

      await page.getByTestId('bank-back').click();
      const back = page.getByTestId(testId);
      await back.waitFor();
      await settle(page);
      const box = await back.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
      expect(box.top).toBeGreaterThanOrEqual(0);
      expect(box.bottom).toBeLessThanOrEqual(HEIGHT);
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(testId);
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'draws the charts with labels of at least 11 px on screen at 390 px, inside the chart',
    async () => {
      const { page } = suite.browser;
      for (const lang of ['en', 'zh-CN']) {
        await page.setViewportSize({ width: 390, height: HEIGHT });
        await visit(page, suite.app.url, 'progress', 'category-bars');
        const shell = new Shell(page);
        if ((await shell.lang()) !== lang) await shell.langToggle.click();
        await settle(page);
        const labels = await page.evaluate(() =>
          [...document.querySelectorAll<SVGTextElement>('.chart svg text')].map((text) => {
            const svg = text.ownerSVGElement as SVGSVGElement;
            const scale = text.getScreenCTM()?.a ?? 0;
            const box = text.getBoundingClientRect();
            const frame = svg.getBoundingClientRect();
            return {
              text: text.textContent,
              px: Number.parseFloat(getComputedStyle(text).fontSize) * scale,
              inside:
                box.left >= frame.left - 1 &&
                box.right <= frame.right + 1 &&
                box.top >= frame.top - 1 &&
                box.bottom <= frame.bottom + 1,
            };
          }),
        );
        expect(labels.length).toBeGreaterThan(20);
        for (const l of labels) {
          expect(l.px, `"${l.text}" (${lang})`).toBeGreaterThanOrEqual(11);
          expect(l.inside, `"${l.text}" (${lang}) is cut off`).toBe(true);
        }
        await page.getByTestId('radar-chart').scrollIntoViewIfNeeded();
        await screenshot(page, `phone-charts-${lang}`);
        if (lang === 'zh-CN') await shell.langToggle.click();
      }
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'gives the self-introduction builder multi-line fields for its long parts',
    async () => {
      const { page } = suite.browser;
      await page.setViewportSize({ width: 390, height: HEIGHT });
      await workshopTab(page, suite.app.url, 'workshop', 'intro', 'intro-goal');
      const ws = new WorkshopPage(page);
      for (const field of ['fullName', 'callMe', 'years', 'role'] as const)
        expect(await ws.intro(field).evaluate((el) => el.tagName)).toBe('INPUT');
      for (const field of ['stack', 'highlight', 'goal'] as const) {
        const shape = await ws
          .intro(field)
          .evaluate((el) => ({ tag: el.tagName, rows: (el as HTMLTextAreaElement).rows }));
        expect(shape.tag, field).toBe('TEXTAREA');
        expect(shape.rows, field).toBeGreaterThanOrEqual(2);
      }
      await ws.intro('stack').fill('AWS, Terraform,\nKubernetes and Argo CD');
      await ws.intro('highlight').fill('Recently I cut deployment time\nfrom hours to minutes with GitOps');
      const assembled = page.getByTestId('intro-result').locator('.assembled');
      await expect
        .poll(() => assembled.textContent())
        .toContain(
          'I work mainly with AWS, Terraform, Kubernetes and Argo CD. Recently I cut deployment time from hours to minutes with GitOps.',
        );
      await ws.intro('goal').scrollIntoViewIfNeeded();
      await screenshot(page, 'phone-intro-builder');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});

describe.skipIf(!hasChromium)('bank requests', () => {
  const suite = useSuite();

  it(
    'fetches the question list once, filters it in the page, and searches once per distinct query',
    async () => {
      const { page } = suite.browser;
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto('about:blank');
      const lists: string[] = [];
      let inFlight = 0;
      let most = 0;
      const isList = (r: Request) => new URL(r.url()).pathname === '/api/questions';
      const done = (r: Request) => {
        if (isList(r)) inFlight--;
      };
      page.on('request', (r) => {
        if (!isList(r)) return;
        lists.push(new URL(r.url()).search);
        most = Math.max(most, ++inFlight);
      });
      page.on('requestfinished', done);
      page.on('requestfailed', done);
      const items = page.locator('[data-testid^="bank-item-"]');
      const count = async () => {
        await page.waitForTimeout(400); // longer than the search's pause in typing
        return items.count();
      };

      await page.goto(`${suite.app.url}#/bank`);
      await page.getByTestId('bank-item-terraform-state-team').waitFor();
      const total = await count();
      expect(total).toBeGreaterThan(100);
      expect(lists).toEqual(['']);

      // Category, level and tag filter the list in the page.
      await page.getByTestId('bank-category').selectOption('iac');
      const iac = await count();
      expect(iac).toBeLessThan(total);
      expect(await items.locator('.picker-meta').allTextContents()).toEqual(
        Array.from({ length: iac }, () => expect.stringContaining('IaC')),
      );
      await page.getByTestId('bank-level').selectOption('1');
      expect(await count()).toBeLessThanOrEqual(iac);
      await page.getByTestId('bank-tag').fill('terraform');
      expect(await count()).toBeGreaterThan(0);
      await page.getByTestId('bank-tag').fill('');
      await page.getByTestId('bank-level').selectOption('');
      expect(await count()).toBe(iac);
      expect(lists).toEqual(['']);

      // A search asks once, after a pause in typing; the same search again, and clearing it, ask nothing.
      await page.getByTestId('bank-search').fill('state');
      const state = await count();
      expect(state).toBeGreaterThan(0);
      expect(state).toBeLessThan(iac);
      expect(lists).toEqual(['', '?q=state']);
      await page.getByTestId('bank-search').fill('');
      expect(await count()).toBe(iac);
      await page.getByTestId('bank-search').fill('state');
      expect(await count()).toBe(state);
      await page.getByTestId('bank-category').selectOption('');
      expect(await count()).toBeGreaterThanOrEqual(state);
      expect(lists).toEqual(['', '?q=state']);

      // The search still reaches what the list does not carry (the Chinese intent and notes).
      await page.getByTestId('bank-search').fill('金丝雀');
      expect(await count()).toBeGreaterThan(0);
      expect(lists).toHaveLength(3);

      // Opening a question reads that question only.
      await items.first().click();
      await page.getByTestId('question-detail').waitFor();
      expect(await count()).toBeGreaterThan(0);
      expect(lists).toHaveLength(3);
      expect(new Set(lists).size).toBe(lists.length);
      expect(most).toBe(1);
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
