import { describe, expect, it } from 'vitest';
import {
  createCallService,
  ENDED_LINE_MS,
  FAILED_LINE_MS,
  type CallAgent,
  type KeyTones,
  type PhoneCall,
} from '../../../src/services/call-service';
import type { Ringer } from '../../../src/services/ringer';
import type { CallEnd, CallEvents, CallParty, CallState, HoldState, TransferResult } from '../../../src/sip';
import type { MediaStatsSummary } from '../../../src/sip/media-port';
import { Emitter } from '../../../src/sip/util/emitter';
import { createCallsStore, lineStatusText } from '../../../src/stores/calls';
import { FakeClock } from '../support/fake-clock';

/** A call session driven by hand: the test plays the far end by emitting its events. */
class FakeCall extends Emitter<CallEvents> implements PhoneCall {
  state: CallState;
  startedAt: number | undefined = undefined;
  hold: HoldState = { local: false, remote: false };
  muted = false;
  readonly actions: string[] = [];
  holdAnswer = true;
  dtmfAccepted = true;
  /** How transfer() and transferTo() end; the test emits the 'transfer' steps before it. */
  transferOutcome: TransferResult = { state: 'succeeded', message: 'Transferred' };
  /** What stats() returns; tests edit it. */
  figures: MediaStatsSummary = { bytesSent: 0, bytesReceived: 0, packetsSent: 0, packetsReceived: 0, packetsLost: 0, lossPercent: 0 };

  constructor(
    readonly id: string,
    readonly direction: 'outgoing' | 'incoming',
    /** The core updates it when a 18x or 2xx asserts an identity (P-Asserted-Identity). */
    public remote: CallParty,
    private readonly clock: FakeClock,
  ) {
    super();
    this.state = direction === 'incoming' ? 'incoming' : 'calling';
  }

  move(state: CallState): void {
    this.state = state;
    if (state === 'established') this.startedAt = this.clock.now();
    this.safeEmit('state', state);
  }

  end(end: CallEnd): void {
    this.state = 'ended';
    this.safeEmit('state', 'ended');
    this.safeEmit('ended', end);
  }

  emit<K extends keyof CallEvents>(event: K, ...args: CallEvents[K]): void {
    this.safeEmit(event, ...args);
  }

  async answer(): Promise<void> {
    this.actions.push('answer');
    this.move('established');
  }

  decline(status?: 486 | 603): void {
    this.actions.push(`decline ${status ?? 603}`);
    this.end({ originator: 'local', cause: 'declined', message: 'Declined' });
  }

  hangup(): void {
    this.actions.push('hangup');
    this.end({ originator: 'local', cause: 'hangup', message: 'Call ended' });
  }

  async holdCall(): Promise<boolean> {
    this.actions.push('hold');
    if (this.holdAnswer) {
      this.hold = { ...this.hold, local: true };
      this.safeEmit('hold', this.hold);
    }
    return this.holdAnswer;
  }

  async resumeCall(): Promise<boolean> {
    this.actions.push('resume');
    this.hold = { ...this.hold, local: false };
    this.safeEmit('hold', this.hold);
    return true;
  }

  sendDtmf(tones: string): boolean {
    this.actions.push(`dtmf ${tones}`);
    return this.dtmfAccepted;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    this.safeEmit('muted', muted);
  }

  async transfer(target: string): Promise<TransferResult> {
    this.actions.push(`transfer ${target}`);
    return this.transferOutcome;
  }

  async transferTo(other: PhoneCall): Promise<TransferResult> {
    this.actions.push(`transfer to ${other.id}`);
    return this.transferOutcome;
  }

  async stats(): Promise<MediaStatsSummary> {
    return this.figures;
  }
}

interface AgentEvents {
  incomingCall: [call: PhoneCall];
  transferCall: [newCall: PhoneCall, fromCall: PhoneCall];
  replacingCall: [newCall: PhoneCall, replacedCall: PhoneCall];
}

class FakeAgent extends Emitter<AgentEvents> implements CallAgent {
  readonly dialled: string[] = [];
  /** The sessions made for placed calls, by id. */
  readonly made = new Map<string, FakeCall>();
  private next = 1;

  constructor(private readonly clock: FakeClock) {
    super();
  }

