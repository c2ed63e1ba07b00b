import { createResponse, type NameAddr, type SipRequest, type SipResponse } from '../src/sip';

/** One registered contact of a user, reachable over the flow its REGISTER came in on (RFC 5626 §6). */
export interface Binding {
  readonly user: string;
  readonly contact: NameAddr;
  readonly flowId: number;
  readonly expiresAt: number;
  /** When it was last refreshed: forking tries newer bindings first, "most recent" wins without forking. */
  readonly updatedAt: number;
  /** +sip.instance without quotes (RFC 5627 §4.2), and reg-id (RFC 5626 §4.2), when given. */
  readonly instance?: string;
  readonly regId?: string;
}

export interface RegistrarOptions {
  /** Below this (seconds, non-zero) a REGISTER gets 423 Interval Too Brief. */
  minExpires: number;
  /** Longer requests are shortened to this. */
  maxExpires: number;
  /** When neither the contact nor the request says. */
  defaultExpires: number;
  now?: () => number;
}

/** Bindings per user (RFC 3261 §10.3), kept in memory; expired ones are pruned whenever a user is read. */
export class Registrar {
  private readonly byUser = new Map<string, Map<string, Binding>>();
  private readonly now: () => number;

  constructor(private readonly options: RegistrarOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Applies an authenticated REGISTER for `user` arriving on `flowId` and builds the answer. */
  register(request: SipRequest, user: string, flowId: number, toTag: string): SipResponse {
    const bindings = this.bindingsOf(user);

    // RFC 3261 §10.3 step 6: "*" removes every binding and is only valid with Expires: 0, alone.
    if (request.isContactStar) {
      if (request.expires !== 0 || request.getAll('Contact').length !== 1) {
        return createResponse(request, 400, 'Contact "*" needs Expires: 0 and no other contact', toTag);
      }
      bindings.clear();
      return createResponse(request, 200, 'OK', toTag);
    }

    const updates: { contact: NameAddr; expires: number }[] = [];
    for (const contact of request.contact) {
      const asked = parseSeconds(contact.params.get('expires')) ?? request.expires ?? this.options.defaultExpires;
      // RFC 3261 §10.3 step 7: too brief (but not a removal) is refused with our minimum.
      if (asked !== 0 && asked < this.options.minExpires) {
        const response = createResponse(request, 423, 'Interval Too Brief', toTag);
        response.set('Min-Expires', String(this.options.minExpires));
        return response;
      }
      updates.push({ contact, expires: Math.min(asked, this.options.maxExpires) });
    }

    const now = this.now();
    for (const { contact, expires } of updates) {
      const binding = toBinding(user, contact, flowId, now, expires);
      const key = bindingKey(binding);
      if (expires === 0) bindings.delete(key);
      else bindings.set(key, binding);
    }

    const response = createResponse(request, 200, 'OK', toTag);
    for (const binding of this.lookup(user)) {
      const contact = binding.contact.clone();
      contact.params.set('expires', String(Math.max(0, Math.round((binding.expiresAt - now) / 1000))));
      response.append('Contact', contact.toString());
    }
    // RFC 5626 §6: a registrar that honours reg-id says so with Require: outbound.
    if (updates.some((u) => u.contact.params.has('reg-id')) && request.supported.includes('outbound')) {
      response.set('Require', 'outbound');
    }
    return response;
  }

  /** Live bindings of a user, most recently refreshed first. */
  lookup(user: string): Binding[] {
    return [...this.bindingsOf(user).values()].sort((a, b) => b.updatedAt - a.updatedAt);
  }

  /** Drops the bindings that lived on a closed flow, so the user shows as offline (RFC 5626 §7). */
  removeFlow(flowId: number): void {
    for (const [user, bindings] of this.byUser) {
      for (const [key, binding] of bindings) if (binding.flowId === flowId) bindings.delete(key);
      if (bindings.size === 0) this.byUser.delete(user);
    }
  }

  private bindingsOf(user: string): Map<string, Binding> {
    let bindings = this.byUser.get(user);
    if (!bindings) {
      bindings = new Map();
      this.byUser.set(user, bindings);
    }
    const now = this.now();
    for (const [key, binding] of bindings) if (binding.expiresAt <= now) bindings.delete(key);
    return bindings;
  }
}

function toBinding(user: string, contact: NameAddr, flowId: number, now: number, expires: number): Binding {
  const stored = contact.clone();
  stored.params.delete('expires');
  const instance = stored.params.get('+sip.instance');
  const regId = stored.params.get('reg-id');
  return {
    user,
    contact: stored,
    flowId,
    expiresAt: now + expires * 1000,
    updatedAt: now,
    ...(instance ? { instance: instance.replace(/^"|"$/g, '') } : {}),
    ...(regId ? { regId } : {}),
  };
}

/**
 * Which stored binding a contact replaces: the same instance and reg-id (RFC 5626 §6), the same
 * instance without reg-id (RFC 5627), else the same contact URI (RFC 3261 §10.3 step 8).
 */
function bindingKey(binding: Binding): string {
  if (binding.instance !== undefined) return `instance ${binding.instance} ${binding.regId ?? ''}`;
  return `uri ${binding.contact.uri.toString()}`;
}

function parseSeconds(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || !/^\d{1,10}$/.test(value)) return undefined;
  return Number(value);
}
