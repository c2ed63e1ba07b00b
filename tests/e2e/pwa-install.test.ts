import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusText } from './support/app-page';
import { CHROMIUM_ARGS, chromiumPath } from './support/chromium';
import { e2eContext } from './support/e2e-context';
import { assertLoopbackOnlyNetwork } from './support/network-guard';

const REGISTER_TIMEOUT = { timeout: 15_000, interval: 100 };

/** Collects Content-Security-Policy violations in the page from before its first script runs. */
function watchCspViolations(): void {
  const seen: string[] = [];
  (window as unknown as { cspViolations: string[] }).cspViolations = seen;
  document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
}

describe('the installable app and its security headers, in Chromium', () => {
  const { appUrl } = e2eContext();
  let context: BrowserContext;
  let profileDir: string;

  beforeAll(async () => {
    assertLoopbackOnlyNetwork();
    // Chromium refuses to install from an incognito profile, which every browser.newContext() is.
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-e2e-profile-'));
    context = await chromium.launchPersistentContext(profileDir, { executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
  });
  afterAll(async () => {
    await context?.close();
    await rm(profileDir, { recursive: true, force: true });
  });

  it('has a manifest without errors and no installability errors', async () => {
    const page = await context.newPage();
    await page.goto(`${appUrl}/?user=1002`);
    const cdp = await context.newCDPSession(page);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toBe(`${appUrl}/manifest.webmanifest`);
    expect(manifest.errors).toEqual([]);
    await expect
      .poll(async () => ((await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: unknown[] }).installabilityErrors, {
        timeout: 15_000,
        interval: 250,
      })
      .toEqual([]);
    await page.close();
  });

  it('declares the sip:, tel: and web+callto: handlers, the shortcuts and focus-existing launches', async () => {
    const manifest = (await (await fetch(`${appUrl}/manifest.webmanifest`)).json()) as Record<string, unknown>;
    expect(manifest.protocol_handlers).toEqual([
      { protocol: 'sip', url: '/?dial=%s' },
      { protocol: 'tel', url: '/?dial=%s' },
      { protocol: 'web+callto', url: '/?dial=%s' },
    ]);
    expect((manifest.shortcuts as { name: string; url: string }[]).map(({ name, url }) => [name, url])).toEqual([
      ['Dialpad', '/?screen=phone'],
      ['Messages', '/?screen=messages'],
      ['History', '/?screen=history'],
    ]);
    expect(manifest.launch_handler).toEqual({ client_mode: 'focus-existing' });
  });

  it('sends a Content-Security-Policy without inline scripts and the other security headers', async () => {
    const response = await fetch(`${appUrl}/`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("connect-src 'self' https: ws: wss:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('permissions-policy')).toContain('microphone=(self)');

    // The build has no inline script, and carries the same policy for hosts that send no header.
    const html = await response.text();
    expect(html.match(/<script\b[^>]*>/g)?.every((tag) => / src=/.test(tag))).toBe(true);
    expect(html).toContain('http-equiv="Content-Security-Policy"');
  });

  it('loads, registers and calls nothing the policy blocks', async () => {
    const page = await context.newPage();
    await page.addInitScript(watchCspViolations);
    const consoleCsp: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) consoleCsp.push(message.text());
    });
    await page.goto(`${appUrl}/?user=1003`);
    await expect.poll(() => statusText(page), REGISTER_TIMEOUT).toBe('Registered');
    expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    expect(consoleCsp).toEqual([]);
    await page.close();
  });
});
