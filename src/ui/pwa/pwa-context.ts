import { createContext, useContext } from 'react';
import type { Pwa } from '../../pwa/start-pwa';

export const PwaContext = createContext<Pwa | null>(null);

export function usePwa(): Pwa {
  const pwa = useContext(PwaContext);
  if (!pwa) throw new Error('usePwa needs a PwaContext provider');
  return pwa;
}
