import type { TransportTrace } from '../../sip';
import type { DiagnosticsStore } from '../../stores/diagnostics';
import { TraceReader } from './trace-entry';

/** What emits the SIP messages of the flow: the UA's WebSocket transport. */
export interface TraceSource {
  on(event: 'trace', listener: (trace: TransportTrace) => void): () => void;
}

export interface TraceRecorderOptions {
  source: TraceSource;
  store: DiagnosticsStore;
  /** The account's password and the like: blanked wherever they appear, as a last line of defence. */
  secrets?: readonly string[];
}

/** Keeps the most recent SIP messages, redacted, in the diagnostics store. Returns the stop function. */
export function startTraceRecorder({ source, store, secrets = [] }: TraceRecorderOptions): () => void {
  const reader = new TraceReader(secrets);
  return source.on('trace', (trace) => store.getState().addTrace(reader.read(trace)));
}
