import type { UserAgentOptions } from '../sip';
import type { Logger } from '../sip/ports';
import { browserRandom } from './browser-random';
import { browserTimers } from './browser-timers';
import { createBrowserWebSocket } from './browser-websocket';

/** The browser's implementations of the core's ports. */
export function createBrowserPlatform(logger: Logger): UserAgentOptions['platform'] {
  return { createWebSocket: createBrowserWebSocket, timers: browserTimers, random: browserRandom, logger };
}
