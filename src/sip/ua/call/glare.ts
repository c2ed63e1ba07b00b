import type { Random } from '../../ports';

/**
 * RFC 3261 §14.1: after a 491 the UAC waits a random time before trying its re-INVITE again —
 * 2.1 to 4 s in 10 ms steps when it owns the Call-ID (it sent the initial INVITE), else 0 to 2 s —
 * so the two sides do not collide again.
 */
export function glareRetryDelay(random: Random, ownsCallId: boolean): number {
  const bytes = random.bytes(2);
  const steps = ((bytes[0]! << 8) | bytes[1]!) % (ownsCallId ? 191 : 201);
  return (ownsCallId ? 2100 : 0) + steps * 10;
}
