// The app shell: navigation and the language toggle.
import type { Page } from 'playwright-core';

export type NavId = 'home' | 'interview' | 'workshop' | 'progress' | 'bank' | 'import';

export class Shell {
  constructor(readonly page: Page) {}

  nav(id: NavId) {
    return this.page.getByTestId(`nav-${id}`);
  }

  get langToggle() {
    return this.page.getByTestId('lang-toggle');
  }

  async go(id: NavId) {
    await this.nav(id).click();
  }

  /** The document language the app set (en or zh-CN). */
  lang(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.lang);
  }
}

/** Press Tab (or Shift+Tab) until the element with this data-testid has focus. */
export async function tabTo(page: Page, testId: string, options: { back?: boolean; max?: number } = {}) {
  const key = options.back ? 'Shift+Tab' : 'Tab';
  for (let i = 0; i < (options.max ?? 40); i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (focused === testId) return;
    await page.keyboard.press(key);
  }
  throw new Error(`could not reach [data-testid=${testId}] with ${key}`);
}

export function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
}
