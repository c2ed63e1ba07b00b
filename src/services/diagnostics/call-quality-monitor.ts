import type { MediaStatsSummary } from '../../sip/media-port';
import type { Timers } from '../../sip/ports';
import { lineQualityOf, type CallsStore } from '../../stores/calls';
import type { DiagnosticsStore, QualitySample } from '../../stores/diagnostics';

export interface CallQualityMonitorOptions {
  calls: CallsStore;
  diagnostics: DiagnosticsStore;
  /** A call's current quality figures (CallService.stats); undefined once it is gone. */
  stats(id: string): Promise<MediaStatsSummary | undefined>;
  timers: Timers;
  /** Default one second: the live graph's resolution and the line indicator's refresh. */
  intervalMs?: number;
}

export const QUALITY_INTERVAL_MS = 1_000;

export function sampleOf(summary: MediaStatsSummary, at: number): QualitySample {
  return {
    at,
    lossPercent: Math.max(summary.lossPercent, summary.remoteLossPercent ?? 0),
    jitterMs: summary.jitterMs,
    rttMs: summary.rttMs,
    mos: summary.mos,
  };
}

/**
 * Reads getStats of every answered call once a second: the line's quality indicator and the
 * Diagnostics graph's samples. Each round waits for the previous one, so a slow getStats never
 * piles up. Returns the stop function.
 */
export function startCallQualityMonitor(options: CallQualityMonitorOptions): () => void {
  const { calls, diagnostics, stats, timers, intervalMs = QUALITY_INTERVAL_MS } = options;
  let handle: unknown;
  let stopped = false;

  async function round(): Promise<void> {
    const answered = calls.getState().lines.filter((line) => line.state === 'established');
    for (const line of answered) {
      const summary = await stats(line.id);
      if (stopped || summary === undefined) continue;
      diagnostics.getState().addSample(line.id, sampleOf(summary, timers.now()));
      const still = calls.getState().lines.find((l) => l.id === line.id);
      if (still?.state === 'established') calls.getState().updateLine(line.id, { quality: lineQualityOf(summary) });
    }
    // Samples of calls that left the panel are of no use to anyone.
    const shown = new Set(calls.getState().lines.map((line) => line.id));
    for (const id of Object.keys(diagnostics.getState().samples)) if (!shown.has(id)) diagnostics.getState().forgetCall(id);
  }

  function schedule(): void {
    handle = timers.setTimeout(() => {
      void round().finally(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
  }

  schedule();
  return () => {
    stopped = true;
    timers.clearTimeout(handle);
  };
}
