import { UserAgent } from '../../../../src/sip';
import { FakeMediaEngine } from '../../../unit/support/fake-media-engine';
import { nodeWebSocket } from '../../../unit/support/node-websocket';
import { cryptoRandom, RealTimers } from '../../../unit/support/real-timers';

export interface ScriptedPhone {
  /** Our own SIP core in Node, registered; the test calls and messages with it directly. */
  agent: UserAgent;
  close(): Promise<void>;
}

/**
 * A far end the test scripts from Node: the core's user agent with a fake media engine, registered
 * with the PBX as `user`, sending whatever display name and User-Agent header it is given (the
 * browser's own Settings would refuse nothing either, but this way the test controls every byte).
 */
export async function startScriptedPhone(
  pbxUrl: string,
  user: string,
  identity: { displayName: string; userAgent: string },
  timeoutMs = 10_000,
): Promise<ScriptedPhone> {
  const timers = new RealTimers();
  const agent = new UserAgent({
    aor: `sip:${user}@127.0.0.1`,
    password: `secret${user}`,
    servers: [pbxUrl],
    instanceId: '0f5e3a41-2b7c-4d8e-9a10-b2c3d4e5f607',
    ...identity,
    platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
    media: { engine: new FakeMediaEngine(), options: { iceServers: [], profile: 'webrtc' } },
  });
  const close = async () => {
    await agent.stop();
    timers.clearAll();
  };
  const registered = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`scripted phone ${user} did not register in ${timeoutMs} ms`)), timeoutMs);
    agent.on('registration', (state, cause) => {
      if (state !== 'registered' && state !== 'failed') return;
      clearTimeout(timer);
      if (state === 'registered') resolve();
      else reject(new Error(`scripted phone ${user} failed to register: ${cause ?? 'no cause'}`));
    });
  });
  agent.start();
  try {
    await registered;
  } catch (error) {
    await close();
    throw error;
  }
  return { agent, close };
}
