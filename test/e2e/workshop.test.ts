// The workshop and the bank: live analysis while typing, saving versions with the comparison, the STAR + Future
// and self-introduction builders, and opening a bank question to practise it.
import { describe, expect, it } from 'vitest';
import { Shell } from './pages/shell.js';
import { WorkshopPage } from './pages/workshop.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

describe.skipIf(!hasChromium)('workshop and bank', () => {
  const suite = useSuite();

  it(
    'analyses as you type, saves versions and compares them',
    async () => {
      const { page } = suite.browser;
      const ws = new WorkshopPage(page);
      await page.goto(suite.app.url);
      await new Shell(page).go('workshop');
      await ws.search.fill('terraform state');
      await ws.pick('terraform-state-team').click();
      await page.getByTestId('workshop-question').waitFor();

      await ws.input.pressSequentially('I store state in S3 so that it is shared.', { delay: 5 });
      await ws.live.getByTestId('score-overall').waitFor();
      expect(await ws.live.getByTestId('answer-highlighted').textContent()).toBe(
        'I store state in S3 so that it is shared.',
      );
      await ws.save.click();
      await ws.saved.waitFor();
      expect(await ws.saved.textContent()).toContain('version 1');

      await ws.input.fill(
        'I store state remotely in S3 with DynamoDB locking, with one state file per environment. We run Terraform in CI, not locally, and check for drift.',
      );
      await ws.save.click();
      await ws.saved.getByTestId('comparison').waitFor();
      // The retry shows what changed word by word beside the key points gained.
      const diff = ws.saved.getByTestId('cmp-diff');
      expect(await diff.locator('ins').first().textContent()).toMatch(/remotely/);
      expect(await diff.locator('del').count()).toBeGreaterThan(0);
      expect(await ws.saved.textContent()).toContain('version 2');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="version"]').length === 2);

      await screenshot(page, 'workshop-versions');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'builds a STAR + Future story and a self-introduction and analyses them',
    async () => {
      const { page } = suite.browser;
      const ws = new WorkshopPage(page);
      await page.goto(`${suite.app.url}#/workshop`);
      await ws.tab('star').click();
      await ws
        .star('situation')
        .fill('In my last role, releases were manual and took hours. We lacked visibility in production.');
      await ws.star('task').fill('My responsibility was to make releases safe and fast.');
      await ws
        .star('action')
        .fill(
          'I introduced Terraform for infrastructure and built CI/CD pipelines with GitHub Actions and Argo CD. I also set up Prometheus and Grafana.',
        );
      await ws
        .star('result')
        .fill('As a result, deployments went from hours to minutes and incidents dropped by 40 percent.');
      await ws.star('future').fill('Going forward, I want to grow into a platform engineering leader.');
      await page.getByTestId('star-analyse').click();
      await page.getByTestId('star-full-score').waitFor();
      await page.getByTestId('star-quick-score').waitFor();
      const quick = await page.getByTestId('star-quick').locator('.assembled').textContent();
      expect(quick?.split(/(?<=\.)\s+/)).toHaveLength(4);
      await screenshot(page, 'workshop-star');

      await ws.tab('intro').click();
      await ws.intro('fullName').fill('Haitao Pan');
      await ws.intro('callMe').fill('Harry');
      await ws.intro('years').fill('10');
      await ws.intro('role').fill('senior DevOps engineer');
      await ws.intro('stack').fill('AWS, Terraform, Kubernetes and Argo CD');
      await ws.intro('highlight').fill('Recently I cut deployment time from hours to minutes with GitOps');
      await ws
        .intro('goal')
        .fill('Next, I want to grow into platform engineering, which is why this role attracted me');
      await page.getByTestId('intro-analyse').click();
      await page.getByTestId('intro-result-score').waitFor();
      const intro = await page.getByTestId('intro-result').locator('.assembled').textContent();
      expect(intro).toMatch(
        /^Hello, my name is Haitao Pan, but you can call me Harry, it's easier\. I'm a senior DevOps engineer/,
      );

      await screenshot(page, 'workshop-intro');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'maps saved stories onto competencies and warns about a result reused across answers',
    async () => {
      const { page } = suite.browser;
      await apiPost(suite.app.url, '/questions/production-mistake/answers', {
        text: 'In my last role I pushed a config change that took the login service down for [N] minutes. I rolled it back, told the incident channel what I had done and wrote the postmortem myself. We added a canary stage, and our deploy time went from hours to minutes.',
      });
      await apiPost(suite.app.url, '/questions/tight-deadline/answers', {
        text: 'Our data-centre contract was ending in six weeks and the billing jobs still ran on bare metal. I split the move into three waves, negotiated a freeze with finance and moved the riskiest job first. We finished on time, and our deploy time went from hours to minutes.',
      });
      await page.goto(`${suite.app.url}#/workshop`);
      const ws = new WorkshopPage(page);
      await ws.tab('stories').click();
      const map = page.getByTestId('story-map');
      await map.waitFor();
      expect(await map.getByTestId('competency-failure').textContent()).toContain(
        'In my last role I pushed a config change',
      );
      expect(await map.getByTestId('competency-mentoring').textContent()).toContain('No story yet');
      expect(await map.getByTestId('story-reuse').textContent()).toMatch(/hours to minutes.*2 answers/);
      await screenshot(page, 'workshop-stories');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'filters the bank, opens a question with its Chinese notes, and practises it',
    async () => {
      const { page } = suite.browser;
      await page.goto(suite.app.url);
      await new Shell(page).go('bank');
      await page.getByTestId('bank-category').selectOption('iac');
      await page.getByTestId('bank-search').fill('state');
      await page.getByTestId('bank-item-terraform-state-team').click();
      const detail = page.getByTestId('question-detail');
      await detail.waitFor();
      expect(await detail.getByTestId('zh-translation').textContent()).toMatch(/[\u4e00-\u9fff]/);
      await detail.getByTestId('model-tab-full').click();
      expect(await detail.getByTestId('model-answer').textContent()).toContain('DynamoDB');
      await screenshot(page, 'bank-question');

      await detail.getByTestId('open-workshop').click();
      await page.getByTestId('workshop-question').waitFor();
      expect(page.url()).toContain('#/workshop/terraform-state-team');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
