import type { ReactNode } from 'react';
import { useResolved } from '../hooks/use-resolved';
import type { CallService } from '../../services/call-service';
import type { CallsStore } from '../../stores/calls';
import { CallServiceContext, CallsStoreContext } from '../calls-context';

interface CallsProviderProps {
  store: CallsStore;
  /** Resolves once the phone runs; undefined when no account could be set up. */
  service: Promise<CallService | undefined>;
  children: ReactNode;
}

/** Gives the tree the calls store at once and the call service as soon as the phone has started. */
export function CallsProvider({ store, service, children }: CallsProviderProps) {
  const resolved = useResolved(service);
  return (
    <CallsStoreContext value={store}>
      <CallServiceContext value={resolved}>{children}</CallServiceContext>
    </CallsStoreContext>
  );
}