  call(target: string): FakeCall {
    this.dialled.push(target);
    const call = new FakeCall(`out${this.next++}`, 'outgoing', { uri: `sip:${target}@127.0.0.1`, user: target }, this.clock);
    this.made.set(call.id, call);
    return call;
  }

  /** We accepted a REFER in `from`: the core's new call to the target. */
  transferredCall(id: string, target: string, from: PhoneCall): FakeCall {
    const call = new FakeCall(id, 'outgoing', { uri: `sip:${target}@127.0.0.1`, user: target }, this.clock);
    this.safeEmit('transferCall', call, from);
    return call;
  }

  /** An INVITE with Replaces for `replaced`: the core answers it itself. */
  replacing(id: string, remote: CallParty, replaced: PhoneCall): FakeCall {
    const call = new FakeCall(id, 'incoming', remote, this.clock);
    this.safeEmit('replacingCall', call, replaced);
    return call;
  }

  ring(id: string, remote: CallParty): FakeCall {
    const call = new FakeCall(id, 'incoming', remote, this.clock);
    this.safeEmit('incomingCall', call);
    return call;
  }
}

function setup() {
  const clock = new FakeClock();
  const agent = new FakeAgent(clock);
  const store = createCallsStore();
  const sounds: string[] = [];
  const keyTones: KeyTones = { playKeyTone: (key: string) => sounds.push(`key ${key}`) };
  const ringer: Ringer = { ring: (kind) => sounds.push(`ring ${kind}`), stop: () => sounds.push('ring off') };
  const service = createCallService({ agent, store, keyTones, ringer, timers: clock, logger: { log() {} } });
  const line = (id: string) => store.getState().lines.find((l) => l.id === id);
  return { clock, agent, store, sounds, service, line };
}

const ALICE: CallParty = { uri: 'sip:1000@127.0.0.1', user: '1000', displayName: 'Alice' };
const BUSY: CallEnd = { originator: 'remote', cause: 'busy', status: 486, reason: 'Busy Here', message: 'Busy' };

describe('call service: placing a call', () => {
  it('dials the cleaned number and shows the call as a selected line', () => {
    const { agent, store, service } = setup();
    expect(service.call(' 10-01 ')).toEqual({ ok: true, target: '1001' });
    expect(agent.dialled).toEqual(['1001']);
    const [line] = store.getState().lines;
    expect(line).toMatchObject({ id: 'out1', direction: 'outgoing', state: 'calling', remote: { number: '1001', displayName: undefined } });
    expect(store.getState().selectedId).toBe('out1');
  });

  it('refuses an empty field without calling', () => {
    const { agent, store, service } = setup();
    expect(service.call('  ')).toEqual({ ok: false, problem: 'Enter a number or SIP URI' });
    expect(agent.dialled).toEqual([]);
    expect(store.getState().lines).toEqual([]);
  });

  it('shows the new far end when the call is redirected while it rings', () => {
    const { service, agent, line } = setup();
    service.call('1001');
    const session = agent.made.get('out1')!;
    session.move('early');
    session.remote = { uri: 'sip:2002@example.com', user: '2002' };
    session.emit('progress', 302, 'Moved Temporarily');
    expect(line('out1')).toMatchObject({ state: 'early', remote: { number: '2002' } });
  });

  it('shows "Ringing" after a 18x, then the answer time', () => {
    const { clock, service, agent, line } = setup();
    service.call('1001');
    const session = agent.made.get('out1')!;
    session.move('early');
    expect(lineStatusText(line('out1')!)).toBe('Ringing');
    clock.advance(3000);
    session.move('established');
    expect(line('out1')).toMatchObject({ state: 'established', startedAt: 3000 });
  });

  it('keeps "Busy" on view for a while after a busy far end', () => {
    const { clock, service, agent, line, store } = setup();
    service.call('1001');
    agent.made.get('out1')!.end(BUSY);
    expect(lineStatusText(line('out1')!)).toBe('Busy');
    clock.advance(FAILED_LINE_MS - 1);
    expect(store.getState().lines).toHaveLength(1);
    clock.advance(1);
    expect(store.getState().lines).toEqual([]);
  });

  it('lets a call we cancelled go sooner than a failed one', () => {
    const { clock, service, agent, store } = setup();
    service.call('1005');
    agent.made.get('out1')!.end({ originator: 'remote', cause: 'unavailable', status: 480, message: 'Unavailable' });
    service.call('1001');
    service.hangup('out2');
    clock.advance(ENDED_LINE_MS);
    expect(store.getState().lines.map((l) => l.id)).toEqual(['out1']);
  });
});

