import { afterEach, describe, expect, it } from 'vitest';
import { startPbx, type Pbx } from '../../server/pbx';
import { parseMessage, SipRequest, UserAgent, WRONG_CREDENTIALS, type UserAgentOptions } from '../../src/sip';
import { nodeWebSocket } from '../unit/support/node-websocket';
import { cryptoRandom, RealTimers } from '../unit/support/real-timers';
import { quiet, stopAll, until } from './support/lifecycle';

const INSTANCE = '0b9f1e2a-6c3d-4e5f-8a7b-9c0d1e2f3a4b';

// User agents stop (and unregister) before the PBXes they talk to close.
const userAgents: UserAgent[] = [];
const pbxes: Pbx[] = [];
const clocks: RealTimers[] = [];
afterEach(() => stopAll(userAgents, clocks, pbxes));

async function pbxOn(port = 0): Promise<{ pbx: Pbx; seen: string[] }> {
  const pbx = await startPbx({ port, minExpires: 2, logger: quiet });
  // What the PBX received and answered, as "REGISTER" / "401" lines.
  const seen: string[] = [];
  pbx.events.on('message', ({ direction, text }) => {
    const message = parseMessage(text);
    if (message.cseq.method !== 'REGISTER') return;
    seen.push(message instanceof SipRequest ? `${direction} REGISTER` : `${direction} ${message.status}`);
  });
  pbxes.push(pbx);
  return { pbx, seen };
}

function userAgent(url: string, overrides: Partial<UserAgentOptions> = {}) {
  const timers = new RealTimers();
  const ua = new UserAgent({
    aor: 'sip:1000@127.0.0.1',
    password: 'secret1000',
    servers: [url],
    instanceId: INSTANCE,
    platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
    transport: { reconnect: { minDelay: 100, maxDelay: 400 } },
    ...overrides,
  });
  userAgents.push(ua);
  clocks.push(timers);
  return ua;
}

describe('registration against the embedded PBX', () => {
  it('registers after a 401, refreshes before expiry and unregisters on stop', async () => {
    const { pbx, seen } = await pbxOn();
    const ua = userAgent(pbx.url, { registerExpires: 4 });
    ua.start();
    await until('registered', () => ua.registrationState === 'registered');
    expect(seen).toEqual(['in REGISTER', 'out 401', 'in REGISTER', 'out 200']);
    const [binding] = pbx.bindings('1000');
    expect(binding?.instance).toContain(INSTANCE);
    expect(binding?.regId).toBe('1');

    // A 4 s binding is refreshed at half-life, with the cached challenge: no new 401.
    await until('refreshed', () => seen.length >= 6, 4000);
    expect(seen.slice(4)).toEqual(['in REGISTER', 'out 200']);
    expect(ua.registrationState).toBe('registered');

    await ua.stop();
    expect(ua.registrationState).toBe('unregistered');
    expect(pbx.bindings('1000')).toEqual([]);
    // Timer K (zero) of the last REGISTER is all that may still run; then nothing is left behind.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(clocks[0]!.pendingCount).toBe(0);
  });

  it('registers again with a new PBX on the same port after a restart', async () => {
    const first = await pbxOn();
    const ua = userAgent(first.pbx.url);
    ua.start();
    await until('registered', () => ua.registrationState === 'registered');

    await first.pbx.close();
    await until('failed', () => ua.registrationState === 'failed');
    expect(ua.registrationCause).toMatch(/^Server unreachable: /);

    const second = await pbxOn(first.pbx.port);
    await until('registered again', () => ua.registrationState === 'registered');
    expect(second.pbx.bindings('1000')).toHaveLength(1);
    expect(second.seen.at(-1)).toBe('out 200');
  });

  it('reports wrong credentials after three challenges and stops sending', async () => {
    const { pbx, seen } = await pbxOn();
    const ua = userAgent(pbx.url, { password: 'not-the-password' });
    ua.start();
    await until('failed', () => ua.registrationState === 'failed');
    expect(ua.registrationCause).toBe(WRONG_CREDENTIALS);
    const answers = seen.filter((line) => line.startsWith('out'));
    expect(answers).toHaveLength(4);
    expect(answers.every((line) => line === 'out 401' || line === 'out 403')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.filter((line) => line === 'in REGISTER')).toHaveLength(4);
  });
});
