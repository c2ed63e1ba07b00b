import type { Pbx } from '../../../server/pbx';
import type { UserAgent } from '../../../src/sip';
import type { Logger } from '../../../src/sip/ports';
import type { RealTimers } from '../../unit/support/real-timers';

/** A logger for the PBX and user agents that keeps test output readable. */
export const quiet: Logger = { log() {} };

/** Ends what a test started: user agents first (they un-REGISTER through the PBX), then their timers, then the PBXes. */
export async function stopAll(userAgents: UserAgent[], clocks: RealTimers[], pbxes: Pbx[]): Promise<void> {
  for (const ua of userAgents.splice(0)) await ua.stop();
  for (const timers of clocks.splice(0)) timers.clearAll();
  for (const pbx of pbxes.splice(0)) await pbx.close();
}

/** Polls `condition` every 5 ms; fails naming `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
