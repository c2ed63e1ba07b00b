import { UserAgent, type CallSession, type UserAgentOptions } from '../../../src/sip';
import type { CallMediaOptions } from '../../../src/sip/ua/call/call-deps';
import type { AudioCodecCapability } from '../../../src/sip/media-port';
import { FakeClock, seededRandom } from '../support/fake-clock';
import { FakeMediaEngine } from '../support/fake-media-engine';
import { LoopbackPbx } from '../support/loopback-pbx';

export const DOMAIN = '127.0.0.1';

/** One phone on the loopback PBX: a real UserAgent with a fake media engine, and the calls it was offered. */
export interface Phone {
  user: string;
  ua: UserAgent;
  engine: FakeMediaEngine;
  incoming: CallSession[];
  /** The events of each offered call, recorded from the moment it was offered. */
  events: Map<CallSession, string[]>;
  /** The call offered last; throws when none was. */
  readonly ringing: CallSession;
}

export interface PhoneOptions {
  media?: Partial<Omit<CallMediaOptions, 'engine'>>;
  /** The fake browser's codecs; default FAKE_BROWSER_CODECS. */
  codecs?: readonly AudioCodecCapability[];
  ua?: Partial<UserAgentOptions>;
}

let seed = 100;

export function phoneOn(pbx: LoopbackPbx, clock: FakeClock, user: string, options: PhoneOptions = {}): Phone {
  seed += 1;
  const engine = new FakeMediaEngine({ random: seededRandom(seed * 7), ...(options.codecs ? { codecs: options.codecs } : {}) });
  const ua = new UserAgent({
    aor: `sip:${user}@${DOMAIN}`,
    password: `secret${user}`,
    servers: ['ws://127.0.0.1:5070'],
    instanceId: `00000000-0000-4000-8000-00000000${String(seed).padStart(4, '0')}`,
    platform: { createWebSocket: pbx.factory(user), timers: clock, random: seededRandom(seed) },
    media: { engine, options: { iceServers: [], profile: 'webrtc' }, ...options.media },
    ...options.ua,
  });
  const incoming: CallSession[] = [];
  const events = new Map<CallSession, string[]>();
  ua.on('incomingCall', (call) => {
    incoming.push(call);
    events.set(call, recordEvents(call));
  });
  ua.start();
  return {
    user,
    ua,
    engine,
    incoming,
    events,
    get ringing() {
      const call = incoming.at(-1);
      if (!call) throw new Error(`${user} was offered no call`);
      return call;
    },
  };
}

/** Lets promises settle and timers due now run, until both are quiet. */
export async function settle(clock: FakeClock): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    clock.advance(0);
  }
}

/** Moves the clock `ms` forward in small steps, letting promises settle at each. */
export async function elapse(clock: FakeClock, ms: number, step = 100): Promise<void> {
  for (let done = 0; done < ms; done += step) {
    clock.advance(Math.min(step, ms - done));
    await settle(clock);
  }
}

/** Alice (1000) and Bob (1001) registered on a loopback PBX. */
export async function twoPhones(options: { alice?: PhoneOptions; bob?: PhoneOptions } = {}) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const alice = phoneOn(pbx, clock, '1000', options.alice);
  const bob = phoneOn(pbx, clock, '1001', options.bob);
  await settle(clock);
  return { clock, pbx, alice, bob };
}

/** A call's events as short strings: "state early", "progress 180 Ringing", "ringback true", "ended busy 486". */
export function recordEvents(call: CallSession): string[] {
  const events: string[] = [];
  call.on('state', (state) => events.push(`state ${state}`));
  call.on('progress', (status, reason) => events.push(`progress ${status} ${reason}`));
  call.on('ringback', (on) => events.push(`ringback ${on}`));
  call.on('hold', (hold) => events.push(`hold local=${hold.local} remote=${hold.remote}`));
  call.on('muted', (muted) => events.push(`muted ${muted}`));
  call.on('dtmf', (digit) => events.push(`dtmf ${digit}`));
  call.on('ended', (end) => events.push(`ended ${end.cause}${end.status ? ` ${end.status}` : ''}`));
  return events;
}

/** Alice calls Bob and Bob answers: both calls established. */
export async function establishedCall(options: { alice?: PhoneOptions; bob?: PhoneOptions } = {}) {
  const h = await twoPhones(options);
  const outgoing = h.alice.ua.call('1001');
  await settle(h.clock);
  const incoming = h.bob.ringing;
  await incoming.answer();
  await settle(h.clock);
  return { ...h, outgoing, incoming };
}
