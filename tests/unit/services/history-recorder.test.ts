import { describe, expect, it } from 'vitest';
import { startHistoryRecorder } from '../../../src/services/history/history-recorder';
import { createCallsStore, type CallLine, type CallLineEnd } from '../../../src/stores/calls';
import type { HistoryEntry } from '../../../src/stores/history';
import { callLine } from '../support/call-line';

/** An incoming call from Bob, ringing, unless told otherwise. */
function line(overrides: Partial<CallLine>): CallLine {
  return callLine({
    direction: 'incoming',
    state: 'incoming',
    remote: { displayName: 'Bob', number: '1001', uri: 'sip:1001@127.0.0.1' },
    ...overrides,
  });
}

const CALLER_CANCELLED: CallLineEnd = { originator: 'remote', cause: 'cancelled', message: 'Missed call: the caller hung up' };
const DECLINED: CallLineEnd = { originator: 'local', cause: 'declined', message: 'Declined' };
const REJECTED_BUSY: CallLineEnd = { originator: 'local', cause: 'busy', message: 'Rejected as busy' };
const HUNG_UP: CallLineEnd = { originator: 'remote', cause: 'hangup', message: 'The other party hung up' };
const BUSY: CallLineEnd = { originator: 'remote', cause: 'busy', message: 'Busy' };
const ELSEWHERE: CallLineEnd = { originator: 'remote', cause: 'answered-elsewhere', message: 'Answered elsewhere' };

function setup() {
  const calls = createCallsStore();
  const recorded: HistoryEntry[] = [];
  let clock = 1_700_000_000_000;
  const stop = startHistoryRecorder({ calls, now: () => clock, record: (entry) => recorded.push(entry) });
  return {
    calls,
    recorded,
    stop,
    advance: (ms: number) => (clock += ms),
    get clock() {
      return clock;
    },
  };
}

describe('history recorder: one entry per ended call, classified from the calls store', () => {
  it('records an incoming call the caller gave up on as missed and unseen, with when it rang', () => {
    const t = setup();
    const rangAt = t.clock;
    t.calls.getState().addLine(line({ id: 'a' }));
    t.advance(8_000);
    t.calls.getState().updateLine('a', { state: 'ended', end: CALLER_CANCELLED, endedAt: 5 });
    expect(t.recorded).toEqual([
      {
        id: 'a',
        kind: 'missed',
        remote: { displayName: 'Bob', number: '1001', uri: 'sip:1001@127.0.0.1' },
        time: rangAt,
        durationMs: undefined,
        end: CALLER_CANCELLED,
        seen: false,
      },
    ]);
  });

  it('records an incoming call we declined, or rejected as busy, as declined and already seen', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'a' }));
    t.calls.getState().addLine(line({ id: 'b' }));
    t.calls.getState().updateLine('a', { state: 'ended', end: DECLINED });
    t.calls.getState().updateLine('b', { state: 'ended', end: REJECTED_BUSY });
    expect(t.recorded.map((e) => [e.id, e.kind, e.seen])).toEqual([
      ['a', 'declined', true],
      ['b', 'declined', true],
    ]);
  });

  it('records an answered incoming call with its talk time', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'a' }));
    t.calls.getState().updateLine('a', { state: 'established', startedAt: 10_000 });
    t.calls.getState().updateLine('a', { state: 'ended', end: HUNG_UP, endedAt: 75_500 });
    expect(t.recorded).toHaveLength(1);
    expect(t.recorded[0]).toMatchObject({ kind: 'incoming', durationMs: 65_500, seen: true, end: HUNG_UP });
  });

  it('does not count a call another of our devices answered as missed', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'a' }));
    t.calls.getState().updateLine('a', { state: 'ended', end: ELSEWHERE });
    expect(t.recorded[0]).toMatchObject({ kind: 'incoming', durationMs: undefined });
  });

  it('records outgoing calls, answered or not, with why they ended', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'a', direction: 'outgoing', state: 'calling' }));
    t.calls.getState().updateLine('a', { state: 'early' });
    t.calls.getState().updateLine('a', { state: 'ended', end: BUSY, endedAt: 1 });
    t.calls.getState().addLine(line({ id: 'b', direction: 'outgoing', state: 'calling' }));
    t.calls.getState().updateLine('b', { state: 'established', startedAt: 1_000 });
    t.calls.getState().updateLine('b', { state: 'ended', end: HUNG_UP, endedAt: 4_000 });
    expect(t.recorded.map((e) => [e.id, e.kind, e.durationMs, e.end.message])).toEqual([
      ['a', 'outgoing', undefined, 'Busy'],
      ['b', 'outgoing', 3_000, 'The other party hung up'],
    ]);
  });

  it('records a call once, though its ended line lingers, changes and is removed', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'a' }));
    t.calls.getState().updateLine('a', { state: 'ended', end: CALLER_CANCELLED });
    t.calls.getState().updateLine('a', { notice: 'x' });
    t.calls.getState().removeLine('a');
    expect(t.recorded).toHaveLength(1);
  });

  it('records a call whose line was replaced by a transferred call (RFC 3891) when it leaves the store', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'old', state: 'established', startedAt: 0 }));
    t.calls.getState().replaceLine('old', line({ id: 'new', state: 'established', startedAt: 500 }));
    expect(t.recorded.map((e) => [e.id, e.kind, e.end.cause])).toEqual([['old', 'incoming', 'replaced']]);
    t.calls.getState().updateLine('new', { state: 'ended', end: HUNG_UP, endedAt: 1_500 });
    expect(t.recorded.map((e) => [e.id, e.durationMs])).toEqual([
      ['old', expect.any(Number)],
      ['new', 1_000],
    ]);
  });

  it('keeps the caller identity the line showed last (a P-Asserted-Identity that arrived while it rang)', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'a' }));
    t.calls.getState().updateLine('a', { remote: { displayName: undefined, number: '+15550100', uri: 'tel:+15550100' } });
    t.calls.getState().updateLine('a', { state: 'ended', end: CALLER_CANCELLED });
    expect(t.recorded[0]!.remote).toEqual({ displayName: undefined, number: '+15550100', uri: 'tel:+15550100' });
  });

  it('records the calls still up when stopped as ended by us, and nothing more after that', () => {
    const t = setup();
    t.calls.getState().addLine(line({ id: 'ringing' }));
    t.calls.getState().addLine(line({ id: 'talking', direction: 'outgoing', state: 'established', startedAt: t.clock - 2_000 }));
    t.calls.getState().addLine(line({ id: 'done' }));
    t.calls.getState().updateLine('done', { state: 'ended', end: DECLINED });
    t.stop();
    expect(t.recorded.map((e) => [e.id, e.kind, e.durationMs, e.end.cause])).toEqual([
      ['done', 'declined', undefined, 'declined'],
      ['ringing', 'missed', undefined, 'hangup'],
      ['talking', 'outgoing', 2_000, 'hangup'],
    ]);
    t.calls.getState().updateLine('ringing', { state: 'ended', end: CALLER_CANCELLED });
    t.calls.getState().addLine(line({ id: 'late' }));
    expect(t.recorded).toHaveLength(3);
  });
});
