import type { RegistrationState } from '../../sip';
import type { TransportState } from '../../sip/transport';
import type { AccountIdentity, AccountState } from './state';

export interface AccountActions {
  setIdentity(identity: AccountIdentity): void;
  setSetupProblem(problem: string): void;
  setRegistration(state: RegistrationState, cause?: string): void;
  setTransport(state: TransportState, cause?: string): void;
}

type SetState = (partial: Partial<AccountState>) => void;

/** Plain setters: the phone service decides what happened; the store only records it. */
export function createAccountActions(set: SetState): AccountActions {
  return {
    setIdentity: (identity) => set({ identity, setupProblem: undefined }),
    setSetupProblem: (problem) => set({ setupProblem: problem }),
    setRegistration: (state, cause) => set({ registration: { state, cause } }),
    setTransport: (state, cause) => set({ transport: { state, cause } }),
  };
}
