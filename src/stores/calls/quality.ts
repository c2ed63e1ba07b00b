import type { MediaStatsSummary } from '../../sip/media-port';

/**
 * A call's quality as the line shows it: three bars from the estimated MOS. The bands follow the
 * E-model's user-satisfaction classes (ITU-T G.107 Annex B, Table B.1): R ≥ 80 (MOS ≥ 4.03)
 * "satisfied", R 60–80 (MOS 3.1–4.03) "some or many users dissatisfied", below that "poor".
 */
export type QualityLevel = 'good' | 'fair' | 'poor';

export interface LineQuality {
  level: QualityLevel;
  mos: number;
  lossPercent: number;
  jitterMs: number | undefined;
  rttMs: number | undefined;
}

const GOOD_MOS = 4.03;
const FAIR_MOS = 3.1;

export function qualityLevel(mos: number): QualityLevel {
  if (mos >= GOOD_MOS) return 'good';
  if (mos >= FAIR_MOS) return 'fair';
  return 'poor';
}

/** Bars lit out of three. */
export function qualityBars(level: QualityLevel): 1 | 2 | 3 {
  return level === 'good' ? 3 : level === 'fair' ? 2 : 1;
}

/** The line's quality from a stats summary; undefined until audio has arrived (no MOS yet). */
export function lineQualityOf(summary: MediaStatsSummary): LineQuality | undefined {
  if (summary.mos === undefined) return undefined;
  return {
    level: qualityLevel(summary.mos),
    mos: summary.mos,
    lossPercent: Math.max(summary.lossPercent, summary.remoteLossPercent ?? 0),
    jitterMs: summary.jitterMs,
    rttMs: summary.rttMs,
  };
}

/** The accessible name and tooltip of the indicator: "Call quality: good". */
export function qualityLabel(quality: LineQuality): string {
  return `Call quality: ${quality.level}`;
}

/** The figures behind the bars, for a tooltip: "MOS 4.4 · loss 0.0 % · jitter 3 ms · RTT 12 ms". */
export function qualityDetail(quality: LineQuality): string {
  const parts = [`MOS ${quality.mos.toFixed(1)}`, `loss ${quality.lossPercent.toFixed(1)} %`];
  if (quality.jitterMs !== undefined) parts.push(`jitter ${Math.round(quality.jitterMs)} ms`);
  if (quality.rttMs !== undefined) parts.push(`RTT ${Math.round(quality.rttMs)} ms`);
  return parts.join(' · ');
}
