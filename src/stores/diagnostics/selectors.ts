import type { DiagnosticsState, QualitySample, TraceEntry } from './state';

export const selectTrace = (state: DiagnosticsState): TraceEntry[] => state.trace;

const NO_SAMPLES: QualitySample[] = [];

/** A call's quality samples; the same empty array when there are none, so selectors stay stable. */
export const selectSamples =
  (callId: string | undefined) =>
  (state: DiagnosticsState): QualitySample[] =>
    (callId !== undefined ? state.samples[callId] : undefined) ?? NO_SAMPLES;
