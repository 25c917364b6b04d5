// Home: the start button and the session options.
import type { Page } from 'playwright-core';

export class HomePage {
  constructor(readonly page: Page) {}

  async open(base: string) {
    await this.page.goto(base);
    await this.startButton.waitFor();
  }

  get startButton() {
    return this.page.getByTestId('start-interview');
  }

  mode(mode: 'mock' | 'drill' | 'quick' | 'story') {
    return this.page.getByTestId(`mode-${mode}`);
  }

  style(style: 'practice' | 'interview') {
    return this.page.getByTestId(`style-${style}`);
  }

  get count() {
    return this.page.getByTestId('option-count');
  }
}
