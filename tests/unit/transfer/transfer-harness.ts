import type { CallSession, TransferProgress } from '../../../src/sip';
import { phoneOn, settle, type Phone, type PhoneOptions } from '../call/call-harness';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';

/** A phone that also records the calls transfers made for it. */
export interface TransferPhone extends Phone {
  /** [newCall, fromCall] of each accepted REFER. */
  transferCalls: [CallSession, CallSession][];
  /** [newCall, replacedCall] of each INVITE with Replaces. */
  replacingCalls: [CallSession, CallSession][];
}

function transferPhone(pbx: LoopbackPbx, clock: FakeClock, user: string, options?: PhoneOptions): TransferPhone {
  const phone = phoneOn(pbx, clock, user, options);
  const transferCalls: [CallSession, CallSession][] = [];
  const replacingCalls: [CallSession, CallSession][] = [];
  phone.ua.on('transferCall', (call, from) => transferCalls.push([call, from]));
  phone.ua.on('replacingCall', (call, replaced) => replacingCalls.push([call, replaced]));
  return Object.assign(phone, { transferCalls, replacingCalls });
}

/** Alice (1000) transfers, Bob (1001) is transferred, Carol (1002) is the target. */
export async function threePhones(options: { alice?: PhoneOptions; bob?: PhoneOptions; carol?: PhoneOptions } = {}) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const alice = transferPhone(pbx, clock, '1000', options.alice);
  const bob = transferPhone(pbx, clock, '1001', options.bob);
  const carol = transferPhone(pbx, clock, '1002', options.carol);
  await settle(clock);
  return { clock, pbx, alice, bob, carol };
}

/** `from` calls `to` and `to` answers: [the caller's call, the callee's]. */
export async function connect(clock: FakeClock, from: Phone, to: Phone): Promise<[CallSession, CallSession]> {
  const outgoing = from.ua.call(to.user);
  await settle(clock);
  const incoming = to.ringing;
  await incoming.answer();
  await settle(clock);
  return [outgoing, incoming];
}

/** A call's 'transfer' events as "trying", "trying 202", "ringing 180", "succeeded 200". */
export function recordTransfer(call: CallSession): string[] {
  const steps: string[] = [];
  call.on('transfer', (step: TransferProgress) => steps.push(step.status === undefined ? step.state : `${step.state} ${step.status}`));
  return steps;
}
