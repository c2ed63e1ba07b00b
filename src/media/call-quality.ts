import type { MediaStatsSummary } from '../sip/media-port';

/**
 * Call quality from a snapshot of the browser's RTP statistics: loss, jitter, round trip, and an
 * estimated MOS from a simplified E-model (ITU-T G.107).
 *
 * The E-model as used here:
 *
 *   d      = RTT/2 + jitter buffer delay + 20 ms packetisation          one-way delay, ms
 *            (jitter buffer: the browser's average over the interval, else 2 × jitter;
 *             with no RTT known yet, RTT counts as 0)
 *   Id     = 0.024·d + 0.11·(d − 177.3)·H(d − 177.3)                    delay impairment (Cole &
 *            Rosenbluth's fit of G.107's Idd; H is the unit step)
 *   Ie,eff = Ie + (95 − Ie) · Ppl / (Ppl + Bpl)                         G.107 §7.5 with BurstR = 1
 *            Ppl = the worse of incoming loss and the loss the far end reports, in percent;
 *            Ie = 0, Bpl = 25.1: G.711 with packet loss concealment (G.113 Appendix I). The
 *            browser conceals loss for every codec it decodes, and G.113 has no narrowband
 *            figures for Opus, so the G.711 values stand for all codecs.
 *   R      = 93.2 − Id − Ie,eff                                          93.2 = R0 − Is with
 *            G.107 default values; advantage factor A = 0
 *   MOS    = 1                                  for R ≤ 0               G.107 Annex B
 *            1 + 0.035·R + R·(R − 60)·(100 − R)·7·10⁻⁶   for 0 < R < 100
 *            4.5                                for R ≥ 100
 *
 * A call without loss, jitter or round trip scores R ≈ 92.7, MOS ≈ 4.4.
 */

/** The statistics that matter, read from one RTCStatsReport (src/media/stats-snapshot.ts). */
export interface RtpStatsSnapshot {
  /** ms */
  timestamp: number;
  codec?: { mimeType: string; clockRate: number };
  outbound?: { bytesSent: number; packetsSent: number };
  inbound?: {
    bytesReceived: number;
    packetsReceived: number;
    packetsLost: number;
    /** seconds */
    jitter?: number;
    /** seconds, summed over every emitted sample */
    jitterBufferDelay?: number;
    jitterBufferEmittedCount?: number;
  };
  /** What the far end's RTCP receiver reports say about our stream. */
  remoteInbound?: { fractionLost?: number; roundTripTime?: number };
  /** The selected candidate pair's STUN round trip, seconds. */
  candidatePairRoundTripTime?: number;
}

const PACKETISATION_MS = 20;
const R0_MINUS_IS = 93.2;
const IE = 0;
const BPL = 25.1;

/** Delay impairment Id for one-way delay d in ms. */
export function delayImpairment(delayMs: number): number {
  return 0.024 * delayMs + (delayMs > 177.3 ? 0.11 * (delayMs - 177.3) : 0);
}

/** Effective equipment impairment Ie,eff for random packet loss in percent. */
export function lossImpairment(lossPercent: number): number {
  return IE + ((95 - IE) * lossPercent) / (lossPercent + BPL);
}

/** G.107 Annex B: R to estimated MOS. */
export function mosFromR(r: number): number {
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
}

/** R for a one-way delay in ms and a packet loss in percent. */
export function rFactor(delayMs: number, lossPercent: number): number {
  return R0_MINUS_IS - delayImpairment(delayMs) - lossImpairment(lossPercent);
}

function percent(part: number, whole: number): number {
  return whole > 0 ? (Math.max(0, part) / whole) * 100 : 0;
}

/** Incoming loss since `previous`, or since the start when there is none. */
function incomingLoss(current: RtpStatsSnapshot, previous: RtpStatsSnapshot | undefined): number {
  const now = current.inbound;
  if (!now) return 0;
  const before = previous?.inbound ?? { packetsReceived: 0, packetsLost: 0 };
  const lost = now.packetsLost - before.packetsLost;
  const received = now.packetsReceived - before.packetsReceived;
  return percent(lost, received + Math.max(0, lost));
}

/** Average jitter buffer delay in ms over the interval, when the browser reports it. */
function jitterBufferMs(current: RtpStatsSnapshot, previous: RtpStatsSnapshot | undefined): number | undefined {
  const now = current.inbound;
  if (now?.jitterBufferDelay === undefined || now.jitterBufferEmittedCount === undefined) return undefined;
  const delay = now.jitterBufferDelay - (previous?.inbound?.jitterBufferDelay ?? 0);
  const count = now.jitterBufferEmittedCount - (previous?.inbound?.jitterBufferEmittedCount ?? 0);
  return count > 0 ? (delay / count) * 1000 : undefined;
}

function codecName(codec: RtpStatsSnapshot['codec']): string | undefined {
  if (!codec) return undefined;
  const slash = codec.mimeType.indexOf('/');
  return `${slash < 0 ? codec.mimeType : codec.mimeType.slice(slash + 1)}/${codec.clockRate}`;
}

/** The quality summary for `current`; loss and jitter buffer delay cover the interval since `previous`. */
export function summarizeCallQuality(current: RtpStatsSnapshot, previous?: RtpStatsSnapshot): MediaStatsSummary {
  const inbound = current.inbound;
  const rttSeconds = current.remoteInbound?.roundTripTime ?? current.candidatePairRoundTripTime;
  const summary: MediaStatsSummary = {
    bytesSent: current.outbound?.bytesSent ?? 0,
    bytesReceived: inbound?.bytesReceived ?? 0,
    packetsSent: current.outbound?.packetsSent ?? 0,
    packetsReceived: inbound?.packetsReceived ?? 0,
    packetsLost: Math.max(0, inbound?.packetsLost ?? 0),
    lossPercent: incomingLoss(current, previous),
  };
  const codec = codecName(current.codec);
  if (codec !== undefined) summary.codec = codec;
  if (current.remoteInbound?.fractionLost !== undefined) summary.remoteLossPercent = current.remoteInbound.fractionLost * 100;
  if (inbound?.jitter !== undefined) summary.jitterMs = inbound.jitter * 1000;
  if (rttSeconds !== undefined) summary.rttMs = rttSeconds * 1000;

  if (inbound && inbound.packetsReceived > 0) {
    const buffer = jitterBufferMs(current, previous) ?? 2 * (summary.jitterMs ?? 0);
    const delay = (summary.rttMs ?? 0) / 2 + buffer + PACKETISATION_MS;
    const loss = Math.max(summary.lossPercent, summary.remoteLossPercent ?? 0);
    summary.rFactor = rFactor(delay, loss);
    summary.mos = mosFromR(summary.rFactor);
  }
  return summary;
}
