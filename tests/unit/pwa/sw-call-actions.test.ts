import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';

const SCRIPT = readFileSync(new URL('../../../public/sw-call-actions.js', import.meta.url), 'utf8');

interface FakeClient {
  url: string;
  messages: unknown[];
  focused: boolean;
  postMessage(message: unknown): void;
  focus(): Promise<void>;
}

function client(url = 'http://127.0.0.1:8080/?user=1000'): FakeClient {
  return {
    url,
    messages: [],
    focused: false,
    postMessage(message) {
      this.messages.push(message);
    },
    async focus() {
      this.focused = true;
    },
  };
}

/** Runs the service-worker script in a scope of its own and clicks a notification in it. */
async function click(action: string, data: unknown, windows: FakeClient[]) {
  let handler: ((event: unknown) => void) | undefined;
  const self = {
    addEventListener: (type: string, listener: (event: unknown) => void) => {
      if (type === 'notificationclick') handler = listener;
    },
    clients: { matchAll: async () => windows },
  };
  runInNewContext(SCRIPT, { self });
  let closed = false;
  const pending: Promise<unknown>[] = [];
  handler!({ action, notification: { data, close: () => (closed = true) }, waitUntil: (promise: Promise<unknown>) => pending.push(promise) });
  await Promise.all(pending);
  return { closed };
}

describe('the service worker part of call notifications', () => {
  it('tells every window to answer and brings up the one that showed the notification', async () => {
    const windows = [client('http://127.0.0.1:8080/?user=1000'), client('http://127.0.0.1:8080/?user=1001')];
    const { closed } = await click('answer', { callId: 'c7', pageUrl: 'http://127.0.0.1:8080/?user=1001' }, windows);
    expect(closed).toBe(true);
    for (const window of windows) expect(window.messages).toEqual([{ type: 'tabphone:call-action', action: 'answer', callId: 'c7' }]);
    expect(windows.map((window) => window.focused)).toEqual([false, true]);
  });

  it('brings up any window when the one that showed it has gone elsewhere', async () => {
    const windows = [client('http://127.0.0.1:8080/?user=1000')];
    await click('answer', { callId: 'c7', pageUrl: 'http://127.0.0.1:8080/?user=1005' }, windows);
    expect(windows[0]!.focused).toBe(true);
  });

  it('answers on a click on the notification itself', async () => {
    const windows = [client()];
    await click('', { callId: 'c7' }, windows);
    expect(windows[0]!.messages).toEqual([{ type: 'tabphone:call-action', action: 'answer', callId: 'c7' }]);
  });

  it('declines without bringing a window up', async () => {
    const windows = [client()];
    await click('decline', { callId: 'c7' }, windows);
    expect(windows[0]!.messages).toEqual([{ type: 'tabphone:call-action', action: 'decline', callId: 'c7' }]);
    expect(windows[0]!.focused).toBe(false);
  });

  it('leaves notifications that are not about a call alone', async () => {
    const windows = [client()];
    const { closed } = await click('answer', { peer: 'sip:1001@127.0.0.1' }, windows);
    expect(closed).toBe(false);
    expect(windows[0]!.messages).toEqual([]);
  });
});
