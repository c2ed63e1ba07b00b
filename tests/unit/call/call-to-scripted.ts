import type { SipRequest } from '../../../src/sip';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';
import { phoneOn, recordEvents, settle, type PhoneOptions } from './call-harness';
import { fixture, ScriptedCall } from './scripted-call';

/** Alice (1000, a real UA) calls 1002, a scripted phone the test answers by hand. */
export async function aliceCallsScripted(options: PhoneOptions = {}) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const alice = phoneOn(pbx, clock, '1000', options);
  const far = pbx.scriptedPhone('1002');
  const uas = new ScriptedCall(far);
  await settle(clock);
  const call = alice.ua.call('1002');
  const events = recordEvents(call);
  await settle(clock);
  /** The last request of `method` that reached the far end. */
  const last = (method = 'INVITE'): SipRequest => {
    const request = far.requests(method).at(-1);
    if (!request) throw new Error(`no ${method} reached the far end`);
    return request;
  };
  const respond = async (status: number, options: Parameters<ScriptedCall['respond']>[2] = {}, request = last()) => {
    uas.respond(request, status, options);
    await settle(clock);
  };
  return { clock, pbx, alice, far, uas, call, events, last, respond };
}

/** 1002 (scripted) calls Bob (1001, a real UA) with a Chrome offer and `inviteHeaders`; Bob's phone rings. */
export async function scriptedRingsBob(inviteHeaders: string[] = [], options: PhoneOptions = {}) {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const bob = phoneOn(pbx, clock, '1001', options);
  const far = pbx.scriptedPhone('1002');
  const caller = new ScriptedCall(far);
  await settle(clock);
  caller.sendInvite({ body: fixture('sdp/chrome-156-offer.sdp'), headers: inviteHeaders });
  await settle(clock);
  return { clock, pbx, bob, far, caller };
}

/** 1002 (scripted) calls Bob (1001, a real UA) with `inviteHeaders`; Bob answers and the ACK comes. */
export async function scriptedCallsBob(inviteHeaders: string[] = [], options: PhoneOptions = {}) {
  const ringing = await scriptedRingsBob(inviteHeaders, options);
  const { clock, bob, caller } = ringing;
  const call = bob.ringing;
  await call.answer();
  await settle(clock);
  const ok = caller.learnDialog();
  caller.sendAck();
  await settle(clock);
  const events = recordEvents(call);
  return { ...ringing, call, events, ok };
}
