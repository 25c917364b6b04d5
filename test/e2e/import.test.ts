// Importing question collections through the web app: choose a Markdown file, see the preview, save, and find
// the questions in the bank; markup in imported text is shown as text and never runs; key points proposed
// from the reference answer, accepted, and checked in the feedback; files over 5 MiB refused in the browser.
import { describe, expect, it } from 'vitest';
import { FeedbackPanel } from './pages/feedback.js';
import { ImportPage } from './pages/import.js';
import { RoomPage } from './pages/room.js';
import { Shell, tabTo } from './pages/shell.js';
import { answer } from './support/flows.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const COLLECTION = `# Linux

<details>
<summary>What does the nice command change for a process?</summary><br><b>

It changes the scheduling priority of a process. A higher niceness means a lower priority for the CPU scheduler.
</b></details>

<details>
<summary>What is stored in an inode?</summary><br><b>

File metadata such as permissions, owner, timestamps and block pointers. The file name lives in the directory entry.
</b></details>
`;

const IMG = '<img src=x onerror="window.__xss=1">';
const SCRIPT = '<script>window.__xss=2</script>';
const XSS_QUESTION = `Why must ${IMG} and ${SCRIPT} be escaped in HTML?`;
const XSS_ANSWER = `Because the browser would run ${IMG} and ${SCRIPT} as code. Escape every output and use a strict CSP.`;
const XSS_FILE = `# Web security

<details>
<summary>Why must \`${IMG}\` and \`${SCRIPT}\` be escaped in HTML?</summary>

Because the browser would run \`${IMG}\` and \`${SCRIPT}\` as code. Escape every output and use a strict CSP.
</details>
`;

const KEY_POINT_FILE = `# Terraform

<details>
<summary>How do you protect Terraform state when a team works on it?</summary>

Store the state in a remote backend such as an S3 bucket with versioning and encryption. Enable state locking with a DynamoDB table so that two applies cannot run at once. Run every plan and apply from the CI pipeline instead of laptops.
</details>
`;

interface Imported {
  id: string;
  text: string;
  keyPoints: Array<{ id: string; text: string; concepts: string[] }>;
}

async function importedQuestions(base: string): Promise<Imported[]> {
  const res = await fetch(new URL('api/imported', base));
  return ((await res.json()) as { questions: Imported[] }).questions;
}

const xssValue = (page: import('playwright-core').Page) =>
  page.evaluate(() => (window as unknown as { __xss?: number }).__xss);

