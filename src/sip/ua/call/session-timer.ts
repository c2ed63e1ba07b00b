/*
 * Session timers (RFC 4028): each INVITE, re-INVITE or UPDATE of the call is a session refresh
 * request whose 2xx fixes the interval and which side refreshes. The refresher sends the next
 * refresh at half the interval (§10); the other side sends BYE when no refresh came by the interval
 * minus min(32 s, interval/3) (§10). The negotiation is pure functions; SessionTimer keeps the
 * agreed interval and runs the two timers on injected Timers.
 *
 *   our request (§7.1):  Session-Expires: <interval> [;refresher=…], Min-SE: <ours>
 *   their 2xx (§7.2):    Session-Expires: n;refresher=uac|uas → running; none → no expiry
 *   their 422 (§7.4):    retry once with their Min-SE as interval and Min-SE
 *   their request (§9):  interval below our Min-SE → 422 (when they support timer), else our
 *                        2xx carries the interval, the refresher, and Require: timer if supported
 */
import type { SipMessage, SipRequest, SipResponse } from '../../message';
import type { Timers } from '../../ports';
import { TimerSlots } from '../../transaction/timer-slots';

/** §4: the smallest interval any element may ask for. */
export const MIN_SE = 90;
/** §4: the recommended interval when nothing else is configured. */
export const DEFAULT_SESSION_EXPIRES = 1800;
/** The configured interval that switches session timers off (for PBXs that mishandle them). */
export const SESSION_TIMERS_OFF = 0;

export type Refresher = 'uac' | 'uas';

/** An interval agreed for the session, as seconds, and who refreshes it. */
export interface AgreedInterval {
  interval: number;
  refresher: Refresher;
}

/** §10: the refresher refreshes at half the interval. */
export function refreshDelay(interval: number): number {
  return (interval * 1000) / 2;
}

/** §10: the other side gives up a little before the interval ends, so its BYE beats any middlebox. */
export function expiryDelay(interval: number): number {
  return (interval - Math.min(32, interval / 3)) * 1000;
}

/** Whether a request's sender implements session timers (Supported or Require: timer). */
export function supportsTimer(request: SipRequest): boolean {
  const tags = safely(() => [...request.supported, ...request.require], []);
  return tags.some((tag) => tag.toLowerCase() === 'timer');
}

/**
 * §9: the Min-SE to send in a 422 when the request asks for an interval below ours, else
 * undefined. A UAC without timer support cannot act on a 422, so it gets a larger interval instead.
 */
export function intervalTooSmall(request: SipRequest, minSe: number): number | undefined {
  const asked = safely(() => request.sessionExpires, undefined);
  if (!asked || asked.delta >= minSe || !supportsTimer(request)) return undefined;
  return minSe;
}

/**
 * §9: the interval and refresher of our 2xx to a session refresh request. Their interval stands
 * (raised to the Min-SEs when a UAC without timer support came in too low); without one, ours.
 * The refresher is theirs, else the UAC when it supports timers, else us.
 */
export function agreeAsUas(request: SipRequest, ours: { expires: number; minSe: number }): AgreedInterval {
  const asked = safely(() => request.sessionExpires, undefined);
  const floor = Math.max(ours.minSe, safely(() => request.minSE, undefined) ?? 0);
  const interval = Math.max(asked?.delta ?? ours.expires, floor);
  const supported = supportsTimer(request);
  const refresher = supported ? (asked?.refresher ?? 'uac') : 'uas';
  return { interval, refresher };
}

/**
 * §7.2: what the 2xx to our request agreed. No Session-Expires means no expiry; one without a
 * refresher came from a UAS without timer support (a proxy asked for it), so we refresh.
 */
export function agreeAsUac(response: SipResponse): AgreedInterval | undefined {
  const agreed = safely(() => response.sessionExpires, undefined);
  if (!agreed) return undefined;
  return { interval: Math.max(agreed.delta, MIN_SE), refresher: agreed.refresher ?? 'uac' };
}

