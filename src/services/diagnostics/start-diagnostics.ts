import type { MediaStatsSummary } from '../../sip/media-port';
import type { Timers } from '../../sip/ports';
import type { CallsStore } from '../../stores/calls';
import type { DiagnosticsStore } from '../../stores/diagnostics';
import { startCallQualityMonitor } from './call-quality-monitor';
import { startTraceRecorder, type TraceSource } from './trace-recorder';

export interface DiagnosticsOptions {
  /** The user agent's transport: its 'trace' events feed the ladder. */
  transport: TraceSource;
  calls: CallsStore;
  /** CallService.stats. */
  stats(id: string): Promise<MediaStatsSummary | undefined>;
  diagnostics: DiagnosticsStore;
  timers: Timers;
  /** The account's password: never shown, even if something echoes it. */
  secrets: readonly string[];
}

/** Everything the Diagnostics screen and the lines' quality bars need, for one running phone. Returns the stop function. */
export function startDiagnostics(options: DiagnosticsOptions): () => void {
  const { transport, calls, stats, diagnostics, timers, secrets } = options;
  const stops = [
    startTraceRecorder({ source: transport, store: diagnostics, secrets }),
    startCallQualityMonitor({ calls, diagnostics, stats, timers }),
  ];
  return () => {
    for (const stop of stops) stop();
  };
}
