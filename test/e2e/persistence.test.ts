// Reload keeps work: an unsent answer, the workshop's chosen tab and its STAR fields survive a reload; a sent
// answer's draft is gone.
import { describe, expect, it } from 'vitest';
import { RoomPage } from './pages/room.js';
import { WorkshopPage } from './pages/workshop.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

describe.skipIf(!hasChromium)('reload keeps work', () => {
  const suite = useSuite();

  it(
    'keeps an unsent answer, the workshop tab and the STAR fields across a reload',
    async () => {
      const { page } = suite.browser;
      const s = await apiPost<{ id: string }>(suite.app.url, '/sessions', {
        mode: 'drill',
        category: 'iac',
        count: 2,
        seed: 3,
        maxFollowUps: 0,
      });
      const room = new RoomPage(page);
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await room.input.fill('I keep remote state in S3 with native locking, and');
      await page.reload();
      await room.input.waitFor();
      expect(await room.input.inputValue()).toBe('I keep remote state in S3 with native locking, and');

      const ws = new WorkshopPage(page);
      await page.goto(`${suite.app.url}#/workshop`);
      await ws.tab('star').click();
      await ws.star('situation').fill('In my last role releases were manual.');
      await page.reload();
      await ws.star('situation').waitFor();
      expect(await ws.star('situation').inputValue()).toBe('In my last role releases were manual.');
      expect(await ws.tab('star').getAttribute('aria-selected')).toBe('true');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
