import type { RegistrationState } from '../../sip';
import type { TransportState } from '../../sip/transport';

/** Who the account is; undefined until the app has resolved its configuration. */
export interface AccountIdentity {
  user: string;
  /** "sip:1000@127.0.0.1" */
  aor: string;
  displayName?: string;
  /** The WebSocket server it registers with. */
  server: string;
}

export interface AccountState {
  identity: AccountIdentity | undefined;
  /** Why no user agent could be built (no server known, bad parameter); undefined when one runs. */
  setupProblem: string | undefined;
  registration: { state: RegistrationState; cause: string | undefined };
  transport: { state: TransportState; cause: string | undefined };
}

export const initialAccountState: AccountState = {
  identity: undefined,
  setupProblem: undefined,
  registration: { state: 'unregistered', cause: undefined },
  transport: { state: 'disconnected', cause: undefined },
};
