import { createStore } from 'zustand/vanilla';
import { createAccountActions, type AccountActions } from './actions';
import { initialAccountState, type AccountState } from './state';

export type AccountStoreState = AccountState & AccountActions;
export type AccountStore = ReturnType<typeof createAccountStore>;

export function createAccountStore() {
  return createStore<AccountStoreState>()((set) => ({ ...initialAccountState, ...createAccountActions(set) }));
}
