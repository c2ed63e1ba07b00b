export {
  initialDiagnosticsState,
  SAMPLE_LIMIT,
  TRACE_LIMIT,
  type DiagnosticsState,
  type QualitySample,
  type TraceEntry,
  type TracePeer,
} from './state';
export type { DiagnosticsActions } from './actions';
export { createDiagnosticsStore, type DiagnosticsStore, type DiagnosticsStoreState } from './store';
export { selectSamples, selectTrace } from './selectors';
export { clockTime, ladderArrows, LADDER_COLUMNS, type LadderArrow, type LadderColumn } from './ladder';
