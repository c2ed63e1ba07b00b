import { describe, expect, it } from 'vitest';
import {
  canTransfer,
  createCallsStore,
  formatDuration,
  lineControls,
  lineStatusText,
  lineSubtitle,
  lineTimer,
  lineTitle,
  lineQualityOf,
  lineTone,
  qualityBars,
  qualityDetail,
  qualityLabel,
  qualityLevel,
  selectCurrentLine,
  selectHasLiveCall,
  swapPair,
  transferPartner,
} from '../../../src/stores/calls';
import { callLine as line } from '../support/call-line';


describe('calls store: lines and the selected line', () => {
  it('selects a call we place, but not an incoming one that arrives during it', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'out' }));
    store.getState().addLine(line({ id: 'in', direction: 'incoming', state: 'incoming' }));
    expect(store.getState().lines.map((l) => l.id)).toEqual(['out', 'in']);
    expect(store.getState().selectedId).toBe('out');
  });

  it('selects the first incoming call when there is no other line', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'in', direction: 'incoming', state: 'incoming' }));
    expect(store.getState().selectedId).toBe('in');
  });

  it('updates one line and leaves the others as they were', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'a' }));
    store.getState().addLine(line({ id: 'b' }));
    const before = store.getState().lines[1];
    store.getState().updateLine('a', { state: 'established', startedAt: 1000 });
    expect(store.getState().lines[0]).toMatchObject({ id: 'a', state: 'established', startedAt: 1000 });
    expect(store.getState().lines[1]).toBe(before);
  });

  it('appends a received DTMF digit to its own line only', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'a', state: 'established' }));
    store.getState().addLine(line({ id: 'b', state: 'established' }));
    store.getState().addReceivedDigit('a', '1');
    store.getState().addReceivedDigit('a', '#');
    store.getState().addReceivedDigit('missing', '9');
    expect(store.getState().lines.map((l) => l.receivedDigits)).toEqual(['1#', '']);
  });

  it('selects the newest live line when the selected one is removed', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'a', state: 'established' }));
    store.getState().addLine(line({ id: 'b', state: 'ended' }));
    store.getState().addLine(line({ id: 'c', state: 'established' }));
    store.getState().select('c');
    store.getState().removeLine('c');
    expect(store.getState().selectedId).toBe('a');
    store.getState().removeLine('a');
    expect(store.getState().selectedId).toBe('b');
    store.getState().removeLine('b');
    expect(store.getState().selectedId).toBeUndefined();
  });

  it('ignores a request to select a line that does not exist', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'a' }));
    store.getState().select('zzz');
    expect(store.getState().selectedId).toBe('a');
  });

  it('counts only calls that have not ended as live', () => {
    const store = createCallsStore();
    expect(selectHasLiveCall(store.getState())).toBe(false);
    store.getState().addLine(line({ id: 'a', state: 'ended' }));
    expect(selectHasLiveCall(store.getState())).toBe(false);
    store.getState().addLine(line({ id: 'b', state: 'early' }));
    expect(selectHasLiveCall(store.getState())).toBe(true);
  });
});

describe('calls selectors: what a line says', () => {
  it('says "Calling…", then "Ringing" for a call we place', () => {
    expect(lineStatusText(line({ state: 'calling' }))).toBe('Calling…');
    expect(lineStatusText(line({ state: 'early' }))).toBe('Ringing');
  });

  it('says "Incoming call" for a call ringing here', () => {
    expect(lineStatusText(line({ direction: 'incoming', state: 'incoming' }))).toBe('Incoming call');
  });

  it('tells our hold from the far end holding us, ours first when both hold', () => {
    const held = (local: boolean, remote: boolean) => lineStatusText(line({ state: 'established', hold: { local, remote } }));
    expect(held(false, false)).toBe('Connected');
    expect(held(true, false)).toBe('On hold');
    expect(held(false, true)).toBe('Held by remote');
    expect(held(true, true)).toBe('On hold');
  });

  it('says a hold or resume is under way until the far end agrees', () => {
    expect(lineStatusText(line({ state: 'established', holdPending: 'hold' }))).toBe('Putting on hold…');
    expect(lineStatusText(line({ state: 'established', hold: { local: true, remote: false }, holdPending: 'resume' }))).toBe('Resuming…');
  });

  it("shows the end's message on an ended line", () => {
    const ended = line({ state: 'ended', end: { originator: 'remote', cause: 'busy', message: 'Busy' } });
    expect(lineStatusText(ended)).toBe('Busy');
    expect(lineTone(ended)).toBe('failed');
  });

  it('colours an ordinary hang-up, ours or theirs, as ended rather than failed', () => {
    expect(lineTone(line({ state: 'ended', end: { originator: 'remote', cause: 'hangup', message: 'Call ended' } }))).toBe('ended');
    expect(lineTone(line({ state: 'ended', end: { originator: 'local', cause: 'cancelled', message: 'Cancelled' } }))).toBe('ended');
  });

  it('names the far end by display name with the number below, or by number alone', () => {
    const named = line({ remote: { displayName: 'Alice <script>', number: '1001', uri: 'sip:1001@h' } });
    expect(lineTitle(named)).toBe('Alice <script>');
    expect(lineSubtitle(named)).toBe('1001');
    expect(lineTitle(line())).toBe('1001');
    expect(lineSubtitle(line())).toBeUndefined();
    // A contact's name wins over the display name the network sent.
    expect(lineTitle(named, 'Ally')).toBe('Ally');
    expect(lineSubtitle(line(), 'Ally')).toBe('1001');
  });
});

