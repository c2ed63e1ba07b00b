/*
 * The early dialogs of our INVITE (RFC 3261 §12.1.2), one per far-end tag that sent a 1xx with a
 * Contact, registered so requests in them reach us, and the PRACKs for their reliable provisional
 * responses (RFC 3262 §4).
 *
 *   reliable 18x, first of its tag:      PRACK with RAck "<RSeq> <CSeq> INVITE"
 *   next one with RSeq one higher:       PRACK, processed
 *   same RSeq again, or out of order:    ignored — a retransmission our PRACK already answers
 *   2xx of that tag:                     the early dialog is confirmed, so the CSeq of our later
 *                                        requests stays above the PRACKs'
 *   requests in an early dialog:         UPDATE without SDP 200 (RFC 3311 §5.2), with SDP 500 and
 *                                        Retry-After (our offer is still open); BYE 200, that early
 *                                        dialog ends (§15); anything else 405
 */
import { Dialog } from '../../dialog/dialog';
import type { SipRequest, SipResponse } from '../../message';
import type { IncomingRequest } from '../incoming-request';
import { dialogHeaders, type CallDeps } from './call-deps';
import { sdpOf } from './sdp-body';

interface EarlyDialog {
  dialog: Dialog;
  /** The RSeq of the last reliable response we PRACKed. */
  rseq: number | undefined;
  unregister(): void;
}

export class EarlyDialogs {
  readonly #byTag = new Map<string, EarlyDialog>();
  readonly #deps: CallDeps;

  constructor(deps: CallDeps) {
    this.#deps = deps;
  }

  /** A 101-199: its early dialog is made on the first one with a To tag and Contact. */
  track(invite: SipRequest, response: SipResponse): void {
    this.#dialogFor(invite, response);
  }

  /** §4: a 1xx with Require: 100rel; false when it must not be processed further (a repeat or out of order). */
  reliable(invite: SipRequest, response: SipResponse): boolean {
    let rseq: number | undefined;
    try {
      rseq = response.rseq;
    } catch {
      rseq = undefined;
    }
    const early = rseq === undefined ? undefined : this.#dialogFor(invite, response);
    // Without an RSeq or a dialog to PRACK in, it can only be taken as an unreliable 1xx.
    if (rseq === undefined || !early) {
      this.#deps.logger.log('warn', `call: a reliable ${response.status} without RSeq, To tag or Contact cannot be acknowledged`);
      return true;
    }
    if (early.rseq !== undefined && rseq !== early.rseq + 1) return false;
    early.rseq = rseq;
    this.#sendPrack(early.dialog, invite, rseq);
    return true;
  }

  /** The early dialog of `tag`, confirmed by its 2xx (§13.2.2.4); undefined when that tag had none. */
  confirm(tag: string, response: SipResponse): Dialog | undefined {
    const early = this.#byTag.get(tag);
    if (!early) return undefined;
    this.#byTag.delete(tag);
    // The call's dialog usage takes the dialog over.
    early.unregister();
    early.dialog.confirm(response);
    return early.dialog;
  }

  /** Whether the far end with `tag` has an early dialog with us. */
  has(tag: string): boolean {
    return this.#byTag.has(tag);
  }

  /** The call ended or was answered: the early dialogs left are over. */
  dispose(): void {
    for (const early of this.#byTag.values()) {
      early.unregister();
      early.dialog.terminate();
    }
    this.#byTag.clear();
  }

  #dialogFor(invite: SipRequest, response: SipResponse): EarlyDialog | undefined {
    const tag = response.to.tag;
    if (tag === undefined) return undefined;
    const known = this.#byTag.get(tag);
    if (known) return known;
    const dialog = Dialog.asUac(invite, response, this.#deps.random);
    if (!dialog) return undefined;
    const unregister = this.#deps.dialogs.add(dialog, {
      receiveRequest: (incoming) => this.#receiveRequest(tag, dialog, incoming),
      receiveAck: () => undefined,
    });
    const early: EarlyDialog = { dialog, rseq: undefined, unregister };
    this.#byTag.set(tag, early);
    return early;
  }

  #receiveRequest(tag: string, dialog: Dialog, incoming: IncomingRequest): void {
    const { request } = incoming;
    switch (request.method) {
      case 'UPDATE':
        if (sdpOf(request) !== undefined) {
          incoming.reply(500, { headers: [['Retry-After', '1']] });
          return;
        }
        dialog.refreshTarget(request);
        incoming.reply(200, { headers: dialogHeaders(this.#deps) });
        return;
      case 'BYE':
        incoming.reply(200);
        this.#byTag.get(tag)?.unregister();
        this.#byTag.delete(tag);
        return;
      default:
        incoming.reply(405, { headers: [['Allow', this.#deps.allow().join(', ')]] });
    }
  }

  /** §7.2: the PRACK goes in the early dialog, through its route set, with the next CSeq. */
  #sendPrack(dialog: Dialog, invite: SipRequest, rseq: number): void {
    const prack = dialog.createRequest('PRACK', {
      headers: [
        ['RAck', `${rseq} ${invite.cseq.seq} INVITE`],
        ['User-Agent', this.#deps.identity.userAgent],
      ],
    });
    const credentials = this.#deps.digest?.authorizeCached('PRACK', prack.uri.toString(), '');
    if (credentials) prack.append(credentials.header, credentials.value);
    this.#deps.sender.send(prack, (response) => {
      if (response.status >= 300) this.#deps.logger.log('warn', `call: PRACK refused with ${response.status} ${response.reason}`);
    });
  }
}
