import { useContext } from 'react';
import { useStore } from 'zustand';
import type { AccountStoreState } from '../../stores/account';
import { AccountStoreContext } from '../account-store-context';

/** Reads the account store through a selector; re-renders only when the selected value changes. */
export function useAccount<T>(selector: (state: AccountStoreState) => T): T {
  const store = useContext(AccountStoreContext);
  if (!store) throw new Error('useAccount needs an AccountStoreContext provider');
  return useStore(store, selector);
}
