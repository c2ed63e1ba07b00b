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

/** Two registered phones on a fresh embedded PBX, with what the PBX saw as "in INVITE" / "out 200 INVITE" lines. */
async function phones(aliceMedia: { delayedOffer?: boolean; dtmfMode?: 'info' } = {}) {
  pbx = await startPbx({ port: 0, logger: quiet });
  const seen: string[] = [];
  pbx.events.on('message', ({ direction, text }) => {
    const message = parseMessage(text);
    seen.push(message instanceof SipRequest ? `${direction} ${message.method}` : `${direction} ${message.status} ${message.cseq.method}`);
  });
  const phone = (user: string, media: object) => {
    const timers = new RealTimers();
    const engine = new FakeMediaEngine();
    const ua = new UserAgent({
      aor: `sip:${user}@127.0.0.1`,
      password: `secret${user}`,
      servers: [pbx!.url],
      instanceId: `0b9f1e2a-6c3d-4e5f-8a7b-9c0d1e2f${user}`,
      platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
      media: { engine, options: { iceServers: [], profile: 'webrtc' }, ...media },
    });
    const offered: CallSession[] = [];
    ua.on('incomingCall', (call) => offered.push(call));
    ua.start();
    userAgents.push(ua);
    clocks.push(timers);
    return { ua, engine, offered };
  };
  const alice = phone('1000', aliceMedia);
  const bob = phone('1001', {});
  await until('both registered', () => alice.ua.registrationState === 'registered' && bob.ua.registrationState === 'registered');
  return { alice, bob, seen };
}

describe('calls through the embedded PBX', () => {
  it('connects a call after the proxy challenge, and either side can hang up through the Record-Route', async () => {
    const { alice, bob, seen } = await phones();
    const call = alice.ua.call('1001');
    await until('alice hears ringing', () => call.state === 'early');
    await bob.offered[0]!.answer();
    await until('both up', () => call.state === 'established' && bob.offered[0]!.state === 'established');
    expect(seen.filter((line) => line.includes('INVITE'))).toEqual([
      'in INVITE',
      'out 407 INVITE',
      'in INVITE',
      'out 100 INVITE',
      'out INVITE',
      'in 180 INVITE',
      'out 180 INVITE',
      'in 200 INVITE',
      'out 200 INVITE',
    ]);
    bob.offered[0]!.hangup();
    await until('both ended', () => call.state === 'ended' && bob.offered[0]!.state === 'ended');
    expect(call.end).toMatchObject({ originator: 'remote', cause: 'hangup' });
    expect(bob.offered[0]!.end).toMatchObject({ originator: 'local', cause: 'hangup' });
    const second = alice.ua.call('1001');
    await until('bob rings again', () => bob.offered.length === 2);
    await bob.offered[1]!.answer();
    await until('second call up', () => second.state === 'established');
    second.hangup();
    await until('second call ended', () => second.state === 'ended' && bob.offered[1]!.state === 'ended');
    expect(bob.offered[1]!.end).toMatchObject({ originator: 'remote', cause: 'hangup' });
  });

  it('cancels a ringing call, and shows busy and decline to the caller', async () => {
    const { alice, bob } = await phones();
    const cancelled = alice.ua.call('1001');
    await until('bob rings', () => bob.offered.length === 1);
    cancelled.hangup();
    await until('cancel done', () => cancelled.state === 'ended' && bob.offered[0]!.state === 'ended');
    expect(cancelled.end).toMatchObject({ originator: 'local', cause: 'cancelled' });
    expect(bob.offered[0]!.end).toMatchObject({ originator: 'remote', cause: 'cancelled' });
    for (const [status, cause] of [
      [486, 'busy'],
      [603, 'declined'],
    ] as const) {
      const call = alice.ua.call('1001');
      await until('bob rings', () => bob.offered.at(-1)!.state === 'incoming' && call.state === 'early');
      bob.offered.at(-1)!.decline(status);
      await until('refused', () => call.state === 'ended');
      expect(call.end).toMatchObject({ originator: 'remote', cause, status });
    }
  });

  it('tells unknown numbers from unreachable ones', async () => {
    const { alice } = await phones();
    const unknown = alice.ua.call('2000');
    const offline = alice.ua.call('1005');
    await until('both ended', () => unknown.state === 'ended' && offline.state === 'ended');
    expect(unknown.end).toMatchObject({ cause: 'not-found', status: 404 });
    expect(offline.end).toMatchObject({ cause: 'unavailable', status: 480 });
  });

  it('runs a delayed-offer call, hold and resume, and INFO DTMF end to end', async () => {
    const { alice, bob } = await phones({ delayedOffer: true, dtmfMode: 'info' });
    const call = alice.ua.call('1001');
    await until('bob rings', () => bob.offered.length === 1);
    const answered = bob.offered[0]!;
    const digits: string[] = [];
    answered.on('dtmf', (digit) => digits.push(digit));
    await answered.answer();
    await until('both up', () => call.state === 'established' && bob.engine.lastSession.calls.includes('setRemoteAnswer'));
    expect(await call.holdCall()).toBe(true);
    expect(answered.hold).toEqual({ local: false, remote: true });
    expect(bob.engine.lastSession.localDirection).toBe('recvonly');
    expect(await call.resumeCall()).toBe(true);
    expect(answered.hold).toEqual({ local: false, remote: false });
    expect(call.sendDtmf('42')).toBe(true);
    await until('digits arrived', () => digits.length === 2);
    expect(digits).toEqual(['4', '2']);
  });

  it('rings reliably through the proxy: the 180 is PRACKed in the early dialog and the answer carries the session timer', async () => {
    const { alice, bob, seen } = await phones();
    const call = alice.ua.call('1001', { extraHeaders: [['Require', '100rel']] });
    await until('bob rings', () => bob.offered.length === 1);
    await until('PRACK answered', () => seen.includes('out 200 PRACK'));
    const intervals: (string | undefined)[] = [];
    pbx!.events.on('message', ({ direction, text }) => {
      const message = parseMessage(text);
      if (direction === 'out' && !(message instanceof SipRequest) && message.status === 200 && message.cseq.method === 'INVITE') intervals.push(message.get('Session-Expires'));
    });
    await bob.offered[0]!.answer();
    await until('both up', () => call.state === 'established');
    expect(seen.filter((line) => line.includes('PRACK'))).toEqual(['in PRACK', 'out PRACK', 'in 200 PRACK', 'out 200 PRACK']);
    expect(seen.filter((line) => line === 'out 180 INVITE')).toHaveLength(1);
    expect(intervals[0]).toBe('1800;refresher=uac');
  });
});
