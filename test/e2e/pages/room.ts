// The interview room: the question, the answer box, sending, and what comes after.
import type { Page } from 'playwright-core';

export class RoomPage {
  constructor(readonly page: Page) {}

  get question() {
    return this.page.getByTestId('question-text');
  }
  get input() {
    return this.page.getByTestId('answer-input');
  }
  get send() {
    return this.page.getByTestId('send-answer');
  }
  get sendReason() {
    return this.page.getByTestId('send-reason');
  }
  get continueButton() {
    return this.page.getByTestId('continue');
  }
  get summary() {
    return this.page.getByTestId('summary');
  }
  get progress() {
    return this.page.getByTestId('progress');
  }
  get timer() {
    return this.page.getByTestId('timer');
  }
  get sendError() {
    return this.page.getByTestId('send-error');
  }
  get staleNotice() {
    return this.page.getByTestId('stale-notice');
  }
  get keptAnswers() {
    return this.page.getByTestId('kept-answer');
  }
  get carriedNote() {
    return this.page.getByTestId('carried-note');
  }

  /** The answer timer's seconds, read from its m:ss clock. */
  async timerSeconds(): Promise<number> {
    const clock = (await this.timer.locator('[role="timer"]').textContent()) ?? '';
    const m = /^(\d+):(\d{2})$/.exec(clock.trim());
    if (!m) throw new Error(`the timer shows "${clock}", not m:ss`);
    return Number(m[1]) * 60 + Number(m[2]);
  }

  /** Wait until the room shows a question to answer, the feedback, or the summary. */
  async waitForState(): Promise<'question' | 'feedback' | 'summary'> {
    const question = this.input.waitFor().then(() => 'question' as const);
    const feedback = this.continueButton.waitFor().then(() => 'feedback' as const);
    const summary = this.summary.waitFor().then(() => 'summary' as const);
    return Promise.race([question, feedback, summary]);
  }
}
