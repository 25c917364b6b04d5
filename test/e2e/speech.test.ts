// Speech tells the truth: before the first dictation the app says the browser sends the audio to its speech
// service; a blocked microphone is explained in words, not as a code; reading aloud without an English voice is
// off and says why. The browser's speech APIs are replaced by fakes, so the test does not depend on the machine.
import { describe, expect, it } from 'vitest';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

describe.skipIf(!hasChromium)('speech in the interview room', () => {
  const suite = useSuite();

  it(
    'asks before the first dictation, explains a blocked microphone, and says why reading aloud is off',
    async () => {
      const { page } = suite.browser;
      await page.addInitScript(() => {
        class FakeRecognition {
          lang = '';
          continuous = false;
          interimResults = false;
          onresult: unknown = null;
          onerror: ((e: { error: string }) => void) | null = null;
          onend: (() => void) | null = null;
          start() {
            setTimeout(() => {
              this.onerror?.({ error: 'not-allowed' });
              this.onend?.();
            }, 10);
          }
          stop() {
            this.onend?.();
          }
          abort() {}
        }
        // Chromium has both names and the app takes the unprefixed one first: replace both.
        const w = window as unknown as Record<string, unknown>;
        w.SpeechRecognition = FakeRecognition;
        w.webkitSpeechRecognition = FakeRecognition;
        Object.defineProperty(window.speechSynthesis, 'getVoices', { value: () => [] });
      });
      const s = await apiPost<{ id: string }>(suite.app.url, '/sessions', {
        mode: 'drill',
        category: 'iac',
        count: 1,
        seed: 1,
      });
      await page.goto(`${suite.app.url}#/interview/${s.id}`);
      await page.getByTestId('mic').click();
      const notice = page.getByTestId('mic-notice');
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(/send the audio to their vendor's speech service/);
      await page.getByTestId('mic-accept').click();
      const error = page.getByTestId('mic-error');
      await error.waitFor();
      expect(await error.textContent()).toMatch(/blocked the microphone/);
      expect(await error.textContent()).not.toMatch(/not-allowed/);
      // Accepted once: the next dictation starts without asking again.
      await page.getByTestId('mic').click();
      expect(await page.getByTestId('mic-notice').count()).toBe(0);
      expect(await page.getByTestId('read-aloud-off').textContent()).toMatch(/no English voice/);
      await screenshot(page, 'speech-notice');
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
