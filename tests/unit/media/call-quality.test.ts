import { describe, expect, it } from 'vitest';
import {
  delayImpairment,
  lossImpairment,
  mosFromR,
  rFactor,
  summarizeCallQuality,
  type RtpStatsSnapshot,
} from '../../../src/media/call-quality';

function snapshot(overrides: Partial<RtpStatsSnapshot> = {}): RtpStatsSnapshot {
  return {
    timestamp: 10_000,
    codec: { mimeType: 'audio/opus', clockRate: 48000 },
    outbound: { bytesSent: 40_000, packetsSent: 500 },
    inbound: { bytesReceived: 38_000, packetsReceived: 500, packetsLost: 0, jitter: 0 },
    ...overrides,
  };
}

describe('E-model parts', () => {
  it('maps R to MOS with G.107 Annex B, clamped to 1 and 4.5', () => {
    expect(mosFromR(-5)).toBe(1);
    expect(mosFromR(0)).toBe(1);
    expect(mosFromR(50)).toBeCloseTo(2.575, 6);
    expect(mosFromR(80)).toBeCloseTo(1 + 2.8 + 80 * 20 * 20 * 7e-6, 6);
    expect(mosFromR(100)).toBe(4.5);
    expect(mosFromR(120)).toBe(4.5);
  });

  it('adds the steeper delay term only above 177.3 ms', () => {
    expect(delayImpairment(100)).toBeCloseTo(2.4, 6);
    expect(delayImpairment(177.3)).toBeCloseTo(4.2552, 6);
    expect(delayImpairment(300)).toBeCloseTo(7.2 + 0.11 * 122.7, 6);
  });

  it('grows the loss impairment towards 95 with Bpl 25.1', () => {
    expect(lossImpairment(0)).toBe(0);
    expect(lossImpairment(1)).toBeCloseTo(95 / 26.1, 6);
    expect(lossImpairment(25.1)).toBeCloseTo(47.5, 6);
  });

  it('gives R = 93.2 minus both impairments', () => {
    expect(rFactor(20, 0)).toBeCloseTo(92.72, 6);
    expect(rFactor(200, 5)).toBeCloseTo(93.2 - delayImpairment(200) - lossImpairment(5), 6);
  });
});

describe('summarizeCallQuality', () => {
  it('scores a call without loss, jitter or delay at MOS 4.4', () => {
    const summary = summarizeCallQuality(snapshot());
    expect(summary.rFactor).toBeCloseTo(92.72, 2);
    expect(summary.mos).toBeCloseTo(4.4, 1);
    expect(summary.codec).toBe('opus/48000');
    expect(summary).toMatchObject({ bytesSent: 40_000, bytesReceived: 38_000, packetsSent: 500, packetsReceived: 500, lossPercent: 0 });
  });

  it('reports loss, jitter and round trip in percent and ms', () => {
    const summary = summarizeCallQuality(
      snapshot({
        inbound: { bytesReceived: 1, packetsReceived: 950, packetsLost: 50, jitter: 0.012 },
        remoteInbound: { fractionLost: 0.02, roundTripTime: 0.08 },
      }),
    );
    expect(summary.packetsLost).toBe(50);
    expect(summary.lossPercent).toBeCloseTo(5, 6);
    expect(summary.remoteLossPercent).toBeCloseTo(2, 6);
    expect(summary.jitterMs).toBeCloseTo(12, 6);
    expect(summary.rttMs).toBeCloseTo(80, 6);
  });

  it('computes R from half the round trip, twice the jitter and 20 ms of packetisation', () => {
    const summary = summarizeCallQuality(
      snapshot({
        inbound: { bytesReceived: 1, packetsReceived: 1000, packetsLost: 0, jitter: 0.01 },
        remoteInbound: { roundTripTime: 0.2 },
      }),
    );
    expect(summary.rFactor).toBeCloseTo(rFactor(100 + 20 + 20, 0), 6);
  });

  it('uses the browser jitter buffer delay over the interval when it is reported', () => {
    const previous = snapshot({
      inbound: { bytesReceived: 1, packetsReceived: 100, packetsLost: 0, jitter: 0.001, jitterBufferDelay: 4800, jitterBufferEmittedCount: 96_000 },
    });
    const current = snapshot({
      timestamp: 11_000,
      inbound: { bytesReceived: 2, packetsReceived: 150, packetsLost: 0, jitter: 0.001, jitterBufferDelay: 8640, jitterBufferEmittedCount: 144_000 },
    });
    // Per-sample delays summing to 3840 s over 48 000 samples: 80 ms in the buffer on average.
    expect(summarizeCallQuality(current, previous).rFactor).toBeCloseTo(rFactor(80 + 20, 0), 6);
  });

  it('measures loss over the interval since the previous snapshot', () => {
    const previous = snapshot({ inbound: { bytesReceived: 1, packetsReceived: 990, packetsLost: 10 } });
    const current = snapshot({ inbound: { bytesReceived: 2, packetsReceived: 1480, packetsLost: 20 } });
    expect(summarizeCallQuality(current, previous).lossPercent).toBeCloseTo(2, 6);
    expect(summarizeCallQuality(current).lossPercent).toBeCloseTo((20 / 1500) * 100, 6);
  });

  it('rates the call by the worse direction of loss', () => {
    const incomingWorse = summarizeCallQuality(snapshot({ inbound: { bytesReceived: 1, packetsReceived: 90, packetsLost: 10 }, remoteInbound: { fractionLost: 0.01 } }));
    const outgoingWorse = summarizeCallQuality(snapshot({ inbound: { bytesReceived: 1, packetsReceived: 99, packetsLost: 1 }, remoteInbound: { fractionLost: 0.1 } }));
    expect(incomingWorse.rFactor).toBeCloseTo(rFactor(20, 10), 6);
    expect(outgoingWorse.rFactor).toBeCloseTo(rFactor(20, 10), 6);
  });

  it('falls back to the candidate pair round trip when no receiver report has one', () => {
    const summary = summarizeCallQuality(snapshot({ candidatePairRoundTripTime: 0.03 }));
    expect(summary.rttMs).toBeCloseTo(30, 6);
  });

  it('treats a negative lost count (duplicates) as no loss', () => {
    const summary = summarizeCallQuality(snapshot({ inbound: { bytesReceived: 1, packetsReceived: 100, packetsLost: -2 } }));
    expect(summary.packetsLost).toBe(0);
    expect(summary.lossPercent).toBe(0);
  });

  it('gives no MOS before any packet has arrived', () => {
    const summary = summarizeCallQuality({ timestamp: 0, outbound: { bytesSent: 100, packetsSent: 1 } });
    expect(summary.mos).toBeUndefined();
    expect(summary.rFactor).toBeUndefined();
    expect(summary.codec).toBeUndefined();
    expect(summary).toMatchObject({ bytesReceived: 0, packetsReceived: 0, lossPercent: 0 });
  });

  it('names G.711 by its MIME subtype and clock rate', () => {
    expect(summarizeCallQuality(snapshot({ codec: { mimeType: 'audio/PCMU', clockRate: 8000 } })).codec).toBe('PCMU/8000');
  });
});
