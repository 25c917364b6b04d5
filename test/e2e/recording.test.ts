// Where dictation is not available (no speech recognition, or its service fails), the room offers recording for
// playback: the microphone into a MediaRecorder, played back in the page while the candidate types, nothing
// uploaded. Hidden, with the reason, when the browser cannot record. Chromium's fake microphone stands in for one.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RoomPage } from './pages/room.js';
import { apiPost, E2E_TIMEOUT, hasChromium, SKIP_REASON, screenshot, useSuite } from './support/harness.js';

if (!hasChromium) console.warn(SKIP_REASON);

const FAKE_MICROPHONE = ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'];

describe.skipIf(!hasChromium)('recording for playback', () => {
  const suite = useSuite(undefined, { args: FAKE_MICROPHONE });

  async function openRoom(setup: () => void): Promise<{ page: Page; room: RoomPage }> {
    const page = await suite.browser.context.newPage();
    await page.addInitScript(setup);
    const s = await apiPost<{ id: string }>(suite.app.url, '/sessions', {
      mode: 'drill',
      questionIds: ['terraform-state-team'],
    });
    await page.goto(`${suite.app.url}#/interview/${s.id}`);
    const room = new RoomPage(page);
    await room.input.waitFor();
    return { page, room };
  }

  it(
    'records while you type and plays it back in the page, uploading nothing, when there is no dictation',
    async () => {
      const { page, room } = await openRoom(() => {
        const w = window as unknown as Record<string, unknown>;
        delete w.SpeechRecognition;
        delete w.webkitSpeechRecognition;
      });
      expect(await page.getByTestId('mic-unsupported').textContent()).toMatch(/speech recognition/);
      const recorder = page.getByTestId('recorder');
      expect(await recorder.textContent()).toContain('nothing is uploaded');
      const sent: string[] = [];
      page.on('request', (r) => {
        if (r.method() !== 'GET') sent.push(`${r.method()} ${r.url()}`);
      });
      await page.getByTestId('record').click();
      await page.getByTestId('recording-now').waitFor();
      await room.input.fill('I keep remote state in S3 with native locking.');
      // Let the fake microphone's tone fill a second of audio.
      await page.waitForTimeout(1200);
      await page.getByTestId('record').click();
      const playback = page.getByTestId('recording-playback');
      await playback.waitFor();
      expect(await playback.getAttribute('src')).toMatch(/^blob:/);
      expect(Number(await playback.getAttribute('data-bytes'))).toBeGreaterThan(500);
      expect(sent).toEqual([]);
      // The typed answer is untouched by recording, and the clip plays in the page.
      expect(await room.input.inputValue()).toBe('I keep remote state in S3 with native locking.');
      const playable = await playback.evaluate(
        (el: HTMLAudioElement) =>
          new Promise<boolean>((resolve) => {
            if (el.readyState >= 1) return resolve(true);
            el.addEventListener('loadedmetadata', () => resolve(true), { once: true });
            el.addEventListener('error', () => resolve(false), { once: true });
            el.load();
          }),
      );
      expect(playable).toBe(true);
      await screenshot(page, 'recording-playback');
      await page.close();
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'is offered once dictation fails on the network, not before',
    async () => {
      const { page } = await openRoom(() => {
        localStorage.setItem('mockops.dictationNotice', 'yes');
        class NetworkDown {
          lang = '';
          continuous = false;
          interimResults = false;
          onresult: unknown = null;
          onerror: ((e: { error: string }) => void) | null = null;
          onend: (() => void) | null = null;
          start() {
            setTimeout(() => {
              this.onerror?.({ error: 'network' });
              this.onend?.();
            }, 10);
          }
          stop() {
            this.onend?.();
          }
          abort() {}
        }
        // Chromium has both names; the app takes the unprefixed one first.
        const w = window as unknown as Record<string, unknown>;
        w.SpeechRecognition = NetworkDown;
        w.webkitSpeechRecognition = NetworkDown;
      });
      expect(await page.getByTestId('recorder').count()).toBe(0);
      await page.getByTestId('mic').click();
      await page.getByTestId('mic-error').waitFor();
      expect(await page.getByTestId('mic-error').textContent()).toMatch(/needs the network/);
      await page.getByTestId('recorder').waitFor();
      expect(await page.getByTestId('record').textContent()).toBe('Record to play back');
      await page.close();
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );

  it(
    'is hidden, with the reason, when the browser cannot record',
    async () => {
      const { page } = await openRoom(() => {
        const w = window as unknown as Record<string, unknown>;
        delete w.SpeechRecognition;
        delete w.webkitSpeechRecognition;
        delete w.MediaRecorder;
      });
      expect(await page.getByTestId('recorder').count()).toBe(0);
      expect(await page.getByTestId('record').count()).toBe(0);
      expect(await page.getByTestId('recorder-unavailable').textContent()).toBe(
        'Recording for playback is not available either: this browser cannot record audio (no MediaRecorder). Type your answer.',
      );
      await page.close();
      // No microphone access for the page (a plain-http address other than localhost has none).
      const { page: noMic } = await openRoom(() => {
        const w = window as unknown as Record<string, unknown>;
        delete w.SpeechRecognition;
        delete w.webkitSpeechRecognition;
        Object.defineProperty(navigator, 'mediaDevices', { value: undefined });
      });
      expect(await noMic.getByTestId('record').count()).toBe(0);
      expect(await noMic.getByTestId('recorder-unavailable').textContent()).toMatch(
        /the browser gives this page no microphone \(it needs localhost or https\)/,
      );
      await noMic.close();
      expect(suite.browser.errors).toEqual([]);
    },
    E2E_TIMEOUT,
  );
});
