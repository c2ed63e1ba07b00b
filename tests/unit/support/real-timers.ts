import { randomBytes } from 'node:crypto';
import type { Random, TimerHandle, Timers } from '../../../src/sip/ports';

/**
 * Timers on the real clock for tests that talk to real sockets. It remembers what
 * is pending so a test can assert nothing was left behind and clean up after itself.
 */
export class RealTimers implements Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  now(): number {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const handle = setTimeout(() => {
      this.pending.delete(handle);
      fn();
    }, ms);
    this.pending.add(handle);
    return handle;
  }

  clearTimeout(handle: TimerHandle): void {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
    this.pending.delete(handle as ReturnType<typeof setTimeout>);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /** Cancels everything still pending (for afterEach). */
  clearAll(): void {
    for (const handle of this.pending) clearTimeout(handle);
    this.pending.clear();
  }
}

/** The Random port on Node's CSPRNG. */
export const cryptoRandom: Random = {
  bytes(length: number): Uint8Array {
    return new Uint8Array(randomBytes(length));
  },
};
