import { createStore } from 'zustand/vanilla';
import { createCallsActions, type CallsActions } from './actions';
import { initialCallsState, type CallsState } from './state';

export type CallsStoreState = CallsState & CallsActions;
export type CallsStore = ReturnType<typeof createCallsStore>;

export function createCallsStore() {
  return createStore<CallsStoreState>()((set) => ({ ...initialCallsState, ...createCallsActions(set) }));
}
