import { lineControls, lineSubtitle, lineTitle, type CallLine, type CallsState } from '../stores/calls';

/** What the service worker posts to the page when a call notification is clicked (public/sw-call-actions.js). */
export const CALL_ACTION_MESSAGE = 'tabphone:call-action';

/** The part of a ServiceWorkerRegistration used to show and close notifications. */
export interface NotificationHost {
  showNotification(title: string, options: NotificationOptions & { actions?: { action: string; title: string }[] }): Promise<void>;
  getNotifications(filter: { tag: string }): Promise<{ close(): void }[]>;
}

export interface CallNotificationOptions {
  host: NotificationHost;
  calls: { getState(): CallsState; subscribe(listener: (state: CallsState) => void): () => void };
  /** True when the user would not see the ringing line: the page is hidden or not focused. */
  unseen(): boolean;
  /** Notification.permission === 'granted' */
  allowed(): boolean;
  /** This page's address: the service worker brings up the window it belongs to. */
  pageUrl(): string;
  onError(error: unknown): void;
}

const tagOf = (id: string) => `call:${id}`;

export function ringingIncoming(state: CallsState): CallLine[] {
  return state.lines.filter((line) => lineControls(line).answer);
}

/**
 * A notification with Answer and Decline for each incoming call that rings while the window is
 * out of sight; it goes away when the call stops ringing (answered, declined, cancelled).
 */
export function notifyIncomingCalls(options: CallNotificationOptions): () => void {
  const shown = new Set<string>();
  const update = (state: CallsState) => {
    const ringing = ringingIncoming(state);
    for (const line of ringing) {
      if (shown.has(line.id) || !options.unseen() || !options.allowed()) continue;
      shown.add(line.id);
      const subtitle = lineSubtitle(line);
      options.host
        .showNotification('Incoming call', {
          body: subtitle ? `${lineTitle(line)} (${subtitle})` : lineTitle(line),
          tag: tagOf(line.id),
          requireInteraction: true,
          data: { callId: line.id, pageUrl: options.pageUrl() },
          actions: [
            { action: 'answer', title: 'Answer' },
            { action: 'decline', title: 'Decline' },
          ],
        })
        .catch(options.onError);
    }
    for (const id of shown) {
      if (ringing.some((line) => line.id === id)) continue;
      shown.delete(id);
      options.host
        .getNotifications({ tag: tagOf(id) })
        .then((list) => list.forEach((notification) => notification.close()))
        .catch(options.onError);
    }
  };
  return options.calls.subscribe(update);
}

export interface CallActionMessage {
  type: typeof CALL_ACTION_MESSAGE;
  action: 'answer' | 'decline';
  callId: string;
}

/** Narrows a message from the service worker to a notification's Answer/Decline click. */
export function asCallAction(data: unknown): CallActionMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, action, callId } = data as Record<string, unknown>;
  if (type !== CALL_ACTION_MESSAGE || typeof callId !== 'string') return undefined;
  return action === 'answer' || action === 'decline' ? { type, action, callId } : undefined;
}
