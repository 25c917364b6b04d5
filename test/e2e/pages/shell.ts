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

/** How wide the page is, and what sticks out past the right edge (for the failure message). */
export function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const culprits: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= width + 0.5 || el.closest('.sr-only')) continue;
      if ([...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5)) continue;
      const id = el.getAttribute('data-testid');
      culprits.push(
        `${el.tagName.toLowerCase()}${id ? `[${id}]` : ''}.${el.className} → ${Math.round(box.right)}`,
      );
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 8) };
  });
}
