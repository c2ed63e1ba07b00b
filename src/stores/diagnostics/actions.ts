import { SAMPLE_LIMIT, TRACE_LIMIT, type DiagnosticsState, type QualitySample, type TraceEntry } from './state';

export interface DiagnosticsActions {
  /** Appends a message; the oldest drops off beyond TRACE_LIMIT. */
  addTrace(entry: TraceEntry): void;
  clearTrace(): void;
  /** Appends a quality sample of a call; the oldest drops off beyond SAMPLE_LIMIT. */
  addSample(callId: string, sample: QualitySample): void;
  /** Drops a call's samples once it is gone. */
  forgetCall(callId: string): void;
}

type SetState = (update: (state: DiagnosticsState) => Partial<DiagnosticsState>) => void;

/** Ring buffers: the diagnostics service records, the screen reads. */
export function createDiagnosticsActions(set: SetState): DiagnosticsActions {
  return {
    addTrace: (entry) => set(({ trace }) => ({ trace: [...trace.slice(-(TRACE_LIMIT - 1)), entry] })),
    clearTrace: () => set(() => ({ trace: [] })),
    addSample: (callId, sample) =>
      set(({ samples }) => ({ samples: { ...samples, [callId]: [...(samples[callId] ?? []).slice(-(SAMPLE_LIMIT - 1)), sample] } })),
    forgetCall: (callId) =>
      set(({ samples }) => {
        if (!(callId in samples)) return {};
        const { [callId]: _gone, ...rest } = samples;
        return { samples: rest };
      }),
  };
}
