// The workshop: question picker, live editor, versions, and the builders.
import type { Page } from 'playwright-core';

export class WorkshopPage {
  constructor(readonly page: Page) {}

  get search() {
    return this.page.getByTestId('question-search');
  }
  pick(id: string) {
    return this.page.getByTestId(`pick-${id}`);
  }
  get input() {
    return this.page.getByTestId('workshop-input');
  }
  get live() {
    return this.page.getByTestId('live-analysis');
  }
  get liveStatus() {
    return this.page.getByTestId('live-status');
  }
  get save() {
    return this.page.getByTestId('save-version');
  }
  get saved() {
    return this.page.getByTestId('saved');
  }
  get versions() {
    return this.page.getByTestId('version');
  }
  tab(id: 'answer' | 'star' | 'intro' | 'stories') {
    return this.page.getByTestId(`tab-${id}`);
  }
  star(part: 'situation' | 'task' | 'action' | 'result' | 'future') {
    return this.page.getByTestId(`star-${part}`);
  }
  intro(field: 'fullName' | 'callMe' | 'years' | 'role' | 'stack' | 'highlight' | 'goal') {
    return this.page.getByTestId(`intro-${field}`);
  }
}
