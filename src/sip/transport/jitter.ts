import type { Random } from '../ports';

/** A uniformly spread number in [low, high) drawn from the Random port. */
export function jitter(random: Random, low: number, high: number): number {
  const [a = 0, b = 0, c = 0, d = 0] = random.bytes(4);
  // Multiplication instead of shifts: << would go negative on the top bit.
  const fraction = (((a * 256 + b) * 256 + c) * 256 + d) / 2 ** 32;
  return low + fraction * (high - low);
}
