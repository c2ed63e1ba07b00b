import { createContext } from 'react';
import type { CallService } from '../services/call-service';
import type { CallsStore } from '../stores/calls';

export const CallsStoreContext = createContext<CallsStore | null>(null);

/** The call service once the phone runs; undefined while it starts or when no account is set up. */
export const CallServiceContext = createContext<CallService | undefined>(undefined);
