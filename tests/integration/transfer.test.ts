import { afterEach, describe, expect, it } from 'vitest';
import { startPbx, type Pbx } from '../../server/pbx';
import { parseMessage, SipRequest, UserAgent, type CallSession } from '../../src/sip';
import { FakeMediaEngine } from '../unit/support/fake-media-engine';
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

interface Phone {
  ua: UserAgent;
  offered: CallSession[];
  transferCalls: CallSession[];
  replacingCalls: CallSession[];
}

/** Alice (1000), Bob (1001) and Carol (1002) registered on a fresh embedded PBX; `seen` lists what it relayed. */
async function threePhones() {
  pbx = await startPbx({ port: 0, logger: quiet });
  const seen: string[] = [];
  pbx.events.on('message', ({ direction, text }) => {
    const message = parseMessage(text);
    seen.push(message instanceof SipRequest ? `${direction} ${message.method}` : `${direction} ${message.status} ${message.cseq.method}`);
  });
  const phone = (user: string): Phone => {
    const timers = new RealTimers();
    const ua = new UserAgent({
      aor: `sip:${user}@127.0.0.1`,
      password: `secret${user}`,
      servers: [pbx!.url],
      instanceId: `5d1c2b3a-7e6f-4a5b-9c8d-0e1f2a3b${user}`,
      platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
      media: { engine: new FakeMediaEngine(), options: { iceServers: [], profile: 'webrtc' } },
    });
    const offered: CallSession[] = [];
    const transferCalls: CallSession[] = [];
    const replacingCalls: CallSession[] = [];
    ua.on('incomingCall', (call) => offered.push(call));
    ua.on('transferCall', (call) => transferCalls.push(call));
    ua.on('replacingCall', (call) => replacingCalls.push(call));
    ua.start();
    userAgents.push(ua);
    clocks.push(timers);
    return { ua, offered, transferCalls, replacingCalls };
  };
  const alice = phone('1000');
  const bob = phone('1001');
  const carol = phone('1002');
  await until('all registered', () => [alice, bob, carol].every((p) => p.ua.registrationState === 'registered'));
  return { alice, bob, carol, seen };
}

async function connect(from: Phone, to: Phone, user: string): Promise<CallSession> {
  const before = to.offered.length;
  const call = from.ua.call(user);
  await until(`${user} rings`, () => to.offered.length > before);
  await to.offered.at(-1)!.answer();
  await until('the call is up', () => call.state === 'established');
  return call;
}

describe('transfers through the embedded PBX', () => {
  it('relays REFER and NOTIFY in the dialog: a blind transfer connects the transferee with the target', async () => {
    const { alice, bob, carol, seen } = await threePhones();
    const aliceToBob = await connect(alice, bob, '1001');

    const done = aliceToBob.transfer('1002');
    await until('carol rings', () => carol.offered.length === 1);
    await carol.offered[0]!.answer();
    const result = await done;

    expect(result.state).toBe('succeeded');
    await until('alice hung up on bob', () => aliceToBob.state === 'ended' && bob.offered[0]!.state === 'ended');
    expect(aliceToBob.end?.cause).toBe('transferred');
    expect(bob.transferCalls[0]!.state).toBe('established');
    expect(seen).toContain('in REFER');
    expect(seen).toContain('out 202 REFER');
    expect(seen.filter((line) => line === 'out NOTIFY').length).toBeGreaterThanOrEqual(2);
  });

  it('relays the INVITE with Replaces of an attended transfer to the target, which swaps the calls', async () => {
    const { alice, bob, carol } = await threePhones();
    const aliceToBob = await connect(alice, bob, '1001');
    const aliceToCarol = await connect(alice, carol, '1002');

    const result = await aliceToBob.transferTo(aliceToCarol);

    expect(result.state).toBe('succeeded');
    await until('alice’s calls ended', () => aliceToBob.state === 'ended' && aliceToCarol.state === 'ended');
    expect(carol.replacingCalls).toHaveLength(1);
    expect(carol.replacingCalls[0]!.state).toBe('established');
    expect(carol.offered[0]!.end?.cause).toBe('replaced');
    expect(bob.transferCalls[0]!.state).toBe('established');
  });
});
