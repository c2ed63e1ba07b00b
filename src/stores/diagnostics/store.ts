import { createStore } from 'zustand/vanilla';
import { createDiagnosticsActions, type DiagnosticsActions } from './actions';
import { initialDiagnosticsState, type DiagnosticsState } from './state';

export type DiagnosticsStoreState = DiagnosticsState & DiagnosticsActions;
export type DiagnosticsStore = ReturnType<typeof createDiagnosticsStore>;

export function createDiagnosticsStore() {
  return createStore<DiagnosticsStoreState>()((set) => ({ ...initialDiagnosticsState, ...createDiagnosticsActions(set) }));
}
