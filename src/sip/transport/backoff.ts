import type { Random } from '../ports';
import { jitter } from './jitter';

export interface BackoffOptions {
  /** Milliseconds before the first retry (before jitter). */
  minDelay: number;
  /** Milliseconds no retry ever waits longer than. */
  maxDelay: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { minDelay: 2_000, maxDelay: 30_000 };

/**
 * Wait before reconnect attempt number `failures` (0 for the first retry).
 * The base doubles per failure in the spirit of RFC 5626 §4.5 and stops at 80% of
 * maxDelay; up to 25% random is added on top, so the wait always lies within
 * [minDelay, maxDelay] and clients that lost the same server spread out instead
 * of returning in one burst.
 */
export function reconnectDelay(failures: number, options: BackoffOptions, random: Random): number {
  const base = Math.min(options.minDelay * 2 ** failures, options.maxDelay * 0.8);
  const floor = Math.max(base, Math.min(options.minDelay, options.maxDelay));
  return Math.round(Math.min(options.maxDelay, floor * jitter(random, 1, 1.25)));
}
