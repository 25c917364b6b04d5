// The feedback view: scores, highlights, connectors, key points, model answers, retry and comparison.
import type { Locator, Page } from 'playwright-core';

export class FeedbackPanel {
  readonly root: Locator;

  constructor(
    readonly page: Page,
    root?: Locator,
  ) {
    this.root = root ?? page.getByTestId('feedback').first();
  }

  get overall() {
    return this.root.getByTestId('score-overall');
  }
  dimension(d: 'technical' | 'ops' | 'delivery') {
    return this.root.getByTestId(`dim-${d}`);
  }
  get answer() {
    return this.root.getByTestId('answer-highlighted');
  }
  highlights(kind: 'keypoint' | 'grammar' | 'connector' | 'filler' | 'hedge' | 'flag') {
    return this.root.getByTestId(`highlight-${kind}`);
  }
  get note() {
    return this.root.getByTestId('highlight-note');
  }
  get connectorCount() {
    return this.root.getByTestId('connector-count');
  }
  get rewritten() {
    return this.root.getByTestId('rewritten-answer');
  }
  get languageScore() {
    return this.root.getByTestId('language-score');
  }
  get items() {
    return this.root.getByTestId('feedback-item');
  }
  get rewrites() {
    return this.root.getByTestId('rewrite');
  }
  keyPoint(id: string) {
    return this.root.getByTestId(`keypoint-${id}`);
  }
  get followUp() {
    return this.root.getByTestId('follow-up');
  }
  modelTab(tab: 'quick' | 'full') {
    return this.root.getByTestId(`model-tab-${tab}`);
  }
  get modelAnswer() {
    return this.root.getByTestId('model-answer');
  }
  get retry() {
    return this.root.getByTestId('retry');
  }
  get retryInput() {
    return this.root.getByTestId('retry-input');
  }
  get retrySend() {
    return this.root.getByTestId('retry-send');
  }
  get comparison() {
    return this.root.getByTestId('comparison');
  }
}
