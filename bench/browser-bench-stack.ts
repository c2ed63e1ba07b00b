/**
 * Everything the Chromium benchmarks run against, all on 127.0.0.1: the embedded PBX (users 1000–1029,
 * password "secret<user>"), the built app and the JsSIP and SIP.js pages each behind a static server, a STUN server
 * that answers and one that never does, a far end that is always busy, and Chromium (twice: callers and callees apart).
 */
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startAppServer, type AppServer } from '../server/app-server';
import { startPbx, type Pbx } from '../server/pbx';
import { startDeadStunServer, type DeadStunServer } from '../tests/e2e/media/dead-stun-server';
import { startStunResponder, type StunResponder } from '../tests/e2e/media/stun-responder';
import { startBusyFarEnd, type BusyFarEnd } from '../tests/e2e/support/busy-far-end';
import { launchChromium } from '../tests/e2e/support/chromium';
import { recordPbxMessages, type SeenMessage } from '../tests/e2e/support/pbx-messages';
import type { PhoneStack } from './call-setup';
import { buildPage } from './page-build';

export const BENCH_USERS = Array.from({ length: 30 }, (_, i) => String(1000 + i));
export const BUSY_USER = '1029';

export interface BrowserBenchStack {
  pbx: Pbx;
  seen: SeenMessage[];
  browser: Browser;
  /** A second Chromium, for the callees of call set-up (CallSetupEnv.calleeBrowser). */
  calleeBrowser: Browser;
  tabphone: PhoneStack;
  jssip: PhoneStack;
  sipjs: PhoneStack;
  stun: StunResponder;
  deadStun: DeadStunServer;
  busy: BusyFarEnd;
  close(): Promise<void>;
}

/** Starts the stack; `appDist` is a production build of the app, `workDir` a scratch directory. */
export async function startBrowserBenchStack(appDist: string, workDir: string): Promise<BrowserBenchStack> {
  const jssipDist = path.join(workDir, 'jssip-page');
  const sipjsDist = path.join(workDir, 'sipjs-page');
  await buildPage(path.join(import.meta.dirname, 'jssip-page'), jssipDist);
  await buildPage(path.join(import.meta.dirname, 'sipjs-page'), sipjsDist);
  const users = Object.fromEntries(BENCH_USERS.map((user) => [user, { password: `secret${user}` }]));
  const pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn', users });
  const seen = recordPbxMessages(pbx);
  const servers: AppServer[] = await Promise.all([
    startAppServer({ host: '127.0.0.1', port: 0, distDir: appDist, pbxUrl: pbx.url, demoUsers: BENCH_USERS }),
    startAppServer({ host: '127.0.0.1', port: 0, distDir: jssipDist, pbxUrl: pbx.url }),
    startAppServer({ host: '127.0.0.1', port: 0, distDir: sipjsDist, pbxUrl: pbx.url }),
  ]);
  const [stun, deadStun, busy, browser, calleeBrowser] = await Promise.all([
    startStunResponder(),
    startDeadStunServer(),
    startBusyFarEnd(pbx.url, BUSY_USER),
    launchChromium(),
    launchChromium(),
  ]);
  const withStun = (params: Record<string, string>, stunUrl: string | undefined) => (stunUrl ? { ...params, stun: stunUrl } : params);
  return {
    pbx,
    seen,
    browser,
    calleeBrowser,
    stun,
    deadStun,
    busy,
    tabphone: { name: 'Tabphone', url: servers[0]!.url, params: (user, stunUrl) => withStun({ user }, stunUrl) },
    jssip: { name: 'JsSIP 3.13.8', url: servers[1]!.url, params: (user, stunUrl) => withStun({ user, server: pbx.url }, stunUrl) },
    sipjs: { name: 'SIP.js 0.21.2', url: servers[2]!.url, params: (user, stunUrl) => withStun({ user, server: pbx.url }, stunUrl) },
    async close() {
      await Promise.all([browser.close(), calleeBrowser.close()]);
      await busy.close();
      await Promise.all([stun.close(), deadStun.close(), ...servers.map((s) => s.close())]);
      await pbx.close();
    },
  };
}
