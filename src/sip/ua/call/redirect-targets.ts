import type { SipUri } from '../../message';

/** How many redirected INVITEs one call may send: enough for a forwarding chain, not for a loop of fresh addresses. */
export const MAX_REDIRECTS = 5;

/**
 * The target set of a redirected call (RFC 3261 §8.1.3.4): every address is tried at most once,
 * which is what stops two phones forwarding to each other. The addresses of the latest 3xx go
 * ahead of those left from earlier ones, so a forwarding chain is followed to its end before
 * the call falls back to another contact of an earlier 300.
 */
export class RedirectTargets {
  /** Addresses tried or waiting, by comparison key. */
  readonly #known = new Set<string>();
  #waiting: SipUri[] = [];
  #followed = 0;

  constructor(first: SipUri) {
    this.#known.add(sameAddressKey(first));
  }

  /** Whether any redirected INVITE was sent. */
  get redirected(): boolean {
    return this.#followed > 0;
  }

  /** Whether an address is waiting that the redirect limit keeps us from trying. */
  get limitReached(): boolean {
    return this.#followed >= MAX_REDIRECTS && this.#waiting.length > 0;
  }

  /** Queues the contacts of a 3xx (in preference order) ahead of the others; returns those that were new. */
  add(contacts: readonly SipUri[]): SipUri[] {
    const fresh = contacts.filter((uri) => {
      const key = sameAddressKey(uri);
      if (this.#known.has(key)) return false;
      this.#known.add(key);
      return true;
    });
    this.#waiting = [...fresh, ...this.#waiting];
    return fresh;
  }

  /** The next address to try; undefined when none is left or the limit is reached. */
  next(): SipUri | undefined {
    if (this.#followed >= MAX_REDIRECTS) return undefined;
    const uri = this.#waiting.shift();
    if (uri) this.#followed += 1;
    return uri;
  }
}

/**
 * Enough of RFC 3261 §19.1.4 URI equality to spot an address seen before: scheme, user, host and
 * port, and the user, ttl and maddr parameters, which make a different address when present;
 * other parameters (transport…) do not.
 */
function sameAddressKey(uri: SipUri): string {
  const params = ['user', 'ttl', 'maddr'].map((name) => uri.params.get(name)?.toLowerCase() ?? '');
  return [uri.scheme, uri.user ?? '', uri.hostport, ...params].join('|');
}
