import type { Random } from '../ports';

/**
 * A fresh CSeq start: random, so a restarted UA does not repeat old numbers,
 * and below 2^31 as §8.1.1.5 requires, with room left to count up.
 */
export function initialCseq(random: Random): number {
  const b = random.bytes(3);
  // 24 random bits keep every later increment far below 2^31.
  return 1 + ((b[0]! << 16) | (b[1]! << 8) | b[2]!);
}