describe('call service: incoming calls', () => {
  it('rings one task after the line appears, stops on answer, and shows the caller by name and number', async () => {
    const { clock, agent, service, sounds, line } = setup();
    const call = agent.ring('in1', ALICE);
    expect(line('in1')).toMatchObject({ state: 'incoming', remote: { displayName: 'Alice', number: '1000' } });
    expect(sounds).toEqual([]);
    clock.advance(0);
    expect(sounds).toEqual(['ring ringtone']);
    const answering = service.answer('in1');
    // Silent from the press of Answer, before the call is up.
    expect(sounds).toEqual(['ring ringtone', 'ring off']);
    await answering;
    expect(call.actions).toEqual(['answer']);
    expect(sounds).toEqual(['ring ringtone', 'ring off']);
    expect(line('in1')!.state).toBe('established');
  });

  it('does not ring at all for a call answered before its ringing starts', async () => {
    const { clock, agent, service, sounds, line } = setup();
    agent.ring('in1', ALICE);
    await service.answer('in1');
    clock.advance(1000);
    expect(sounds).toEqual([]);
    expect(line('in1')!.state).toBe('established');
  });

  it('declines with the core default and stops ringing', () => {
    const { clock, agent, service, sounds, line } = setup();
    const call = agent.ring('in1', ALICE);
    clock.advance(0);
    service.decline('in1');
    expect(call.actions).toEqual(['decline 603']);
    expect(sounds).toEqual(['ring ringtone', 'ring off']);
    expect(line('in1')!.state).toBe('ended');
  });

  it('beeps for a second call during a conversation, and holds the first when the second is answered', async () => {
    const { clock, agent, service, sounds, line, store } = setup();
    const first = agent.ring('in1', ALICE);
    await service.answer('in1');
    const second = agent.ring('in2', { uri: 'sip:1002@127.0.0.1', user: '1002' });
    clock.advance(0);
    expect(store.getState().lines.map((l) => l.state)).toEqual(['established', 'incoming']);
    expect(store.getState().selectedId).toBe('in1');
    expect(sounds.at(-1)).toBe('ring call-waiting');

    await service.answer('in2');
    expect(first.actions).toEqual(['answer', 'hold']);
    expect(second.actions).toEqual(['answer']);
    expect(line('in1')!.hold).toEqual({ local: true, remote: false });
    expect(store.getState().selectedId).toBe('in2');
  });
});

describe('call service: in-call controls', () => {
  it('flips hold only when the far end accepts, and says so when it does not', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    call.holdAnswer = false;
    const pending = service.hold('in1');
    expect(line('in1')!.holdPending).toBe('hold');
    await pending;
    expect(line('in1')).toMatchObject({ hold: { local: false }, holdPending: undefined, notice: 'The far end did not accept hold' });

    call.holdAnswer = true;
    await service.hold('in1');
    expect(line('in1')).toMatchObject({ hold: { local: true }, notice: undefined });
    expect(lineStatusText(line('in1')!)).toBe('On hold');
  });

  it('shows the far end holding us', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    call.emit('hold', { local: false, remote: true });
    expect(lineStatusText(line('in1')!)).toBe('Held by remote');
  });

  it('mutes, sends DTMF with a key click, and explains DTMF the call cannot carry', async () => {
    const { agent, service, line, sounds } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    service.setMuted('in1', true);
    expect(line('in1')!.muted).toBe(true);
    expect(line('in1')!.sentDigits).toBeUndefined();
    service.sendDtmf('in1', '5');
    service.sendDtmf('in1', '*1');
    expect(line('in1')!.sentDigits).toBe('5*1');
    call.dtmfAccepted = false;
    service.sendDtmf('in1', '#');
    expect(call.actions).toEqual(['answer', 'dtmf 5', 'dtmf *1', 'dtmf #']);
    expect(sounds.filter((s) => s.startsWith('key'))).toEqual(['key 5', 'key *', 'key 1', 'key #']);
    expect(line('in1')!.notice).toBe('Could not send "#": the call does not carry DTMF');
    // Only what went out is shown as sent.
    expect(line('in1')!.sentDigits).toBe('5*1');
  });

  it('shows the DTMF digits the far end sends, in order, on their own call only', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    agent.ring('in2', { uri: 'sip:1002@127.0.0.1', user: '1002' });
    await service.answer('in1');
    expect(line('in1')!.receivedDigits).toBe('');
    call.emit('dtmf', '5');
    call.emit('dtmf', '#');
    expect(line('in1')!.receivedDigits).toBe('5#');
    expect(line('in2')!.receivedDigits).toBe('');
  });

  it('stops recording DTMF once the call has ended', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    call.emit('dtmf', '1');
    call.end({ originator: 'remote', cause: 'hangup', message: 'The other party hung up' });
    call.emit('dtmf', '2');
    expect(line('in1')!.receivedDigits).toBe('1');
  });

  it('hangs up every live call when disposed and stops listening for new ones', async () => {
    const { agent, service, store } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    service.dispose();
    expect(call.actions).toEqual(['answer', 'hangup']);
    agent.ring('in2', ALICE);
    expect(store.getState().lines.map((l) => l.id)).toEqual(['in1']);
  });
});

