import { afterEach, describe, expect, it } from 'vitest';
import { startPbx, type Pbx } from '../../server/pbx';
import { parseMessage, SipRequest, UserAgent, type IncomingMessage } from '../../src/sip';
import { nodeWebSocket } from '../unit/support/node-websocket';
import { cryptoRandom, RealTimers } from '../unit/support/real-timers';
import { quiet, stopAll, until } from './support/lifecycle';

const userAgents: UserAgent[] = [];
const clocks: RealTimers[] = [];
let pbx: Pbx | undefined;

afterEach(async () => {
  await stopAll(userAgents, clocks, pbx ? [pbx] : []);
  pbx = undefined;
});

function phone(user: string, url: string, outboundProxy: string) {
  const timers = new RealTimers();
  const ua = new UserAgent({
    aor: `sip:${user}@127.0.0.1`,
    password: `secret${user}`,
    servers: [url],
    outboundProxy,
    instanceId: `7a1c2e41-8a9b-4c3d-9e0f-1a2b3c4d${user}`,
    platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
    messaging: true,
  });
  const inbox: IncomingMessage[] = [];
  ua.on('message', (message) => inbox.push(message));
  ua.start();
  userAgents.push(ua);
  clocks.push(timers);
  return { ua, inbox };
}

describe('an outbound proxy (preloaded Route) with the embedded PBX', () => {
  it('routes REGISTER and MESSAGE through the proxy, which consumes its own Route', async () => {
    pbx = await startPbx({ port: 0, logger: quiet });
    const received: SipRequest[] = [];
    pbx.events.on('message', ({ direction, text }) => {
      const message = parseMessage(text);
      if (direction === 'in' && message instanceof SipRequest) received.push(message);
    });
    const proxy = `sip:127.0.0.1:${pbx.port};transport=ws`;
    const alice = phone('1000', pbx.url, proxy);
    const bob = phone('1001', pbx.url, proxy);
    await until('both registered', () => alice.ua.registrationState === 'registered' && bob.ua.registrationState === 'registered');

    const sent = alice.ua.sendMessage('1001', 'via the proxy');
    expect(await sent.done).toMatchObject({ delivered: true, status: 200 });
    expect(bob.inbox.map((message) => message.body)).toEqual(['via the proxy']);

    const route = `<sip:127.0.0.1:${pbx.port};transport=ws;lr>`;
    const register = received.find((request) => request.method === 'REGISTER');
    const message = received.find((request) => request.method === 'MESSAGE');
    expect(register?.getAll('Route')).toEqual([route]);
    expect(message?.getAll('Route')).toEqual([route]);
  });
});
