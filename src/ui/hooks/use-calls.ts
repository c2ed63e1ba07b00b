import { useContext } from 'react';
import { useStore } from 'zustand';
import type { CallService } from '../../services/call-service';
import type { CallsStoreState } from '../../stores/calls';
import { CallServiceContext, CallsStoreContext } from '../calls-context';

/** Reads the calls store through a selector; re-renders only when the selected value changes. */
export function useCalls<T>(selector: (state: CallsStoreState) => T): T {
  const store = useContext(CallsStoreContext);
  if (!store) throw new Error('useCalls needs a CallsStoreContext provider');
  return useStore(store, selector);
}

/** The call service, or undefined while the phone starts (controls then stay disabled). */
export function useCallService(): CallService | undefined {
  return useContext(CallServiceContext);
}
