import { createContext } from 'react';
import type { PingResult } from '../sip';

/** Sends an OPTIONS ping from the running phone (the reachability check). */
export type Ping = (target: string) => Promise<PingResult>;

export const PingContext = createContext<Ping | undefined>(undefined);
