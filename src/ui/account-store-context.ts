import { createContext } from 'react';
import type { AccountStore } from '../stores/account';

export const AccountStoreContext = createContext<AccountStore | null>(null);