export interface SessionTimerOptions {
  timers: Timers;
  /**
   * The interval we ask for, in seconds; DEFAULT_SESSION_EXPIRES when unset, never below MIN_SE.
   * SESSION_TIMERS_OFF: we act as a UA without the extension — no Session-Expires sent, none
   * honoured, no refreshes and no expiry (the far end or a proxy may still refresh on its own).
   */
  expires?: number;
  /** Our turn to refresh: with UPDATE when the far end allows it, else re-INVITE. */
  refresh(method: 'UPDATE' | 'INVITE'): void;
  /** We were not the refresher and no refresh came in time. */
  expired(): void;
}

/** One call's session timer. */
export class SessionTimer {
  /** The interval our next request asks for: the configured one, then the one agreed. */
  #expires: number;
  #minSe = MIN_SE;
  #agreed: { interval: number; weRefresh: boolean } | undefined;
  #peerAllowsUpdate = false;
  readonly #off: boolean;
  readonly #slots: TimerSlots<'refresh' | 'expire'>;
  readonly #options: SessionTimerOptions;

  constructor(options: SessionTimerOptions) {
    this.#options = options;
    this.#off = options.expires === SESSION_TIMERS_OFF;
    this.#expires = Math.max(options.expires ?? DEFAULT_SESSION_EXPIRES, MIN_SE);
    this.#slots = new TimerSlots(options.timers);
  }

  /** False when session timers are switched off for this call. */
  get enabled(): boolean {
    return !this.#off;
  }

  /** The agreed interval in seconds and whether we refresh; undefined while no timer runs. */
  get running(): { interval: number; weRefresh: boolean } | undefined {
    return this.#agreed ? { ...this.#agreed } : undefined;
  }

  /** §7.1, §7.4: Session-Expires and Min-SE for a request of ours; a running timer keeps its refresher. */
  requestHeaders(): [string, string][] {
    if (this.#off) return [];
    const refresher = this.#agreed ? `;refresher=${this.#agreed.weRefresh ? 'uac' : 'uas'}` : '';
    return [
      ['Session-Expires', `${this.#expires}${refresher}`],
      ['Min-SE', String(this.#minSe)],
    ];
  }

  /** §7.4: a 422 to our request; true when a retry with its Min-SE can succeed. */
  tooSmall(response: SipResponse): boolean {
    const min = safely(() => response.minSE, undefined);
    if (min === undefined || min <= this.#expires) return false;
    this.#expires = min;
    this.#minSe = Math.max(this.#minSe, min);
    return true;
  }

  /** §7.2: the 2xx to our session refresh request sets (or switches off) the timer. */
  responded(response: SipResponse): void {
    this.#learnAllow(response);
    if (this.#off) return;
    const agreed = agreeAsUac(response);
    if (!agreed) return this.stop();
    this.#run(agreed.interval, agreed.refresher === 'uac');
  }

  /** §9: headers for our 2xx to their session refresh request; the timer restarts as agreed there. */
  answerHeaders(request: SipRequest): [string, string][] {
    this.#learnAllow(request);
    if (this.#off) return [];
    const agreed = agreeAsUas(request, { expires: this.#expires, minSe: this.#minSe });
    this.#run(agreed.interval, agreed.refresher === 'uas');
    const headers: [string, string][] = [['Session-Expires', `${agreed.interval};refresher=${agreed.refresher}`]];
    if (supportsTimer(request)) headers.push(['Require', 'timer']);
    return headers;
  }

  stop(): void {
    this.#agreed = undefined;
    this.#slots.clearAll();
  }

  #run(interval: number, weRefresh: boolean): void {
    this.#slots.clearAll();
    this.#expires = interval;
    this.#agreed = { interval, weRefresh };
    if (weRefresh) this.#slots.start('refresh', refreshDelay(interval), () => this.#options.refresh(this.#peerAllowsUpdate ? 'UPDATE' : 'INVITE'));
    else this.#slots.start('expire', expiryDelay(interval), () => this.#options.expired());
  }

  /** RFC 3311: UPDATE only when the far end lists it in Allow. */
  #learnAllow(message: SipMessage): void {
    const allow = safely(() => (message.has('Allow') ? message.allow : undefined), undefined);
    if (allow) this.#peerAllowsUpdate = allow.some((method) => method.toUpperCase() === 'UPDATE');
  }
}

/** A header that does not parse counts as absent: a malformed message must not end the call. */
function safely<T>(read: () => T, otherwise: T): T {
  try {
    return read();
  } catch {
    return otherwise;
  }
}
