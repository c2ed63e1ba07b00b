import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

let axeSource: Promise<string> | undefined;

/** axe-core's browser build, read once per test file. */
function readAxe(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/** What the page side sends back: only the fields a failure report needs. */
interface Finding {
  id: string;
  impact: string;
  target: string;
  why: string;
}

/**
 * axe-core's serious and critical WCAG 2 A and AA violations on the page as it is now, one line per
 * element ("color-contrast (serious) #id > span: Element has insufficient color contrast …"); []
 * when there are none. Never waits for anything on the page.
 *
 * The source goes in through page.evaluate, which runs over the DevTools protocol and is not
 * subject to the page's Content-Security-Policy; a <script> tag (addScriptTag) would be blocked by
 * the app's policy without inline scripts.
 */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(await readAxe());
  const findings = await page.evaluate(async () => {
    interface AxeNode {
      target: unknown[];
      any: { message: string }[];
      all: { message: string }[];
      none: { message: string }[];
    }
    interface AxeResult {
      violations: { id: string; impact: string | null; nodes: AxeNode[] }[];
    }
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResult> } }).axe;
    const { violations } = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] },
      resultTypes: ['violations'],
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .flatMap((v) =>
        v.nodes.map(
          (node): Finding => ({
            id: v.id,
            impact: v.impact ?? '',
            target: node.target.map(String).join(' '),
            why: [...node.all, ...node.none, ...node.any].map((check) => check.message)[0] ?? '',
          }),
        ),
      );
  });
  return findings.map((f) => `${f.id} (${f.impact}) ${f.target}: ${f.why}`);
}