describe('calls selectors: timer and controls', () => {
  it('formats talk time as mm:ss, with hours past an hour', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(65_999)).toBe('01:05');
    expect(formatDuration(3_600_000 + 61_000)).toBe('1:01:01');
    expect(formatDuration(-5)).toBe('00:00');
  });

  it('has no timer before the answer and stops counting at the end', () => {
    expect(lineTimer(line(), 5000)).toBeUndefined();
    expect(lineTimer(line({ state: 'established', startedAt: 1000 }), 13_500)).toBe('00:12');
    expect(lineTimer(line({ state: 'ended', startedAt: 1000, endedAt: 4000 }), 60_000)).toBe('00:03');
  });

  it('offers answer and decline only while a call rings here', () => {
    expect(lineControls(line({ direction: 'incoming', state: 'incoming' }))).toEqual({
      answer: true,
      decline: true,
      hangup: false,
      hold: undefined,
      mute: false,
      keypad: false,
    });
  });

  it('offers hang-up (a CANCEL) while our call rings', () => {
    expect(lineControls(line({ state: 'early' }))).toMatchObject({ answer: false, hangup: true, hold: undefined, mute: false });
  });

  it('offers hold, mute and keypad on an answered call, resume and no keypad while we hold', () => {
    expect(lineControls(line({ state: 'established' }))).toMatchObject({ hangup: true, hold: 'hold', mute: true, keypad: true });
    expect(lineControls(line({ state: 'established', hold: { local: true, remote: false } }))).toMatchObject({
      hold: 'resume',
      keypad: false,
    });
  });

  it('offers nothing once the call is ending or over', () => {
    for (const state of ['terminating', 'ended'] as const) {
      expect(Object.values(lineControls(line({ state }))).some(Boolean)).toBe(false);
    }
  });
});

describe('calls store and selectors: transfers', () => {
  it('puts a replacing call in the replaced line\'s place and moves the selection to it', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'a', state: 'established' }));
    store.getState().addLine(line({ id: 'b', state: 'established' }));
    store.getState().addLine(line({ id: 'c', direction: 'incoming', state: 'incoming' }));
    expect(store.getState().selectedId).toBe('b');
    store.getState().replaceLine('b', line({ id: 'r', direction: 'incoming', state: 'incoming' }));
    expect(store.getState().lines.map((l) => l.id)).toEqual(['a', 'r', 'c']);
    expect(store.getState().selectedId).toBe('r');
  });

  it('appends a replacing call whose replaced line is gone, keeping the selection', () => {
    const store = createCallsStore();
    store.getState().addLine(line({ id: 'a', state: 'established' }));
    store.getState().replaceLine('gone', line({ id: 'r', direction: 'incoming', state: 'incoming' }));
    expect(store.getState().lines.map((l) => l.id)).toEqual(['a', 'r']);
    expect(store.getState().selectedId).toBe('a');
  });

  it('offers transfer only on an answered call', () => {
    expect(canTransfer(line({ state: 'established' }))).toBe(true);
    expect(canTransfer(line({ state: 'established', hold: { local: true, remote: false } }))).toBe(true);
    for (const state of ['calling', 'early', 'incoming', 'terminating', 'ended'] as const) expect(canTransfer(line({ state }))).toBe(false);
  });

  it('pairs a call for attended transfer with the newest other answered call, or one of ours still ringing', () => {
    const held = line({ id: 'held', state: 'established', hold: { local: true, remote: false } });
    const answered = line({ id: 'answered', state: 'established' });
    const ringingOut = line({ id: 'out', state: 'early' });
    const ringingIn = line({ id: 'in', direction: 'incoming', state: 'incoming' });
    const ended = line({ id: 'ended', state: 'ended' });
    expect(transferPartner([held, answered, ringingIn, ended], held)?.id).toBe('answered');
    expect(transferPartner([held, answered, ringingOut], held)?.id).toBe('out');
    expect(transferPartner([held, ringingIn, ended], held)).toBeUndefined();
    expect(transferPartner([held], held)).toBeUndefined();
  });
});

