import { afterEach, describe, expect, it } from 'vitest';
import { startPbx, type Pbx } from '../../server/pbx';
import { Outbox, parseMessage, SipRequest, UserAgent, type IncomingMessage, type OutboxEntry, type UserAgentOptions } from '../../src/sip';
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

/** A registered user agent taking messages; `reconnect` sets its back-off after the PBX goes away. */
function phone(user: string, url: string, reconnect: { minDelay: number; maxDelay: number }, overrides: Partial<UserAgentOptions> = {}) {
  const timers = new RealTimers();
  const ua = new UserAgent({
    aor: `sip:${user}@127.0.0.1`,
    password: `secret${user}`,
    servers: [url],
    instanceId: `5d2c7e41-8a9b-4c3d-9e0f-1a2b3c4d${user}`,
    platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
    messaging: true,
    transport: { reconnect },
    ...overrides,
  });
  const inbox: IncomingMessage[] = [];
  ua.on('message', (message) => inbox.push(message));
  ua.start();
  userAgents.push(ua);
  clocks.push(timers);
  return { ua, inbox };
}

async function twoPhones() {
  pbx = await startPbx({ port: 0, logger: quiet });
  // Bob comes back faster than Alice after an outage, so Alice's queued messages find him online.
  const alice = phone('1000', pbx.url, { minDelay: 1000, maxDelay: 1500 });
  const bob = phone('1001', pbx.url, { minDelay: 50, maxDelay: 100 });
  await until('both registered', () => alice.ua.registrationState === 'registered' && bob.ua.registrationState === 'registered');
  return { alice, bob };
}

describe('text messages through the embedded PBX', () => {
  it('carries a MESSAGE with an emoji and markup from one user agent to the other', async () => {
    const { alice, bob } = await twoPhones();
    const body = 'hi 👋 <img src=x onerror=alert(1)>';
    const sent = alice.ua.sendMessage('1001', body);
    expect(await sent.done).toEqual({ delivered: true, status: 200, reason: 'OK' });
    expect(bob.inbox).toMatchObject([{ body, contentType: 'text/plain', from: { uri: 'sip:1000@127.0.0.1', user: '1000' } }]);
  });

  it('pings the PBX itself and the other user agent', async () => {
    const { alice } = await twoPhones();
    const server = await alice.ua.ping('sip:127.0.0.1');
    expect(server).toMatchObject({ reachable: true, status: 200 });
    if (server.reachable) expect(server.allow).toEqual(expect.arrayContaining(['INVITE', 'MESSAGE', 'OPTIONS', 'REGISTER']));
    const bob = await alice.ua.ping('1001');
    expect(bob).toMatchObject({ reachable: true, status: 200, userAgent: 'Tabphone/0.1.0' });
    if (bob.reachable) {
      expect(bob.allow).toContain('MESSAGE');
      expect(bob.accept).toContain('text/plain');
    }
  });

  it('queues messages while the PBX is down and delivers them in order once it is back on the same port', async () => {
    const { alice, bob } = await twoPhones();
    const port = pbx!.port;
    const outbox = new Outbox({ agent: alice.ua, random: cryptoRandom });
    const changes: OutboxEntry[] = [];
    outbox.on('change', (entry) => changes.push(entry));
    let aliceFailedRetries = 0;
    alice.ua.on('transport', (state) => state === 'failed' && aliceFailedRetries++);
    await pbx!.close();
    pbx = undefined;
    await until('alice notices the outage', () => alice.ua.registrationState !== 'registered');
    outbox.send('1001', 'sent while the PBX was down');
    outbox.send('1001', 'and a second one');
    expect(outbox.entries.map((e) => e.state)).toEqual(['queued', 'queued']);
    // Alice's first retry comes at once; after it fails she waits at least 1 s, Bob at most 0.1 s.
    await until('alice retried once in vain', () => aliceFailedRetries > 0);
    pbx = await startPbx({ port, logger: quiet });
    await until('both delivered', () => changes.filter((e) => e.state === 'delivered').length === 2, 10_000);
    expect(bob.inbox.map((m) => m.body)).toEqual(['sent while the PBX was down', 'and a second one']);
    expect(outbox.entries).toEqual([]);
    outbox.dispose();
  });

  it('routes REGISTER and MESSAGE through an outbound proxy (a preloaded Route), which the PBX consumes as its own', async () => {
    pbx = await startPbx({ port: 0, logger: quiet });
    const received: SipRequest[] = [];
    pbx.events.on('message', ({ direction, text }) => {
      const message = parseMessage(text);
      if (direction === 'in' && message instanceof SipRequest) received.push(message);
    });
    const outboundProxy = `sip:127.0.0.1:${pbx.port};transport=ws`;
    const reconnect = { minDelay: 50, maxDelay: 100 };
    const alice = phone('1000', pbx.url, reconnect, { outboundProxy });
    const bob = phone('1001', pbx.url, reconnect, { outboundProxy });
    await until('both registered', () => alice.ua.registrationState === 'registered' && bob.ua.registrationState === 'registered');

    expect(await alice.ua.sendMessage('1001', 'via the proxy').done).toMatchObject({ delivered: true, status: 200 });
    expect(bob.inbox.map((message) => message.body)).toEqual(['via the proxy']);
    const route = `<sip:127.0.0.1:${pbx.port};transport=ws;lr>`;
    for (const method of ['REGISTER', 'MESSAGE']) {
      expect(received.find((request) => request.method === method)?.getAll('Route')).toEqual([route]);
    }
  });
});
