import { useContext } from 'react';
import { useStore } from 'zustand';
import type { NavigationStoreState } from '../../stores/navigation';
import { NavigationStoreContext } from '../navigation-context';

/** Reads the navigation store (current screen, dial draft and the actions to change them). */
export function useNavigation<T>(selector: (state: NavigationStoreState) => T): T {
  const store = useContext(NavigationStoreContext);
  if (!store) throw new Error('useNavigation needs a NavigationStoreContext provider');
  return useStore(store, selector);
}
