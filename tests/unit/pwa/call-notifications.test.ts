import { describe, expect, it } from 'vitest';
import { asCallAction, CALL_ACTION_MESSAGE, notifyIncomingCalls, type NotificationHost } from '../../../src/pwa/call-notifications';
import { createCallsStore } from '../../../src/stores/calls';
import { callLine } from '../support/call-line';

class FakeNotifications implements NotificationHost {
  readonly open = new Map<string, { title: string; options: NotificationOptions & { actions?: { action: string; title: string }[] } }>();
  showNotification(title: string, options: NotificationOptions & { actions?: { action: string; title: string }[] }): Promise<void> {
    this.open.set(options.tag!, { title, options });
    return Promise.resolve();
  }
  getNotifications({ tag }: { tag: string }): Promise<{ close(): void }[]> {
    return Promise.resolve(this.open.has(tag) ? [{ close: () => void this.open.delete(tag) }] : []);
  }
}

function setup(unseen = true) {
  const calls = createCallsStore();
  const host = new FakeNotifications();
  notifyIncomingCalls({ host, calls, unseen: () => unseen, allowed: () => true, pageUrl: () => PAGE, onError: () => undefined });
  return { calls, host };
}

const PAGE = 'http://127.0.0.1:8080/?user=1000';
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const ALICE = { displayName: 'Alice', number: '1001', uri: 'sip:1001@127.0.0.1' };

describe('incoming-call notifications', () => {
  it('notifies a call ringing in while the window is out of sight, with Answer and Decline', async () => {
    const { calls, host } = setup();
    calls.getState().addLine(callLine({ id: 'in', direction: 'incoming', state: 'incoming', remote: ALICE }));
    await settle();
    const shown = host.open.get('call:in');
    expect(shown?.title).toBe('Incoming call');
    expect(shown?.options.body).toBe('Alice (1001)');
    expect(shown?.options.data).toEqual({ callId: 'in', pageUrl: PAGE });
    expect(shown?.options.actions?.map((action) => action.title)).toEqual(['Answer', 'Decline']);
  });

  it('closes the notification once the call stops ringing', async () => {
    const { calls, host } = setup();
    calls.getState().addLine(callLine({ id: 'in', direction: 'incoming', state: 'incoming' }));
    await settle();
    calls.getState().updateLine('in', { state: 'established' });
    await settle();
    expect(host.open.size).toBe(0);
  });

  it('does not notify calls the user can see, nor our own outgoing ones', async () => {
    const visible = setup(false);
    visible.calls.getState().addLine(callLine({ id: 'in', direction: 'incoming', state: 'incoming' }));
    const hidden = setup(true);
    hidden.calls.getState().addLine(callLine({ id: 'out', state: 'early' }));
    await settle();
    expect(visible.host.open.size).toBe(0);
    expect(hidden.host.open.size).toBe(0);
  });

  it('accepts only well-formed Answer/Decline messages from the service worker', () => {
    expect(asCallAction({ type: CALL_ACTION_MESSAGE, action: 'answer', callId: 'in' })).toEqual({
      type: CALL_ACTION_MESSAGE,
      action: 'answer',
      callId: 'in',
    });
    expect(asCallAction({ type: CALL_ACTION_MESSAGE, action: 'hangup', callId: 'in' })).toBeUndefined();
    expect(asCallAction({ type: 'other', action: 'answer', callId: 'in' })).toBeUndefined();
    expect(asCallAction('answer')).toBeUndefined();
    expect(asCallAction(null)).toBeUndefined();
  });
});
