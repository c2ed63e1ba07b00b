import { createContext } from 'react';
import type { NavigationStore } from '../stores/navigation';

export const NavigationStoreContext = createContext<NavigationStore | null>(null);
