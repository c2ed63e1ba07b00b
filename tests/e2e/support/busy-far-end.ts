import { UserAgent } from '../../../src/sip';
import { FakeMediaEngine } from '../../unit/support/fake-media-engine';
import { nodeWebSocket } from '../../unit/support/node-websocket';
import { cryptoRandom, RealTimers } from '../../unit/support/real-timers';

export interface BusyFarEnd {
  user: string;
  /** Calls turned away so far. */
  readonly declined: number;
  close(): Promise<void>;
}

/**
 * A phone that is always busy: our own user agent core in Node (no browser, a fake media
 * engine), registered with the PBX as `user`, answering every INVITE with 486 Busy Here the
 * way the core's decline(486) does.
 */
export async function startBusyFarEnd(pbxUrl: string, user: string, timeoutMs = 10_000): Promise<BusyFarEnd> {
  const timers = new RealTimers();
  const agent = new UserAgent({
    aor: `sip:${user}@127.0.0.1`,
    password: `secret${user}`,
    servers: [pbxUrl],
    instanceId: '5b0d1c2e-3f4a-4b5c-8d6e-7f8091929394',
    platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
    media: { engine: new FakeMediaEngine(), options: { iceServers: [], profile: 'webrtc' } },
  });
  let declined = 0;
  agent.on('incomingCall', (call) => {
    declined++;
    call.decline(486);
  });
  const registered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`busy far end ${user} did not register in ${timeoutMs} ms`)), timeoutMs);
    agent.on('registration', (state, cause) => {
      if (state === 'registered') {
        clearTimeout(timer);
        resolve();
      } else if (state === 'failed') {
        clearTimeout(timer);
        reject(new Error(`busy far end ${user} failed to register: ${cause ?? 'no cause'}`));
      }
    });
  });
  agent.start();
  try {
    await registered;
  } catch (error) {
    await agent.stop();
    timers.clearAll();
    throw error;
  }
  return {
    user,
    get declined() {
      return declined;
    },
    async close() {
      await agent.stop();
      timers.clearAll();
    },
  };
}
