import { describe, it, expect } from 'vitest';
import type { Random } from '../../../src/sip/ports';
import { reconnectDelay } from '../../../src/sip/transport/backoff';
import { seededRandom } from '../support/fake-clock';

const fixed = (byte: number): Random => ({ bytes: (n) => new Uint8Array(n).fill(byte) });
const bounds = { minDelay: 2_000, maxDelay: 30_000 };

describe('reconnectDelay', () => {
  it('spreads the first retry over the first half of minDelay', () => {
    expect(reconnectDelay(0, bounds, fixed(0))).toBe(0);
    expect(reconnectDelay(0, bounds, fixed(255))).toBe(999);
    const random = seededRandom(5);
    const firsts = Array.from({ length: 200 }, () => reconnectDelay(0, bounds, random));
    expect(Math.min(...firsts)).toBeLessThan(250);
    expect(Math.max(...firsts)).toBeGreaterThan(750);
  });

  it('then doubles from minDelay and levels off at 80% of maxDelay before jitter', () => {
    const lowest = [1, 2, 3, 4, 5, 6, 50].map((n) => reconnectDelay(n, bounds, fixed(0)));
    expect(lowest).toEqual([2_000, 4_000, 8_000, 16_000, 24_000, 24_000, 24_000]);
  });

  it('adds at most 25% jitter and never exceeds maxDelay', () => {
    const highest = [1, 2, 3, 4, 5, 1_000].map((n) => reconnectDelay(n, bounds, fixed(255)));
    expect(highest).toEqual([2_500, 5_000, 10_000, 20_000, 30_000, 30_000]);
  });

  it('stays within [minDelay, maxDelay] after the first retry for any random draw', () => {
    const random = seededRandom(3);
    for (let n = 0; n < 2_000; n++) {
      const delay = reconnectDelay(1 + (n % 12), { minDelay: 500, maxDelay: 4_000 }, random);
      expect(delay).toBeGreaterThanOrEqual(500);
      expect(delay).toBeLessThanOrEqual(4_000);
    }
  });

  it('waits minDelay when the bounds leave no room to grow, and never more than maxDelay first', () => {
    expect(reconnectDelay(3, { minDelay: 1_000, maxDelay: 1_000 }, fixed(255))).toBe(1_000);
    expect(reconnectDelay(0, { minDelay: 4_000, maxDelay: 1_000 }, fixed(255))).toBeLessThan(1_000);
  });
});
