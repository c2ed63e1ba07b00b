import { describe, expect, it } from 'vitest';
import { readStatsSnapshot } from '../../../src/media/stats-snapshot';

/** The entries of a Chromium 156 getStats() report for an audio call that matter here, plus some noise. */
const REPORT = [
  { id: 'T01', type: 'transport', selectedCandidatePairId: 'CPa_b' },
  { id: 'CPx_y', type: 'candidate-pair', nominated: false, state: 'waiting', currentRoundTripTime: 9 },
  { id: 'CPa_b', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.001 },
  { id: 'CIT01_111', type: 'codec', mimeType: 'audio/opus', clockRate: 48000, payloadType: 111 },
  { id: 'OT01A', type: 'outbound-rtp', kind: 'audio', bytesSent: 12_345, packetsSent: 150, codecId: 'CIT01_111' },
  {
    id: 'IT01A',
    type: 'inbound-rtp',
    kind: 'audio',
    bytesReceived: 11_000,
    packetsReceived: 148,
    packetsLost: 2,
    jitter: 0.004,
    jitterBufferDelay: 3.1,
    jitterBufferEmittedCount: 67_200,
    codecId: 'CIT01_111',
  },
  { id: 'RIA', type: 'remote-inbound-rtp', kind: 'audio', fractionLost: 0, roundTripTime: 0.002 },
  { id: 'IT01V', type: 'inbound-rtp', kind: 'video', bytesReceived: 999_999, packetsReceived: 9, packetsLost: 0 },
  { id: 'P', type: 'peer-connection', dataChannelsOpened: 0 },
];

describe('readStatsSnapshot', () => {
  it('reads the audio RTP figures, the codec and the selected pair round trip', () => {
    expect(readStatsSnapshot(REPORT, 5000)).toEqual({
      timestamp: 5000,
      codec: { mimeType: 'audio/opus', clockRate: 48000 },
      outbound: { bytesSent: 12_345, packetsSent: 150 },
      inbound: {
        bytesReceived: 11_000,
        packetsReceived: 148,
        packetsLost: 2,
        jitter: 0.004,
        jitterBufferDelay: 3.1,
        jitterBufferEmittedCount: 67_200,
      },
      remoteInbound: { fractionLost: 0, roundTripTime: 0.002 },
      candidatePairRoundTripTime: 0.001,
    });
  });

  it('finds the pair in use by its nomination when no transport names it', () => {
    const withoutTransport = REPORT.filter((s) => s.type !== 'transport');
    expect(readStatsSnapshot(withoutTransport, 0).candidatePairRoundTripTime).toBe(0.001);
  });

  it('gives a bare snapshot for a report without RTP streams', () => {
    expect(readStatsSnapshot([{ id: 'P', type: 'peer-connection' }, null, 'junk'], 7)).toEqual({ timestamp: 7 });
  });
});
