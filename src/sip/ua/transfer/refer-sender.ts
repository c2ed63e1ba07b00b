/*
 * A transfer we started (RFC 3515 §2.4, RFC 5589 §6–7): our REFER in the call's dialog and the
 * implicit subscription its 2xx creates, followed through the transferee's NOTIFYs.
 *
 *   start(): REFER with Refer-To and Referred-By ──non-2xx, timeout──> failed
 *              │ 2xx
 *              ├─ Refer-Sub: false (RFC 4488 §4): no NOTIFY will come ──> succeeded
 *              v
 *   NOTIFYs, each answered 200: sipfrag 100 → trying, 180/183 → ringing,
 *                               2xx → succeeded, ≥ 300 → failed, terminated without either → failed
 *   no NOTIFY within 64·T1 of the 2xx (RFC 6665 §4.1.2.4) ──> failed
 *   our call ends meanwhile: after the 2xx ──> succeeded (a B2BUA such as CUCM answers 202 and
 *                            hangs up on us without any NOTIFY, reference 003), before ──> failed
 */
import type { NameAddr, SipResponse } from '../../message';
import type { TimerHandle } from '../../ports';
import type { ResponseSource } from '../../transaction/client-transaction';
import { T1 } from '../../transaction/timers';
import type { IncomingRequest } from '../incoming-request';
import { dialogHeaders, type CallDeps } from '../call/call-deps';
import type { CallDialog } from '../call/call-dialog';
import { parseSipfragStatus } from './sipfrag';
import { failed, referRefused, succeeded, targetFailed } from './transfer-messages';
import type { TransferProgress, TransferResult } from './transfer-types';

/** RFC 6665 §4.1.2.4: how long a subscriber waits for the first NOTIFY after the 2xx. */
export const FIRST_NOTIFY_WAIT = 64 * T1;

export interface OutgoingReferInit {
  callDialog: CallDialog;
  deps: CallDeps;
  /** Each step, the outcome included, for the call's 'transfer' event. */
  progress(step: TransferProgress): void;
  /** The transferee accepted the REFER (semi-attended transfer cancels its consultation call now). */
  accepted?(): void;
}

export class OutgoingRefer {
  readonly done: Promise<TransferResult>;
  #resolve!: (result: TransferResult) => void;
  #result: TransferResult | undefined;
  #isAccepted = false;
  #notified = false;
  #firstNotifyTimer: TimerHandle | undefined;
  readonly #init: OutgoingReferInit;

  constructor(init: OutgoingReferInit) {
    this.#init = init;
    this.done = new Promise((resolve) => {
      this.#resolve = resolve;
    });
  }

  /** Sends the REFER; `done` resolves with the outcome. */
  start(referTo: NameAddr, referredBy: NameAddr): Promise<TransferResult> {
    this.#init.progress({ state: 'trying', message: 'Transferring…' });
    const headers: [string, string][] = [
      ['Refer-To', referTo.toString()],
      ['Referred-By', referredBy.toString()],
      ...dialogHeaders(this.#init.deps),
    ];
    void this.#init.callDialog
      .request('REFER', undefined, undefined, headers)
      .then(({ response, source }) => this.#answered(response, source));
    return this.done;
  }

  /** A NOTIFY with Event: refer in the call's dialog. */
  notify(incoming: IncomingRequest): void {
    if (this.#result) {
      // RFC 6665 §4.1.3: a NOTIFY for a subscription that is over.
      incoming.reply(481, { reason: 'Subscription Does Not Exist' });
      return;
    }
    incoming.reply(200);
    this.#notified = true;
    this.#clearTimer();
    const { request } = incoming;
    const frag = parseSipfragStatus(request.body);
    let terminated = false;
    try {
      terminated = request.subscriptionState?.state === 'terminated';
    } catch {
      terminated = false; // an unreadable Subscription-State does not end the subscription
    }
    if (frag && frag.status >= 200 && frag.status < 300) return this.#finish(succeeded('Transferred', frag.status, frag.reason));
    if (frag && frag.status >= 300) return this.#finish(targetFailed(frag.status, frag.reason));
    if (terminated) return this.#finish(failed('the other party stopped reporting before the transfer completed'));
    if (!frag) return;
    const ringing = frag.status === 180 || frag.status === 183;
    this.#init.progress({ state: ringing ? 'ringing' : 'trying', status: frag.status, reason: frag.reason, message: ringing ? 'Ringing' : 'Calling' });
  }

  /** Our call ended before the transfer reported its outcome. */
  callEnded(): void {
    if (this.#isAccepted) this.#finish(succeeded('Transferred (the other party hung up)'));
    else this.#finish(failed('the call ended'));
  }

  #answered(response: SipResponse, source: ResponseSource): void {
    if (this.#result) return;
    if (source === 'timeout') return this.#finish(failed('no answer from the other party'));
    if (source !== 'network') return this.#finish(failed('connection to the server lost'));
    if (response.status >= 300) return this.#finish(referRefused(response.status, response.reason));
    this.#isAccepted = true;
    this.#init.accepted?.();
    if (this.#result) return;
    if (response.get('Refer-Sub')?.trim().toLowerCase() === 'false') {
      return this.#finish(succeeded('Transferred (the other party reports no progress)', response.status, response.reason));
    }
    // A NOTIFY can overtake the 2xx it follows; then it has said more than "accepted" already.
    if (this.#notified) return;
    this.#init.progress({ state: 'trying', status: response.status, reason: response.reason, message: 'Transfer accepted' });
    this.#firstNotifyTimer = this.#init.deps.timers.setTimeout(() => this.#finish(failed('the other party never reported progress')), FIRST_NOTIFY_WAIT);
  }

  #finish(result: TransferResult): void {
    if (this.#result) return;
    this.#result = result;
    this.#clearTimer();
    this.#init.progress(result);
    this.#resolve(result);
  }

  #clearTimer(): void {
    if (this.#firstNotifyTimer !== undefined) this.#init.deps.timers.clearTimeout(this.#firstNotifyTimer);
    this.#firstNotifyTimer = undefined;
  }
}
