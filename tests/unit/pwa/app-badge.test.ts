import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { badgeCount, keepAppBadge, storeCounter } from '../../../src/pwa/app-badge';

function counters() {
  const missed = createStore(() => ({ missed: 0 }));
  const unread = createStore(() => ({ unread: 0 }));
  return { missed, unread, list: [storeCounter(missed, (s) => s.missed), storeCounter(unread, (s) => s.unread)] };
}

describe('the app badge', () => {
  it('counts missed calls and unread messages together', () => {
    const { missed, unread, list } = counters();
    missed.setState({ missed: 2 });
    unread.setState({ unread: 3 });
    expect(badgeCount(list)).toBe(5);
  });

  it('sets the badge as the counts change and clears it at zero, without repeating itself', () => {
    const { missed, unread, list } = counters();
    const calls: string[] = [];
    const badge = {
      setAppBadge: (count?: number) => Promise.resolve(void calls.push(`set ${count}`)),
      clearAppBadge: () => Promise.resolve(void calls.push('clear')),
    };
    keepAppBadge(badge, list, () => undefined);
    unread.setState({ unread: 1 });
    missed.setState({ missed: 1 });
    missed.setState({ missed: 1 });
    unread.setState({ unread: 0 });
    missed.setState({ missed: 0 });
    expect(calls).toEqual(['clear', 'set 1', 'set 2', 'set 1', 'clear']);
  });

  it('does nothing where the Badging API is missing, and reports a refusal', async () => {
    const { unread, list } = counters();
    expect(() => keepAppBadge({}, list, () => undefined)).not.toThrow();
    const errors: unknown[] = [];
    keepAppBadge({ setAppBadge: () => Promise.reject(new Error('not installed')) }, list, (error) => errors.push(error));
    unread.setState({ unread: 4 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).toHaveLength(1);
  });
});
