import { UserAgent, type RegistrationState, type UserAgentOptions } from '../../../src/sip';
import { FakeClock, seededRandom } from '../support/fake-clock';
import { FakeWsServer } from '../support/fake-ws-server';

export const SERVER = 'ws://127.0.0.1:5070';
export const INSTANCE = '8f3c0a52-3b6e-4d5c-9a1e-2f4b6c8d0e1f';
export const REALM = 'tabphone';

/** A UserAgent for 1000@127.0.0.1 on a FakeClock, talking to a FakeWsServer, with its events recorded. */
export function uaHarness(overrides: Partial<UserAgentOptions> = {}) {
  const clock = new FakeClock();
  const server = new FakeWsServer(clock);
  const ua = new UserAgent({
    aor: 'sip:1000@127.0.0.1',
    password: 'secret1000',
    servers: [SERVER],
    instanceId: INSTANCE,
    platform: { createWebSocket: server.factory, timers: clock, random: seededRandom(11) },
    ...overrides,
  });
  const registration: [RegistrationState, string | undefined][] = [];
  ua.on('registration', (state, cause) => registration.push([state, cause]));
  return { clock, server, ua, registration };
}

/** The harness with the UA started and its WebSocket open. */
export function startedUa(overrides: Partial<UserAgentOptions> = {}) {
  const h = uaHarness(overrides);
  h.ua.start();
  h.clock.advance(0);
  return h;
}

export function challenge(nonce = 'n1', extra = ''): [string, string] {
  return ['WWW-Authenticate', `Digest realm="${REALM}", nonce="${nonce}", algorithm=MD5, qop="auth"${extra}`];
}
