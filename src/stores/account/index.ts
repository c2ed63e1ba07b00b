export type { AccountIdentity, AccountState } from './state';
export type { AccountActions } from './actions';
export { createAccountStore, type AccountStore, type AccountStoreState } from './store';
export {
  selectIdentity,
  selectStatusDetail,
  selectStatusText,
  selectStatusTone,
  selectTransportText,
  type StatusTone,
} from './selectors';
