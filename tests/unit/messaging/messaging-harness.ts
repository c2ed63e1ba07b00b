import type { ComposingNotice, IncomingMessage, UserAgent } from '../../../src/sip';
import { phoneOn, settle, type Phone, type PhoneOptions } from '../call/call-harness';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';

/** A phone on the loopback PBX that takes text messages, with what it received. */
export interface Texter extends Phone {
  inbox: IncomingMessage[];
  composing: ComposingNotice[];
}

export function texterOn(pbx: LoopbackPbx, clock: FakeClock, user: string, options: PhoneOptions = {}): Texter {
  const phone = phoneOn(pbx, clock, user, { ...options, ua: { messaging: true, ...options.ua } });
  // Object.assign keeps the phone's getters (spreading would call them).
  return Object.assign(phone, recordMessages(phone.ua));
}

export function recordMessages(ua: UserAgent): { inbox: IncomingMessage[]; composing: ComposingNotice[] } {
  const inbox: IncomingMessage[] = [];
  const composing: ComposingNotice[] = [];
  ua.on('message', (message) => inbox.push(message));
  ua.on('composing', (notice) => composing.push(notice));
  return { inbox, composing };
}

/** Alice (1000) and Bob (1001), both taking messages, registered on a loopback PBX. */
export async function twoTexters() {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const alice = texterOn(pbx, clock, '1000');
  const bob = texterOn(pbx, clock, '1001');
  await settle(clock);
  return { clock, pbx, alice, bob };
}
