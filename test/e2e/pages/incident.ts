// The incident room: the scenario list, the live round (conversation, composer, dashboard) and the debrief.
import type { Page } from 'playwright-core';

export class IncidentPage {
  constructor(readonly page: Page) {}

  /** Open the scenario list fresh (a new document: the lists are read again). */
  async open(base: string) {
    await this.page.goto('about:blank');
    await this.page.goto(`${base}#/incident`);
    await this.page.getByTestId('incident-scenarios').locator('[data-testid^="start-"]').first().waitFor();
  }

  scenario(id: string) {
    return this.page.getByTestId(`scenario-${id}`);
  }
  startButton(id: string) {
    return this.page.getByTestId(`start-${id}`);
  }
  get history() {
    return this.page.getByTestId('incident-history');
  }
  get rounds() {
    return this.page.getByTestId('incident-round');
  }

  get room() {
    return this.page.getByTestId('incident-room');
  }
  get input() {
    return this.page.getByTestId('incident-input');
  }
  get send() {
    return this.page.getByTestId('incident-send');
  }
  get endButton() {
    return this.page.getByTestId('incident-end');
  }
  get error() {
    return this.page.getByTestId('incident-error');
  }
  get clock() {
    return this.page.getByTestId('incident-clock');
  }
  get turns() {
    return this.page.getByTestId('incident-turn');
  }
  get lastTurn() {
    return this.turns.last();
  }
  get chart() {
    return this.page.getByTestId('incident-chart');
  }
  metric(id: 'error-rate' | 'p99' | 'failed' | 'budget') {
    return this.page.getByTestId(`metric-${id}`).locator('.inc-metric-value');
  }

  get debrief() {
    return this.page.getByTestId('incident-debrief');
  }
  layer(id: 'technical' | 'ops' | 'delivery') {
    return this.page.getByTestId(`incident-layer-${id}`);
  }
  score(id: 'technical' | 'ops' | 'delivery') {
    return this.page.getByTestId(`incident-score-${id}`).locator('.dim-score');
  }
  get replayChart() {
    return this.page.getByTestId('replay-chart');
  }

  /** Type a turn with the keyboard into the focused box and press Enter; wait until the turn is in the list. */
  async takeTurn(text: string): Promise<void> {
    const before = await this.turns.count();
    await this.input.focus();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.waitForFunction(
      (n) =>
        document.querySelectorAll('[data-testid="incident-turn"]').length > n ||
        document.querySelector('[data-testid="incident-debrief"]') !== null,
      before,
    );
  }
}
