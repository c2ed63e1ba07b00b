import type { Random } from '../ports';
import { jitter } from './jitter';

export interface BackoffOptions {
  /**
   * Milliseconds the second retry waits (before jitter); later ones double from it. The first
   * retry comes sooner, at a random moment within the first half of minDelay.
   */
  minDelay: number;
  /** Milliseconds no retry ever waits longer than. */
  maxDelay: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { minDelay: 1_000, maxDelay: 30_000 };

/**
 * Wait before reconnect attempt number `failures` (0 for the first retry).
 *
 * The first retry is spread uniformly over [0, minDelay / 2): a flow lost to a blip or a quick
 * PBX restart comes back at once, and clients that lost the same server still arrive spread out.
 * After that the base doubles per failure in the spirit of RFC 5626 §4.5 from minDelay and stops
 * at 80% of maxDelay, with up to 25% random on top, so those waits lie within [minDelay, maxDelay].
 */
export function reconnectDelay(failures: number, options: BackoffOptions, random: Random): number {
  if (failures === 0) return Math.floor(Math.min(options.minDelay / 2, options.maxDelay) * jitter(random, 0, 1));
  const base = Math.min(options.minDelay * 2 ** (failures - 1), options.maxDelay * 0.8);
  const floor = Math.max(base, Math.min(options.minDelay, options.maxDelay));
  return Math.round(Math.min(options.maxDelay, floor * jitter(random, 1, 1.25)));
}