describe('call service: transfers', () => {
  it('blind-transfers to the cleaned number and shows each step of the transfer on the line', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    expect(service.transfer('in1', ' 10-02 ')).toEqual({ ok: true, target: '1002' });
    expect(call.actions).toEqual(['answer', 'transfer 1002']);
    expect(line('in1')!.transferStatus).toBe('Transferring…');
    call.emit('transfer', { state: 'trying', status: 202, reason: 'Accepted', message: 'Transfer accepted' });
    expect(line('in1')!.transferStatus).toBe('Transferring…');
    call.emit('transfer', { state: 'ringing', status: 180, reason: 'Ringing', message: 'Ringing' });
    expect(line('in1')!.transferStatus).toBe('Transfer: ringing');
    call.emit('transfer', { state: 'succeeded', status: 200, reason: 'OK', message: 'Transferred' });
    call.end({ originator: 'local', cause: 'transferred', message: 'Transferred' });
    expect(line('in1')).toMatchObject({ state: 'ended', transferStatus: undefined });
    expect(lineStatusText(line('in1')!)).toBe('Transferred');
  });

  it('keeps the call and says why when the transfer target is busy', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    call.transferOutcome = { state: 'failed', status: 486, reason: 'Busy Here', message: 'Transfer failed: Busy' };
    service.transfer('in1', '1002');
    call.emit('transfer', call.transferOutcome);
    expect(line('in1')).toMatchObject({ state: 'established', transferStatus: 'Transfer failed: Busy' });
  });

  it('refuses an empty transfer target without starting a transfer', async () => {
    const { agent, service, line } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    expect(service.transfer('in1', '')).toEqual({ ok: false, problem: 'Enter a number or SIP URI' });
    expect(call.actions).toEqual(['answer']);
    expect(line('in1')!.transferStatus).toBeUndefined();
  });

  it('hands an attended transfer the other call, and explains one whose other call has ended', async () => {
    const { agent, service, line } = setup();
    const first = agent.ring('in1', ALICE);
    await service.answer('in1');
    service.call('1002');
    agent.made.get('out1')!.move('established');
    await service.attendedTransfer('in1', 'out1');
    expect(first.actions).toEqual(['answer', 'hold', 'transfer to out1']);

    agent.made.get('out1')!.end({ originator: 'remote', cause: 'hangup', message: 'The other party hung up' });
    await service.attendedTransfer('in1', 'out1');
    expect(line('in1')!.transferStatus).toBe('Transfer failed: the other call has ended');
    expect(first.actions).toEqual(['answer', 'hold', 'transfer to out1']);
  });

  it('shows the call a transfer of us places as a line of its own, beside the call being transferred', async () => {
    const { agent, service, store, line } = setup();
    const first = agent.ring('in1', ALICE);
    await service.answer('in1');
    const next = agent.transferredCall('tx1', '1002', first);
    expect(store.getState().lines.map((l) => l.id)).toEqual(['in1', 'tx1']);
    next.move('established');
    expect(line('tx1')).toMatchObject({ direction: 'outgoing', state: 'established', remote: { number: '1002' } });
    service.hangup('tx1');
    expect(next.actions).toEqual(['hangup']);
  });

  it('puts a replacing call in the replaced line\'s place, selected and without ringing', async () => {
    const { agent, service, store, sounds, line } = setup();
    agent.ring('in1', ALICE);
    await service.answer('in1');
    service.call('1002');
    const consultation = agent.made.get('out1')!;
    consultation.move('established');
    const ringsBefore = sounds.length;

    const replacing = agent.replacing('rp1', { uri: 'sip:1001@127.0.0.1', user: '1001' }, consultation);
    expect(store.getState().lines.map((l) => l.id)).toEqual(['in1', 'rp1']);
    expect(store.getState().selectedId).toBe('rp1');
    await replacing.answer();
    consultation.end({ originator: 'remote', cause: 'replaced', message: 'Replaced by a transferred call' });
    expect(store.getState().lines.map((l) => l.id)).toEqual(['in1', 'rp1']);
    expect(line('rp1')).toMatchObject({ state: 'established', remote: { number: '1001' } });
    expect(sounds.slice(ringsBefore)).toEqual([]);
  });

  it('gives the replaced call its line back when the replacing call fails before it is answered', async () => {
    const { agent, service, store, line } = setup();
    agent.ring('in1', ALICE);
    await service.answer('in1');
    service.call('1002');
    const consultation = agent.made.get('out1')!;
    consultation.move('established');
    const replacing = agent.replacing('rp1', { uri: 'sip:1001@127.0.0.1', user: '1001' }, consultation);
    expect(store.getState().lines.map((l) => l.id)).toEqual(['in1', 'rp1']);
    replacing.end({ originator: 'system', cause: 'media-failed', message: 'Call failed: no audio path' });
    expect(store.getState().lines.map((l) => l.id)).toEqual(['in1', 'rp1', 'out1']);
    expect(line('out1')!.state).toBe('established');
    service.hangup('out1');
    expect(consultation.actions).toEqual(['hangup']);
  });
});

