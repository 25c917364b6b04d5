// Flows several tests share: start a one-question practice drill from the home page and answer it.
import type { Page } from 'playwright-core';
import { HomePage } from '../pages/home.js';
import { RoomPage } from '../pages/room.js';

export async function startDrill(page: Page, base: string, count = 1): Promise<RoomPage> {
  const home = new HomePage(page);
  await home.open(base);
  await home.mode('drill').check();
  await home.count.selectOption(String(count));
  await home.startButton.click();
  const room = new RoomPage(page);
  await room.question.waitFor();
  return room;
}

/** From the feedback of an answer: continue, answering any follow-up with `text`, until the summary. */
export async function finish(room: RoomPage, text: string): Promise<void> {
  for (let guard = 0; guard < 10; guard++) {
    const state = await room.waitForState();
    if (state === 'summary') return;
    if (state === 'feedback') {
      await room.continueButton.click();
      await room.page.waitForFunction(() => !document.querySelector('[data-testid="continue"]'));
    } else await answer(room, text);
  }
  throw new Error('the session did not finish');
}

/** Type (fill) the answer and send it with the button; waits for the feedback. */
export async function answer(room: RoomPage, text: string): Promise<void> {
  await room.input.fill(text);
  await room.send.click();
  await room.continueButton.waitFor();
}
