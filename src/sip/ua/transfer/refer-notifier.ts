import { defaultReason } from '../../message';
import { dialogHeaders, type CallDeps } from '../call/call-deps';
import type { CallDialog } from '../call/call-dialog';
import { SIPFRAG_CONTENT_TYPE, sipfragBody } from './sipfrag';

/** How long, in seconds, each active NOTIFY says the subscription lasts; each progress report renews it. */
export const REFER_SUBSCRIPTION_EXPIRES = 120;

/**
 * The notifier side of a REFER's implicit subscription (RFC 3515 §2.4.4–2.4.5): NOTIFYs in the
 * call's dialog with Event: refer;id=<the REFER's CSeq> and the transferee's call progress as a
 * sipfrag. One at a time, in order (RFC 6665 §4.2.2 keeps at most one NOTIFY outstanding); the
 * last says terminated;reason=noresource. A 481 or any failure ends the subscription.
 */
export class ReferNotifier {
  #queue: Promise<void> = Promise.resolve();
  #over = false;
  readonly #callDialog: CallDialog;
  readonly #deps: CallDeps;
  readonly #referSeq: number;

  constructor(
    callDialog: CallDialog,
    deps: CallDeps,
    referSeq: number,
  ) {
    this.#callDialog = callDialog;
    this.#deps = deps;
    this.#referSeq = referSeq;
  }

  /** Reports `status`; a final one (≥ 200) ends the subscription. */
  report(status: number, reason = defaultReason(status)): void {
    if (this.#over) return;
    const final = status >= 200;
    if (final) this.#over = true;
    this.#queue = this.#queue
      .then(() => this.#send(status, reason, final))
      .catch((error: unknown) => {
        this.#over = true;
        this.#deps.logger.log('error', 'transfer: sending a NOTIFY failed', error);
      });
  }

  async #send(status: number, reason: string, final: boolean): Promise<void> {
    // The call (and so the dialog) ended: the transferor hung up, which ends the subscription too.
    if (this.#callDialog.dialog.state === 'terminated') return;
    const state = final ? 'terminated;reason=noresource' : `active;expires=${REFER_SUBSCRIPTION_EXPIRES}`;
    const headers: [string, string][] = [
      ['Event', `refer;id=${this.#referSeq}`],
      ['Subscription-State', state],
      ...dialogHeaders(this.#deps),
    ];
    const { response, source } = await this.#callDialog.request('NOTIFY', { type: SIPFRAG_CONTENT_TYPE, content: sipfragBody(status, reason) }, undefined, headers);
    if (source !== 'network' || response.status >= 300) this.#over = true;
  }
}
