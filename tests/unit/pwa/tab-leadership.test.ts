import { describe, expect, it, vi } from 'vitest';
import { createTabLeadership, type LockManagerLike } from '../../../src/pwa/tab-leadership';
import { FakeChannels, FakeLocks } from './fake-tabs';

const ALICE = 'sip:1000@127.0.0.1';
const BOB = 'sip:1001@127.0.0.1';

/** One browser profile: tabs share its locks and channels; `elapse()` ends every pending sleep. */
function profile() {
  const locks = new FakeLocks();
  const channels = new FakeChannels();
  const events: string[] = [];
  const sleeping: (() => void)[] = [];
  const tab = (name: string, aor: string, options: { locks?: LockManagerLike | undefined; whenNoLiveCall?: () => Promise<void> } = {}) =>
    createTabLeadership({
      aor,
      locks: 'locks' in options ? options.locks : locks,
      openChannel: (channel) => channels.channel(channel),
      tabId: name,
      start: () => void events.push(`${name} registers`),
      stop: async () => void events.push(`${name} un-registers`),
      whenNoLiveCall: options.whenNoLiveCall ?? (() => Promise.resolve()),
      sleep: () => new Promise((resolve) => sleeping.push(resolve)),
    });
  const elapse = () => sleeping.splice(0).forEach((wake) => wake());
  return { locks, events, tab, elapse };
}

describe('one registered tab per account', () => {
  it('registers in the first tab and not in a second tab of the same account', async () => {
    const { events, tab } = profile();
    const first = tab('first', ALICE);
    const second = tab('second', ALICE);
    await vi.waitFor(() => expect(second.role.getState()).toBe('elsewhere'));
    expect(first.role.getState()).toBe('owner');
    expect(events).toEqual(['first registers']);
  });

  it('registers different accounts in different tabs', async () => {
    const { events, tab } = profile();
    const alice = tab('alice', ALICE);
    const bob = tab('bob', BOB);
    await vi.waitFor(() => expect(bob.role.getState()).toBe('owner'));
    expect(alice.role.getState()).toBe('owner');
    expect(events).toEqual(['alice registers', 'bob registers']);
  });

  it('takes over: the owner un-registers first, then the asking tab registers', async () => {
    const { events, tab } = profile();
    const first = tab('first', ALICE);
    const second = tab('second', ALICE);
    await vi.waitFor(() => expect(second.role.getState()).toBe('elsewhere'));

    second.takeOver();
    expect(second.role.getState()).toBe('taking-over');
    await vi.waitFor(() => expect(second.role.getState()).toBe('owner'));
    expect(first.role.getState()).toBe('elsewhere');
    expect(events).toEqual(['first registers', 'first un-registers', 'second registers']);

    // And back again.
    first.takeOver();
    await vi.waitFor(() => expect(first.role.getState()).toBe('owner'));
    expect(second.role.getState()).toBe('elsewhere');
    expect(events.slice(3)).toEqual(['second un-registers', 'first registers']);
  });

  it('hands over only after the owner tab has no live call', async () => {
    const { events, tab } = profile();
    let callEnded!: () => void;
    const first = tab('first', ALICE, { whenNoLiveCall: () => new Promise((resolve) => (callEnded = resolve)) });
    const second = tab('second', ALICE);
    await vi.waitFor(() => expect(second.role.getState()).toBe('elsewhere'));

    second.takeOver();
    await vi.waitFor(() => expect(first.role.getState()).toBe('handing-over'));
    expect(events).toEqual(['first registers']);
    callEnded();
    await vi.waitFor(() => expect(second.role.getState()).toBe('owner'));
    expect(events).toEqual(['first registers', 'first un-registers', 'second registers']);
  });

  it('registers in a waiting tab once the owner tab stops or closes', async () => {
    const { events, tab } = profile();
    const first = tab('first', ALICE);
    const second = tab('second', ALICE);
    await vi.waitFor(() => expect(second.role.getState()).toBe('elsewhere'));
    first.dispose();
    await vi.waitFor(() => expect(second.role.getState()).toBe('owner'));
    expect(events).toEqual(['first registers', 'second registers']);
  });

  it('gives the account to the tab that asked, not to another waiting tab, and the rest keep waiting', async () => {
    const { events, tab } = profile();
    const first = tab('first', ALICE);
    const second = tab('second', ALICE);
    const third = tab('third', ALICE);
    await vi.waitFor(() => expect(third.role.getState()).toBe('elsewhere'));

    third.takeOver();
    await vi.waitFor(() => expect(third.role.getState()).toBe('owner'));
    expect(second.role.getState()).toBe('elsewhere');
    expect(first.role.getState()).toBe('elsewhere');
    expect(events).toEqual(['first registers', 'first un-registers', 'third registers']);

    // The owner closes: the tab that waited longest registers.
    third.dispose();
    await vi.waitFor(() => expect(second.role.getState()).toBe('owner'));
    expect(first.role.getState()).toBe('elsewhere');
    expect(events.slice(3)).toEqual(['second registers']);
  });

  it('passes the account on to the waiting tabs when the tab that asked has closed meanwhile', async () => {
    const { events, tab, elapse } = profile();
    const first = tab('first', ALICE);
    const second = tab('second', ALICE);
    const third = tab('third', ALICE);
    await vi.waitFor(() => expect(third.role.getState()).toBe('elsewhere'));

    second.takeOver();
    second.dispose();
    await vi.waitFor(() => expect(events).toContain('first un-registers'));
    expect(third.role.getState()).toBe('elsewhere');
    elapse();
    await vi.waitFor(() => expect(third.role.getState()).toBe('owner'));
    expect(events).toEqual(['first registers', 'first un-registers', 'third registers']);
    expect(first.role.getState()).toBe('elsewhere');
  });

  it('registers at once where the browser has no Web Locks', () => {
    const { events, tab } = profile();
    const only = tab('only', ALICE, { locks: undefined });
    expect(only.role.getState()).toBe('owner');
    expect(events).toEqual(['only registers']);
  });
});
