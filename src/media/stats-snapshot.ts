import type { RtpStatsSnapshot } from './call-quality';

/**
 * Reads the audio figures from an RTCStatsReport (WebRTC Statistics, w3.org/TR/webrtc-stats) into
 * a plain snapshot. Takes the report's values so it works on any iterable of stats objects.
 */

type Stats = Record<string, unknown> & { type?: unknown; id?: unknown };

function num(stats: Stats | undefined, key: string): number | undefined {
  const value = stats?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function str(stats: Stats | undefined, key: string): string | undefined {
  const value = stats?.[key];
  return typeof value === 'string' ? value : undefined;
}

function isAudio(stats: Stats): boolean {
  return (stats.kind ?? stats.mediaType) === 'audio';
}

/** The candidate pair in use: the transport's selected pair, else a nominated pair that succeeded. */
function selectedPair(byId: Map<string, Stats>, all: Stats[]): Stats | undefined {
  for (const s of all) {
    const pairId = s.type === 'transport' ? str(s, 'selectedCandidatePairId') : undefined;
    if (pairId !== undefined && byId.has(pairId)) return byId.get(pairId);
  }
  return all.find((s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded');
}

export function readStatsSnapshot(report: Iterable<unknown>, timestamp: number): RtpStatsSnapshot {
  const all = [...report].filter((s): s is Stats => typeof s === 'object' && s !== null);
  const byId = new Map(all.filter((s) => typeof s.id === 'string').map((s) => [s.id as string, s]));
  const outbound = all.find((s) => s.type === 'outbound-rtp' && isAudio(s));
  const inbound = all.find((s) => s.type === 'inbound-rtp' && isAudio(s));
  const remoteInbound = all.find((s) => s.type === 'remote-inbound-rtp' && isAudio(s));
  const codecStats = byId.get(str(outbound, 'codecId') ?? str(inbound, 'codecId') ?? '');

  const snapshot: RtpStatsSnapshot = { timestamp };
  if (outbound) snapshot.outbound = { bytesSent: num(outbound, 'bytesSent') ?? 0, packetsSent: num(outbound, 'packetsSent') ?? 0 };
  if (inbound) {
    snapshot.inbound = {
      bytesReceived: num(inbound, 'bytesReceived') ?? 0,
      packetsReceived: num(inbound, 'packetsReceived') ?? 0,
      packetsLost: num(inbound, 'packetsLost') ?? 0,
    };
    const optional = ['jitter', 'jitterBufferDelay', 'jitterBufferEmittedCount'] as const;
    for (const key of optional) {
      const value = num(inbound, key);
      if (value !== undefined) snapshot.inbound[key] = value;
    }
  }
  if (remoteInbound) {
    snapshot.remoteInbound = {};
    const fractionLost = num(remoteInbound, 'fractionLost');
    const roundTripTime = num(remoteInbound, 'roundTripTime');
    if (fractionLost !== undefined) snapshot.remoteInbound.fractionLost = fractionLost;
    if (roundTripTime !== undefined) snapshot.remoteInbound.roundTripTime = roundTripTime;
  }
  const mimeType = str(codecStats, 'mimeType');
  const clockRate = num(codecStats, 'clockRate');
  if (mimeType !== undefined && clockRate !== undefined) snapshot.codec = { mimeType, clockRate };
  const pairRtt = num(selectedPair(byId, all), 'currentRoundTripTime');
  if (pairRtt !== undefined) snapshot.candidatePairRoundTripTime = pairRtt;
  return snapshot;
}
