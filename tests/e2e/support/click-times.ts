import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Wall-clock times (ms since the epoch) of button clicks, by the button's text. */
    __testClicks?: { name: string; at: number }[];
  }
}

/**
 * An init script: notes when each button is clicked, in the page, before the app handles the
 * click, so a measurement from "click" excludes the test driver's own latency.
 */
export function recordClickTimes(): void {
  const clicks: { name: string; at: number }[] = [];
  window.__testClicks = clicks;
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest('button');
      if (button) clicks.push({ name: button.textContent?.trim() ?? '', at: performance.timeOrigin + performance.now() });
    },
    true,
  );
}

/** When the button named `name` was last clicked (ms since the epoch). */
export async function lastClickAt(page: Page, name: string): Promise<number> {
  const at = await page.evaluate((wanted) => (window.__testClicks ?? []).filter((c) => c.name === wanted).at(-1)?.at, name);
  if (at === undefined) throw new Error(`no click on "${name}" was recorded`);
  return at;
}