describe('call service: swapping lines, identity and quality', () => {
  it('swaps with one action: holds the call we talk on, then resumes the held one', async () => {
    const { agent, service, line, store } = setup();
    const first = agent.ring('in1', ALICE);
    await service.answer('in1');
    const second = agent.ring('in2', { uri: 'sip:1002@127.0.0.1', user: '1002' });
    await service.answer('in2');
    expect(line('in1')!.hold.local).toBe(true);

    await service.swap();
    expect(second.actions).toEqual(['answer', 'hold']);
    expect(first.actions).toEqual(['answer', 'hold', 'resume']);
    expect(line('in1')!.hold.local).toBe(false);
    expect(line('in2')!.hold.local).toBe(true);
    expect(store.getState().selectedId).toBe('in1');

    await service.swap();
    expect(second.actions).toEqual(['answer', 'hold', 'resume']);
    expect(store.getState().selectedId).toBe('in2');
  });

  it('does nothing on swap without a talking call and a held one', async () => {
    const { agent, service } = setup();
    const only = agent.ring('in1', ALICE);
    await service.answer('in1');
    await service.swap();
    expect(only.actions).toEqual(['answer']);
  });

  it('shows the identity a 18x or 2xx asserted for the far end we called', () => {
    const { agent, service, line } = setup();
    service.call('1001');
    const call = agent.made.get('out1')!;
    call.remote = { uri: 'sip:+15550100@pbx.example.com', user: '+15550100', displayName: 'Reception' };
    call.move('early');
    expect(line('out1')!.remote).toEqual({ displayName: 'Reception', number: '+15550100', uri: 'sip:+15550100@pbx.example.com' });
  });

  it("reads a live call's quality figures, and none for a call that is gone", async () => {
    const { agent, service } = setup();
    const call = agent.ring('in1', ALICE);
    await service.answer('in1');
    call.figures = { ...call.figures, packetsReceived: 50, mos: 4.4 };
    expect(await service.stats('in1')).toMatchObject({ mos: 4.4 });
    call.hangup();
    expect(await service.stats('in1')).toBeUndefined();
  });
});