describe('calls selectors: swapping between two calls', () => {
  const talking = line({ id: 'a', state: 'established', startedAt: 1 });
  const held = line({ id: 'b', state: 'established', startedAt: 2, hold: { local: true, remote: false } });

  it('pairs the call we talk on with the one we hold', () => {
    expect(swapPair([talking, held])).toEqual({ active: talking, held });
    expect(swapPair([held, talking])).toEqual({ active: talking, held });
  });

  it('takes the newest held call when several wait', () => {
    const older = { ...held, id: 'c' };
    expect(swapPair([older, talking, held])?.held.id).toBe('b');
  });

  it('offers no swap with one call, two held calls, two talking calls, or a ringing one', () => {
    expect(swapPair([talking])).toBeUndefined();
    expect(swapPair([held, { ...held, id: 'c' }])).toBeUndefined();
    expect(swapPair([talking, { ...talking, id: 'c' }])).toBeUndefined();
    expect(swapPair([talking, line({ id: 'r', direction: 'incoming', state: 'incoming' })])).toBeUndefined();
  });

  it('offers no swap while a hold or resume is on its way', () => {
    expect(swapPair([{ ...talking, holdPending: 'hold' }, held])).toBeUndefined();
    expect(swapPair([talking, { ...held, holdPending: 'resume' }])).toBeUndefined();
  });

  it('counts a call the far end holds as the one we talk on', () => {
    const heldByThem = { ...talking, hold: { local: false, remote: true } };
    expect(swapPair([heldByThem, held])?.active.id).toBe('a');
  });
});

describe('calls selectors: the line keyboard shortcuts act on', () => {
  it('is the selected live line, else the newest live one', () => {
    const a = line({ id: 'a', state: 'established' });
    const b = line({ id: 'b', state: 'incoming', direction: 'incoming' });
    const gone = line({ id: 'g', state: 'ended' });
    expect(selectCurrentLine({ lines: [a, b], selectedId: 'a' })?.id).toBe('a');
    expect(selectCurrentLine({ lines: [a, b, gone], selectedId: 'g' })?.id).toBe('b');
    expect(selectCurrentLine({ lines: [gone], selectedId: 'g' })).toBeUndefined();
  });
});

describe('calls quality: from an estimated MOS to bars and words', () => {
  it('maps MOS to good, fair and poor at the E-model satisfaction bands', () => {
    expect(qualityLevel(4.4)).toBe('good');
    expect(qualityLevel(4.03)).toBe('good');
    expect(qualityLevel(4.0)).toBe('fair');
    expect(qualityLevel(3.1)).toBe('fair');
    expect(qualityLevel(3.09)).toBe('poor');
    expect(qualityLevel(1)).toBe('poor');
    expect([qualityBars('good'), qualityBars('fair'), qualityBars('poor')]).toEqual([3, 2, 1]);
  });

  it('has no quality before audio arrived, and takes the worse loss of both directions', () => {
    expect(lineQualityOf({ bytesSent: 0, bytesReceived: 0, packetsSent: 0, packetsReceived: 0, packetsLost: 0, lossPercent: 0 })).toBeUndefined();
    const quality = lineQualityOf({
      bytesSent: 1,
      bytesReceived: 1,
      packetsSent: 50,
      packetsReceived: 50,
      packetsLost: 0,
      lossPercent: 1,
      remoteLossPercent: 6.25,
      jitterMs: 3.4,
      rttMs: 11.6,
      mos: 3.5,
    });
    expect(quality).toEqual({ level: 'fair', mos: 3.5, lossPercent: 6.25, jitterMs: 3.4, rttMs: 11.6 });
    expect(qualityLabel(quality!)).toBe('Call quality: fair');
    expect(qualityDetail(quality!)).toBe('MOS 3.5 · loss 6.3 % · jitter 3 ms · RTT 12 ms');
  });
});
