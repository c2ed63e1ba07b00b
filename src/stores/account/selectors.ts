import type { TransportState } from '../../sip/transport';
import type { AccountState } from './state';

export type StatusTone = 'ok' | 'pending' | 'offline' | 'error';

/** The one-line account status the UI shows; derived only from what the user agent reported. */
export function selectStatusText(state: AccountState): string {
  if (state.setupProblem !== undefined) return 'Offline';
  const { state: registration, cause } = state.registration;
  switch (registration) {
    case 'registered':
      return 'Registered';
    case 'registering':
      return 'Registering…';
    case 'failed':
      return cause ? `Registration failed: ${cause}` : 'Registration failed';
    case 'unregistered':
      return 'Offline';
  }
}

export function selectStatusTone(state: AccountState): StatusTone {
  if (state.setupProblem !== undefined) return 'offline';
  switch (state.registration.state) {
    case 'registered':
      return 'ok';
    case 'registering':
      return 'pending';
    case 'failed':
      return 'error';
    case 'unregistered':
      return 'offline';
  }
}

/**
 * Why the account is not registered, when the headline does not already say it: the setup
 * problem, else the registration cause, else the transport's cause.
 */
export function selectStatusDetail(state: AccountState): string | undefined {
  if (state.setupProblem !== undefined) return state.setupProblem;
  const { registration, transport } = state;
  if (registration.state === 'registered' || registration.state === 'failed') return undefined;
  return registration.cause ?? transport.cause;
}

const TRANSPORT_TEXT: Record<TransportState, string> = {
  disconnected: 'Not connected',
  connecting: 'Connecting…',
  connected: 'Connected',
  failed: 'Connection failed',
};

export function selectTransportText(state: AccountState): string {
  return TRANSPORT_TEXT[state.transport.state];
}

export const selectIdentity = (state: AccountState) => state.identity;
