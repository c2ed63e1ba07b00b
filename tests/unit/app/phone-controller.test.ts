import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { AccountConfig } from '../../../src/app/account-config';
import { DEFAULT_CALL_SETTINGS } from '../../../src/app/call-media-defaults';
import { createPhoneController } from '../../../src/app/phone-controller';
import type { RunningPhone } from '../../../src/app/start-phone';
import { createAccountStore } from '../../../src/stores/account';

function account(user: string): AccountConfig {
  return { user, domain: 'example.com', password: 'pw', servers: ['wss://example.com'], aor: `sip:${user}@example.com`, call: DEFAULT_CALL_SETTINGS };
}

function setUp() {
  const events: string[] = [];
  const calls = createStore(() => ({ live: false }));
  const session = createStore(() => ({ items: [] as string[] }));
  const store = createAccountStore();
  const controller = createPhoneController({
    account: store,
    sessionStores: [session],
    start: (config) => {
      events.push(`start ${config.user}`);
      store.getState().setIdentity({ user: config.user, aor: config.aor, server: config.servers[0]! });
      return Promise.resolve({
        stop: () => {
          events.push(`stop ${config.user}`);
          return Promise.resolve();
        },
      } as RunningPhone);
    },
    hasLiveCall: () => calls.getState().live,
    watchCalls: (listener) => calls.subscribe(listener),
    onWaitingChange: (waiting) => events.push(waiting ? 'waiting' : 'not waiting'),
  });
  return { controller, events, calls, session, store };
}

describe('phone controller', () => {
  it('stops the running phone before it starts the next, and empties the account\'s stores between them', async () => {
    const { controller, events, session } = setUp();
    expect(controller.switchTo({ account: account('alice') })).toBe('now');
    await controller.current();
    session.setState({ items: ['a message for alice'] });
    controller.switchTo({ account: account('bob') });
    await controller.current();
    expect(events).toEqual(['start alice', 'stop alice', 'start bob']);
    expect(session.getState().items).toEqual([]);
  });

  it('waits for a live call to end before switching, and says it waits', async () => {
    const { controller, events, calls } = setUp();
    controller.switchTo({ account: account('alice') });
    await controller.current();
    calls.setState({ live: true });
    expect(controller.switchTo({ account: account('bob') })).toBe('after-call');
    await controller.current();
    expect(events).toEqual(['start alice', 'waiting']);
    calls.setState({ live: true });
    expect(events).toEqual(['start alice', 'waiting']);
    calls.setState({ live: false });
    await controller.current();
    expect(events).toEqual(['start alice', 'waiting', 'not waiting', 'stop alice', 'start bob']);
  });

  it('shows the reason in place of an account, and Retry runs the same target again', async () => {
    const { controller, events, store } = setUp();
    controller.switchTo({ problem: 'No account is set up yet.' });
    expect(await controller.current()).toBeUndefined();
    expect(store.getState().setupProblem).toBe('No account is set up yet.');
    controller.switchTo({ account: account('alice') });
    await controller.current();
    expect(store.getState().setupProblem).toBeUndefined();
    controller.restart();
    await controller.current();
    expect(events).toEqual(['start alice', 'stop alice', 'start alice']);
  });

  it('tells subscribers each time another phone takes over', () => {
    const { controller } = setUp();
    let handovers = 0;
    const off = controller.subscribe(() => handovers++);
    controller.switchTo({ account: account('alice') });
    controller.switchTo({ account: account('bob') });
    off();
    controller.switchTo({ account: account('carol') });
    expect(handovers).toBe(2);
  });

  it('reports a phone that fails to start as the setup problem', async () => {
    const store = createAccountStore();
    const controller = createPhoneController({
      account: store,
      sessionStores: [],
      start: () => Promise.reject(new Error('IndexedDB exploded')),
      hasLiveCall: () => false,
      watchCalls: () => () => undefined,
    });
    controller.switchTo({ account: account('alice') });
    expect(await controller.current()).toBeUndefined();
    expect(store.getState().setupProblem).toBe('The phone could not start: IndexedDB exploded');
  });
});
