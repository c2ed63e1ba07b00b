import { TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { paramText, parseHeaderParams } from './header-params';
import { parseDeltaSeconds } from './numbers';
import { skipWs, trimEnd } from './scanner';

/** Event header (RFC 6665 §8.2.1): package name, optional id, parameters. */
export interface EventHeader {
  type: string; // "refer", "message-summary", "presence.winfo"
  id?: string;
  params: Map<string, string | null>;
}

/** Subscription-State header (RFC 6665 §8.2.3). */
export interface SubscriptionState {
  state: string; // "active" | "pending" | "terminated" | extension, lower-case
  expires?: number;
  reason?: string;
  retryAfter?: number;
  params: Map<string, string | null>;
}

/** token followed by header parameters; returns the token and fills `params`. */
function tokenWithParams(value: string, params: Map<string, string | null>, where: string): string {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const start = i;
  while (i < end && isIn(TOKEN, value.charCodeAt(i))) i++;
  if (i === start) fail(`empty ${where}`);
  const token = value.slice(start, i);
  i = parseHeaderParams(value, i, end, params, where);
  if (i < end) fail(`unexpected "${value[i]}" in ${where}`);
  return token;
}

export function parseEvent(value: string): EventHeader {
  const params = new Map<string, string | null>();
  const type = tokenWithParams(value, params, 'Event');
  const event: EventHeader = { type, params };
  const id = paramText(params.get('id'));
  if (id !== undefined) event.id = id;
  return event;
}

export function parseSubscriptionState(value: string): SubscriptionState {
  const params = new Map<string, string | null>();
  const state: SubscriptionState = { state: tokenWithParams(value, params, 'Subscription-State').toLowerCase(), params };
  const expires = paramText(params.get('expires'));
  if (expires !== undefined) state.expires = parseDeltaSeconds(expires, 'Subscription-State expires');
  const reason = paramText(params.get('reason'));
  if (reason !== undefined) state.reason = reason.toLowerCase();
  const retryAfter = paramText(params.get('retry-after'));
  if (retryAfter !== undefined) state.retryAfter = parseDeltaSeconds(retryAfter, 'Subscription-State retry-after');
  return state;
}
