// The progress dashboard: charts, review queue and countdown.
import type { Page } from 'playwright-core';

export class ProgressPage {
  constructor(readonly page: Page) {}

  get radar() {
    return this.page.getByTestId('radar-chart');
  }
  get line() {
    return this.page.getByTestId('line-chart');
  }
  get bars() {
    return this.page.getByTestId('category-bars');
  }
  get reviewQueue() {
    return this.page.getByTestId('review-queue');
  }
  get countdown() {
    return this.page.getByTestId('countdown');
  }
  get dateInput() {
    return this.page.getByTestId('interview-date');
  }
  get daysLeft() {
    return this.page.getByTestId('days-left');
  }
  get dateError() {
    return this.countdown.getByTestId('error');
  }
  exportLink(format: 'anki' | 'md' | 'json' | 'csv') {
    return this.page.getByTestId(`export-${format}`);
  }
}
