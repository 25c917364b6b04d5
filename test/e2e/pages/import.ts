// The import page: choose or drop files, the preview, saving; the imported questions and the key-point editor.
import type { Page } from 'playwright-core';

export class ImportPage {
  constructor(readonly page: Page) {}

  /** Open on a fresh document (a same-hash goto would keep the files chosen before). */
  async open(base: string, ...path: string[]) {
    await this.page.goto('about:blank');
    await this.page.goto(`${base}#/${['import', ...path].join('/')}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
  }

  get input() {
    return this.page.getByTestId('import-input');
  }
  get dropZone() {
    return this.page.getByTestId('drop-zone');
  }
  get refused() {
    return this.page.getByTestId('import-refused');
  }
  get chosen() {
    return this.page.getByTestId('chosen-files');
  }
  get preview() {
    return this.page.getByTestId('import-preview');
  }
  get totals() {
    return this.page.getByTestId('preview-totals');
  }
  get fileReports() {
    return this.page.getByTestId('file-report');
  }
  get previewQuestions() {
    return this.page.getByTestId('preview-question');
  }
  get dedupe() {
    return this.page.getByTestId('dedupe-report');
  }
  get save() {
    return this.page.getByTestId('import-save');
  }
  get result() {
    return this.page.getByTestId('import-result');
  }
  get saveError() {
    return this.page.getByTestId('import-save-error');
  }

  /** Choose files with the file input, as the user would, and wait for the preview of this selection. */
  async choose(files: ReadonlyArray<{ name: string; text: string }>) {
    await this.input.setInputFiles(
      files.map((f) => ({ name: f.name, mimeType: 'text/markdown', buffer: Buffer.from(f.text, 'utf8') })),
    );
    for (const f of files) await this.chosen.getByText(f.name, { exact: true }).waitFor();
    await this.preview.and(this.page.locator('[aria-busy="false"]')).waitFor();
  }

  imported(id: string) {
    return this.page.getByTestId(`imported-${id}`);
  }
  get detail() {
    return this.page.getByTestId('imported-detail');
  }
  get propose() {
    return this.page.getByTestId('kp-propose');
  }
  get rows() {
    return this.page.getByTestId('kp-row');
  }
  get saveKeyPoints() {
    return this.page.getByTestId('kp-save');
  }
  get keyPointNote() {
    return this.page.getByTestId('kp-note');
  }
  get practise() {
    return this.page.getByTestId('imported-practise');
  }
}
