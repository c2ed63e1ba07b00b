import type { SipResponse } from '../message';
import { TIMER_F } from '../transaction/timers';

/** SIPconnect 2.0 §16.4.1.1: wait 30 s after a delivery failure, doubling each time up to 960 s. */
export const REGISTER_RETRY_BASE = 30_000;
export const REGISTER_RETRY_MAX = 960_000;

/** SIPconnect 2.0 §16.4.1.4: more than three 401/407/403 in a row means the credentials are wrong. */
export const MAX_AUTH_REJECTIONS = 3;

export const DEFAULT_REGISTER_EXPIRES = 600;

/** Delay before the next REGISTER after `failures` delivery failures in a row (1 → 30 s). */
export function registerRetryDelay(failures: number): number {
  return Math.min(REGISTER_RETRY_BASE * 2 ** Math.max(0, failures - 1), REGISTER_RETRY_MAX);
}

/**
 * When to refresh a binding granted for `expires` seconds: one Timer F (32 s)
 * before it lapses, so a refresh that gets no answer times out while the
 * binding still holds; for bindings shorter than 64 s, at half-life.
 */
export function refreshDelay(expires: number): number {
  return Math.max(expires * 1000 - TIMER_F, (expires * 1000) / 2);
}

/** Leading delta-seconds of a header value ("120 (maintenance);duration=60" → 120). */
function leadingSeconds(value: string | undefined): number | undefined {
  const match = value === undefined ? null : /^\s*(\d{1,10})/.exec(value);
  return match ? Number(match[1]) : undefined;
}

/** Retry-After of a 500/503 (§20.33). */
export function retryAfter(response: SipResponse): number | undefined {
  return leadingSeconds(response.get('Retry-After'));
}

/** Min-Expires of a 423 (§10.2.8). */
export function minExpires(response: SipResponse): number | undefined {
  return leadingSeconds(response.get('Min-Expires'));
}
