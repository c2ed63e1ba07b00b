import { describe, expect, it } from 'vitest';
import { startCallQualityMonitor } from '../../../src/services/diagnostics/call-quality-monitor';
import type { MediaStatsSummary } from '../../../src/sip/media-port';
import { createCallsStore, type CallLine } from '../../../src/stores/calls';
import { createDiagnosticsStore } from '../../../src/stores/diagnostics';
import { FakeClock } from '../support/fake-clock';

function line(id: string, state: CallLine['state']): CallLine {
  return {
    id,
    direction: 'outgoing',
    state,
    remote: { displayName: undefined, number: '1001', uri: 'sip:1001@127.0.0.1' },
    hold: { local: false, remote: false },
    holdPending: undefined,
    muted: false,
    startedAt: state === 'established' ? 0 : undefined,
    endedAt: undefined,
    end: undefined,
    notice: undefined,
    receivedDigits: '',
    transferStatus: undefined,
  };
}

function summary(mos: number | undefined, lossPercent = 0): MediaStatsSummary {
  return { bytesSent: 1, bytesReceived: 1, packetsSent: 1, packetsReceived: 1, packetsLost: 0, lossPercent, jitterMs: 2, rttMs: 8, mos };
}

/** Lets the monitor's awaited getStats calls settle. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function setup() {
  const clock = new FakeClock();
  const calls = createCallsStore();
  const diagnostics = createDiagnosticsStore();
  const asked: string[] = [];
  const figures = new Map<string, MediaStatsSummary>();
  const stop = startCallQualityMonitor({
    calls,
    diagnostics,
    timers: clock,
    stats: async (id) => {
      asked.push(id);
      return figures.get(id);
    },
  });
  return { clock, calls, diagnostics, asked, figures, stop };
}

describe('call quality monitor', () => {
  it('reads the stats of answered calls once a second into the line and the graph samples', async () => {
    const { clock, calls, diagnostics, asked, figures, stop } = setup();
    calls.getState().addLine(line('a', 'established'));
    calls.getState().addLine(line('r', 'calling'));
    figures.set('a', summary(4.4));
    clock.advance(999);
    await settle();
    expect(asked).toEqual([]);
    clock.advance(1);
    await settle();
    expect(asked).toEqual(['a']);
    expect(calls.getState().lines[0]!.quality).toMatchObject({ level: 'good', mos: 4.4 });
    expect(diagnostics.getState().samples.a).toEqual([{ at: 1_000, lossPercent: 0, jitterMs: 2, rttMs: 8, mos: 4.4 }]);

    figures.set('a', summary(2.5, 20));
    clock.advance(1_000);
    await settle();
    expect(calls.getState().lines[0]!.quality?.level).toBe('poor');
    expect(diagnostics.getState().samples.a).toHaveLength(2);
    stop();
    clock.advance(5_000);
    await settle();
    expect(asked).toEqual(['a', 'a']);
  });

  it('leaves the line without quality until audio gives a MOS, and drops samples of calls that left the panel', async () => {
    const { clock, calls, diagnostics, figures, stop } = setup();
    calls.getState().addLine(line('a', 'established'));
    figures.set('a', summary(undefined));
    clock.advance(1_000);
    await settle();
    expect(calls.getState().lines[0]!.quality).toBeUndefined();
    expect(diagnostics.getState().samples.a).toHaveLength(1);

    calls.getState().removeLine('a');
    clock.advance(1_000);
    await settle();
    expect(diagnostics.getState().samples).toEqual({});
    stop();
  });
});