describe.skipIf(!hasChromium)('importing questions', () => {
  const suite = useSuite();

  it(
    'previews a Markdown collection, saves it, and the questions are in the bank',
    async () => {
      const { page } = suite.browser;
      await page.goto(suite.app.url);
      await new Shell(page).go('import');
      const imp = new ImportPage(page);
      await imp.choose([{ name: 'linux.md', text: COLLECTION }]);

      expect(await imp.fileReports.count()).toBe(1);
      const report = imp.fileReports.first();
      expect(await report.getByRole('heading').textContent()).toBe('linux.md');
      expect(await report.textContent()).toContain('format: details');
      expect(await report.textContent()).toContain('encoding: utf-8');
      expect(await report.getByTestId('file-count').textContent()).toBe('2 questions');
      expect(await imp.previewQuestions.count()).toBe(2);
      const first = imp.previewQuestions.first().locator('td');
      expect(await first.nth(0).textContent()).toBe('What does the nice command change for a process?');
      expect(await first.nth(1).textContent()).toBe('4');
      expect(await first.nth(2).textContent()).toContain('scheduling priority');
      expect(await first.nth(3).textContent()).toBe('Linux');
      expect(await imp.totals.textContent()).toContain('2 new');
      expect(await imp.save.textContent()).toBe('Save 2 questions');
      await screenshot(page, 'import-preview');

      await imp.save.click();
      await imp.result.waitFor();
      expect(await imp.result.getByRole('heading').textContent()).toBe('Saved 2 questions.');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('saved-h');
      expect(await imp.preview.count()).toBe(0);

      // Choosing the same file again: both are duplicates now, nothing to save.
      await imp.choose([{ name: 'linux.md', text: COLLECTION }]);
      expect(await imp.dedupe.getByTestId('dedupe-skipped').locator('li').count()).toBe(2);
      expect(await imp.dedupe.textContent()).toContain('duplicate of linux.md:4');
      expect(await imp.save.isDisabled()).toBe(true);

      // In the bank, under the category "imported", with provenance in the list of imported questions.
      await new Shell(page).go('bank');
      await page.getByTestId('bank-category').selectOption('imported');
      const items = page.locator('[data-testid^="bank-item-imp-"]');
      await expect.poll(() => items.count()).toBe(2);
      expect(await items.allTextContents()).toEqual(
        expect.arrayContaining([
          expect.stringContaining('What does the nice command change for a process?'),
          expect.stringContaining('What is stored in an inode?'),
        ]),
      );
      await items.first().click();
      await page.getByTestId('question-detail').waitFor();
      expect(await page.getByTestId('edit-key-points').isVisible()).toBe(true);
      await screenshot(page, 'import-in-bank');

      await imp.open(suite.app.url, 'questions');
      expect(await page.getByTestId('imported-list').textContent()).toContain('linux.md:4');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'shows markup in imported questions and answers as literal text everywhere, and never runs it',
    async () => {
      const { page } = suite.browser;
      const imp = new ImportPage(page);
      await imp.open(suite.app.url);
      await imp.choose([{ name: 'xss.md', text: XSS_FILE }]);
      const cells = imp.previewQuestions.first().locator('td');
      expect(await cells.nth(0).textContent()).toBe(XSS_QUESTION);
      expect(await cells.nth(2).textContent()).toContain(IMG);
      await imp.save.click();
      await imp.result.waitFor();

      const [record] = (await importedQuestions(suite.app.url)).filter((q) => q.text === XSS_QUESTION);
      expect(record).toBeDefined();
      await imp.open(suite.app.url, 'questions', record?.id ?? '');
      await imp.detail.waitFor();
      expect(await page.getByTestId('imported-text').textContent()).toBe(XSS_QUESTION);
      expect(await page.getByTestId('imported-answer').textContent()).toBe(XSS_ANSWER);
      expect(await imp.imported(record?.id ?? '').textContent()).toContain(XSS_QUESTION);

      await imp.practise.click();
      const room = new RoomPage(page);
      await room.question.waitFor();
      expect(await room.question.textContent()).toBe(XSS_QUESTION);
      const said = `I would escape ${IMG} and ${SCRIPT} before output, and add a strict CSP so that inline code never runs.`;
      await answer(room, said);
      const fb = new FeedbackPanel(page);
      expect(await fb.answer.textContent()).toBe(said);
      await fb.modelTab('full').click();
      expect(await fb.modelAnswer.textContent()).toBe(XSS_ANSWER);
      expect(await page.getByTestId('candidate-answer').first().textContent()).toContain(said);

      // Nothing was ever turned into an element, nor run.
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await page.locator('main script, body script:not([src])').count()).toBe(0);
      expect(await xssValue(page)).toBeUndefined();

      await page.getByTestId('chat').scrollIntoViewIfNeeded();
      await screenshot(page, 'import-untrusted-text');
      // The summary, the workshop and the bank show it as text too.
      await room.continueButton.click();
      await room.summary.waitFor();
      expect(await room.summary.getByTestId('summary-question').first().textContent()).toContain(
        XSS_QUESTION,
      );
      await page.goto(`${suite.app.url}#/workshop/${record?.id}`);
      expect(await page.getByTestId('workshop-question').textContent()).toBe(XSS_QUESTION);
      await page.goto(`${suite.app.url}#/bank/${record?.id}`);
      await page.getByTestId('question-detail').waitFor();
      expect(await page.locator('#qd-h').textContent()).toBe(XSS_QUESTION);
      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(await xssValue(page)).toBeUndefined();
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'proposes key points from the reference answer, saves the accepted ones, and checks them in the feedback',
    async () => {
      const { page } = suite.browser;
      const saved = await apiPost<{ importedIds: string[] }>(suite.app.url, '/import', {
        dryRun: false,
        files: [{ name: 'terraform.md', content: Buffer.from(KEY_POINT_FILE).toString('base64') }],
      });
      const id = saved.importedIds[0] ?? '';
      const imp = new ImportPage(page);
      await imp.open(suite.app.url, 'questions', id);
      await imp.detail.waitFor();
      expect(await page.getByTestId('kp-editor').textContent()).toContain('No key points yet');

      await imp.propose.click();
      await imp.rows.first().waitFor();
      const proposed = await imp.rows.count();
      expect(proposed).toBeGreaterThanOrEqual(2);
      // Every proposal comes accepted, with at least two phrasings; edit the first, drop the last.
      for (let i = 0; i < proposed; i++) {
        expect(await imp.rows.nth(i).getByTestId('kp-accept').isChecked()).toBe(true);
        const phrasings = await imp.rows.nth(i).getByTestId('kp-phrasings').inputValue();
        expect(phrasings.split(',').length).toBeGreaterThanOrEqual(2);
      }
      await imp.rows.first().getByTestId('kp-text').fill('Keep the state in a remote backend (S3).');
      await imp.rows.first().getByTestId('kp-phrasings').fill('remote backend, S3 bucket, remote state');
      await imp.rows.last().getByTestId('kp-accept').uncheck();
      expect(await imp.saveKeyPoints.textContent()).toBe(`Save ${proposed - 1} key points`);

      // A phrasing list that is too short is refused in the page, naming the key point.
      await imp.rows.first().getByTestId('kp-phrasings').fill('remote backend');
      await imp.saveKeyPoints.click();
      expect(await page.getByTestId('kp-error').textContent()).toContain('Key point 1 needs at least two');
      await imp.rows.first().getByTestId('kp-phrasings').fill('remote backend, S3 bucket, remote state');

      await imp.saveKeyPoints.click();
      await imp.keyPointNote.waitFor();
      expect(await imp.keyPointNote.textContent()).toContain(`Saved ${proposed - 1} key points`);
      const record = (await importedQuestions(suite.app.url)).find((q) => q.id === id);
      expect(record?.keyPoints).toHaveLength(proposed - 1);
      expect(record?.keyPoints[0]).toMatchObject({
        text: 'Keep the state in a remote backend (S3).',
        concepts: ['remote backend', 'S3 bucket', 'remote state'],
      });
      await screenshot(page, 'import-key-points');

      await imp.practise.click();
      const room = new RoomPage(page);
      await room.question.waitFor();
      await answer(
        room,
        'I keep the state in a remote backend, an S3 bucket with versioning, and every apply runs from the pipeline.',
      );
      const fb = new FeedbackPanel(page);
      const first = record?.keyPoints[0]?.id ?? '';
      await fb.keyPoint(first).waitFor();
      expect(await fb.keyPoint(first).getAttribute('data-status')).toBe('hit');
      expect(await fb.keyPoint(first).textContent()).toContain('Keep the state in a remote backend (S3).');
      expect(await fb.root.locator('[data-testid^="keypoint-"]').count()).toBe(proposed - 1);
      expect(await fb.root.getByTestId('reference-check').isVisible()).toBe(true);

      await fb.keyPoint(first).scrollIntoViewIfNeeded();
      await screenshot(page, 'import-key-points-feedback');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'refuses a dropped file over 5 MiB in the browser, naming it, and previews the others',
    async () => {
      const { page } = suite.browser;
      const imp = new ImportPage(page);
      await imp.open(suite.app.url);
      // The file input is reached with Tab, and its button shows the focus.
      await tabTo(page, 'import-input');
      expect(await page.locator('.file-button').evaluate((el) => getComputedStyle(el).outlineStyle)).toBe(
        'solid',
      );
      const uploads: number[] = [];
      page.on('request', (r) => {
        if (r.url().endsWith('/api/import')) uploads.push(r.postDataBuffer()?.length ?? 0);
      });
      const files = await page.evaluateHandle(() => {
        const data = new DataTransfer();
        data.items.add(new File([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge-collection.md'));
        data.items.add(
          new File(['# Net\n\n- **What does a TCP RST mean?**\n'], 'small.md', { type: 'text/markdown' }),
        );
        return data;
      });
      await imp.dropZone.dispatchEvent('dragover', { dataTransfer: files });
      await imp.dropZone.dispatchEvent('drop', { dataTransfer: files });
      await imp.refused.waitFor();
      expect(await imp.refused.textContent()).toBe(
        'huge-collection.md is 5,242,881 bytes, over the limit of 5 MiB per file, so it was not read.',
      );
      await imp.preview.waitFor();
      expect(await imp.chosen.textContent()).toContain('small.md');
      expect(await imp.chosen.textContent()).not.toContain('huge-collection.md');
      expect(uploads.length).toBeGreaterThanOrEqual(1);
      expect(Math.max(...uploads)).toBeLessThan(10_000);

      await screenshot(page, 'import-refused');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    "shows the server's reason when nothing could be saved (imported meanwhile elsewhere)",
    async () => {
      const { page } = suite.browser;
      const imp = new ImportPage(page);
      const file = '# DNS\n\n- **What does a CNAME record point to?**\n';
      await imp.open(suite.app.url);
      await imp.choose([{ name: 'dns.md', text: file }]);
      expect(await imp.save.textContent()).toBe('Save 1 question');
      // Another tab (here: the API) imports the same file before this one saves.
      await apiPost(suite.app.url, '/import', {
        dryRun: false,
        files: [{ name: 'dns.md', content: Buffer.from(file).toString('base64') }],
      });
      await imp.save.click();
      await imp.saveError.waitFor();
      expect(await imp.saveError.getByTestId('error').textContent()).toContain(
        'nothing could be imported: every question was a duplicate',
      );
      expect(await imp.saveError.getByTestId('dedupe-skipped').textContent()).toContain(
        'What does a CNAME record point to?',
      );
      // The preview is made again: nothing new to save now.
      await expect.poll(() => imp.save.textContent()).toBe('Save 0 questions');
      expect(await imp.save.isDisabled()).toBe(true);
      await screenshot(page, 'import-nothing-saved');
      // The suite.browser logs the 422 response itself (last test of the file: the log is shared); nothing else.
      expect(suite.browser.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
