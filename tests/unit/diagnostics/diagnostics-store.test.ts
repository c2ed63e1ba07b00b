import { describe, expect, it } from 'vitest';
import {
  createDiagnosticsStore,
  LADDER_COLUMNS,
  ladderArrows,
  SAMPLE_LIMIT,
  selectSamples,
  TRACE_LIMIT,
  type QualitySample,
  type TraceEntry,
} from '../../../src/stores/diagnostics';

function entry(seq: number, overrides: Partial<TraceEntry> = {}): TraceEntry {
  return { seq, direction: 'out', at: 1_000 + seq, peer: 'proxy', label: 'REGISTER', callId: 'r', text: 'REGISTER …', ...overrides };
}

const sample = (at: number): QualitySample => ({ at, lossPercent: 0, jitterMs: 1, rttMs: 2, mos: 4.4 });

describe('diagnostics store: ring buffers', () => {
  it(`keeps the last ${TRACE_LIMIT} messages, oldest first`, () => {
    const store = createDiagnosticsStore();
    for (let seq = 1; seq <= TRACE_LIMIT + 5; seq++) store.getState().addTrace(entry(seq));
    const { trace } = store.getState();
    expect(trace).toHaveLength(TRACE_LIMIT);
    expect(trace[0]!.seq).toBe(6);
    expect(trace.at(-1)!.seq).toBe(TRACE_LIMIT + 5);
    store.getState().clearTrace();
    expect(store.getState().trace).toEqual([]);
  });

  it(`keeps the last ${SAMPLE_LIMIT} quality samples per call and forgets a call's samples`, () => {
    const store = createDiagnosticsStore();
    for (let at = 1; at <= SAMPLE_LIMIT + 1; at++) store.getState().addSample('a', sample(at));
    store.getState().addSample('b', sample(1));
    expect(selectSamples('a')(store.getState())).toHaveLength(SAMPLE_LIMIT);
    expect(selectSamples('a')(store.getState())[0]!.at).toBe(2);
    store.getState().forgetCall('a');
    expect(selectSamples('a')(store.getState())).toEqual([]);
    expect(selectSamples('b')(store.getState())).toHaveLength(1);
    // The empty result is one stable array, so a component reading it does not re-render for nothing.
    expect(selectSamples(undefined)(store.getState())).toBe(selectSamples('zzz')(store.getState()));
  });
});

describe('ladder layout: arrows between us, the proxy and the far end', () => {
  it('draws REGISTER / 401 / REGISTER / 200 between us and the proxy, with times from the first message', () => {
    const arrows = ladderArrows([
      entry(1, { at: 10_000, label: 'REGISTER' }),
      entry(2, { at: 10_012, direction: 'in', label: '401 Unauthorized' }),
      entry(3, { at: 10_020, label: 'REGISTER' }),
      entry(4, { at: 11_500, direction: 'in', label: '200 OK' }),
    ]);
    expect(arrows.map(({ from, to, label, offset }) => [from, to, label, offset])).toEqual([
      [0, 1, 'REGISTER', '+0.000 s'],
      [1, 0, '401 Unauthorized', '+0.012 s'],
      [0, 1, 'REGISTER', '+0.020 s'],
      [1, 0, '200 OK', '+1.500 s'],
    ]);
    expect(arrows.map((a) => a.seq)).toEqual([1, 2, 3, 4]);
  });

  it('draws messages of a call straight to and from the far end', () => {
    const arrows = ladderArrows([
      entry(1, { peer: 'far-end', label: 'INVITE' }),
      entry(2, { peer: 'proxy', direction: 'in', label: '100 Trying' }),
      entry(3, { peer: 'far-end', direction: 'in', label: '180 Ringing' }),
    ]);
    expect(arrows.map(({ from, to }) => [from, to])).toEqual([
      [0, 2],
      [1, 0],
      [2, 0],
    ]);
  });

  it('gives each arrow its local clock time', () => {
    const at = new Date(2026, 0, 2, 14, 3, 7, 215).getTime();
    const [arrow] = ladderArrows([entry(1, { at, direction: 'in', peer: 'far-end', label: 'BYE' })]);
    expect(arrow).toMatchObject({ from: 2, to: 0, label: 'BYE', time: '14:03:07.215' });
    expect(LADDER_COLUMNS[arrow!.from]).toBe('Far end');
  });

  it('has no arrows for no messages', () => {
    expect(ladderArrows([])).toEqual([]);
  });
});
