import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppServer, type AppServer } from '../../../server/app-server';
import { startPbx, type Pbx } from '../../../server/pbx';
import { launchChromium } from './chromium';
import { e2eContext } from './e2e-context';

export interface OwnStack {
  /** Replace it when the test restarts the PBX, so the file's teardown closes the new one. */
  pbx: Pbx;
  appServer: AppServer;
  browser: Browser;
}

/**
 * A PBX, app server and Chromium of the test file's own (started before its tests, closed after),
 * for files that restart the PBX or read its state without disturbing the shared one.
 */
export function ownStack(): OwnStack {
  const stack = {} as OwnStack;
  beforeAll(async () => {
    const { distDir } = e2eContext();
    stack.pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
    stack.appServer = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: stack.pbx.url });
    stack.browser = await launchChromium();
  });
  afterAll(async () => {
    await stack.browser?.close();
    await stack.appServer?.close();
    await stack.pbx?.close();
  });
  return stack;
}
