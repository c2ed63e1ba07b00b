/** Who a SIP message went to or came from, seen from our one hop: the proxy itself, or a far end through it. */
export type TracePeer = 'proxy' | 'far-end';

/** One SIP message on the flow, redacted and summarised for the ladder diagram. */
export interface TraceEntry {
  /** Increases by one per message; stable key and order. */
  seq: number;
  direction: 'in' | 'out';
  /** When it was sent or received (ms since the epoch). */
  at: number;
  peer: TracePeer;
  /** The arrow's label: "INVITE", "401 Unauthorized"; "Unreadable message" when it did not parse. */
  label: string;
  callId: string | undefined;
  /** The raw text with credentials reduced to hashes; shown as text only. */
  text: string;
}

/** The call quality at one moment, a point of the live graph. */
export interface QualitySample {
  at: number;
  lossPercent: number;
  jitterMs: number | undefined;
  rttMs: number | undefined;
  mos: number | undefined;
}

export interface DiagnosticsState {
  /** The most recent messages, oldest first, at most TRACE_LIMIT. */
  trace: TraceEntry[];
  /** Quality samples per call id, oldest first, at most SAMPLE_LIMIT each. */
  samples: Record<string, QualitySample[]>;
}

/** Enough for a few registrations and a call with transfers; older messages drop off. */
export const TRACE_LIMIT = 200;
/** One minute of the live graph at one sample per second. */
export const SAMPLE_LIMIT = 60;

export const initialDiagnosticsState: DiagnosticsState = { trace: [], samples: {} };
