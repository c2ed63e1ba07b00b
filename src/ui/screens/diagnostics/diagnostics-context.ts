import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DiagnosticsStore, DiagnosticsStoreState } from '../../../stores/diagnostics';

export const DiagnosticsStoreContext = createContext<DiagnosticsStore | null>(null);

/** Reads the diagnostics store through a selector. */
export function useDiagnostics<T>(selector: (state: DiagnosticsStoreState) => T): T {
  const store = useContext(DiagnosticsStoreContext);
  if (!store) throw new Error('useDiagnostics needs a DiagnosticsStoreContext provider');
  return useStore(store, selector);
}
