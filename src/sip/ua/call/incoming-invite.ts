/*
 * An INVITE that starts a call to us (RFC 3261 §13.3), up to the ACK of our answer.
 *
 *   start(): SDP checked against what we can take (488 with a Warning if nothing: the call ends
 *            no-common-codec); 180 Ringing with our To tag and Contact — reliable (RFC 3262,
 *            re-sent until PRACKed) when the INVITE has Require: 100rel; the media gets ready to
 *            answer the offer now, so answering is quick (the microphone waits for answer())
 *   answer(): our answer (or, for an INVITE without SDP, our offer) in a 200 re-sent until the
 *             ACK; the ACK carries the answer to a delayed offer (none: BYE)
 *   decline(): 603 or 486;  CANCEL: 487 to the INVITE, the call ends cancelled by the far end
 *   no PRACK for a reliable 180 within 64·T1: 500 to the INVITE, the call ends failed (RFC 3262 §3)
 */
import { parse } from 'sdp-transform';
import { codecPreferences, normalizeRemoteDescription } from '../../../sdp';
import { parseReasonValues, type SipRequest, type SipResponse } from '../../message';
import type { InviteServerTransaction } from '../../transaction/invite-server-transaction';
import type { IncomingRequest } from '../incoming-request';
import type { CallControl } from './call-control';
import { dialogHeaders, type CallDeps } from './call-deps';
import type { CallDialog } from './call-dialog';
import type { CallEnd } from './call-types';
import { endForMediaFailure } from './end-causes';
import { answerOffer, offerDirection } from './hold';
import { requires100rel } from './reliable-provisional';
import { rejection } from './remote-reinvite';
import { sdpHeaders, sdpOf } from './sdp-body';
import { formatWarning } from './warning-header';

export class IncomingInvite {
  private readonly offer: string | undefined;
  private answering = false;

  constructor(
    private readonly control: CallControl,
    private readonly deps: CallDeps,
    private readonly incoming: IncomingRequest,
    private readonly callDialog: CallDialog,
    /** False for an INVITE that replaces one of our calls (RFC 3891): it is answered at once, without ringing. */
    private readonly ring = true,
  ) {
    this.offer = sdpOf(incoming.request);
  }

  private get transaction(): InviteServerTransaction {
    return this.incoming.transaction as InviteServerTransaction;
  }

  start(): void {
    if (this.control.state !== 'incoming') return; // declined from the incomingCall listener
    const transaction = this.transaction;
    transaction.on('cancel', (cancel) => this.cancelled(cancel));
    transaction.on('failure', (reason) => {
      if (reason === 'transport-error') this.control.finish({ originator: 'system', cause: 'transport-error', message: 'Connection to the server lost' });
    });
    if (this.offer !== undefined && !this.offerUsable(this.offer)) return;
    if (!this.ring) return;
    const ringing = this.response(180);
    if (requires100rel(this.incoming.request)) this.callDialog.reliableProvisionals.stamp(this.incoming.request, ringing, () => this.prackTimedOut());
    transaction.respond(ringing);
    if (this.offer !== undefined) void this.control.media.prepareAnswer(this.offer);
  }

  async answer(): Promise<void> {
    if (this.answering || this.control.state !== 'incoming') return;
    this.answering = true;
    const { control } = this;
    const local = this.offer !== undefined ? await answerOffer(control, this.offer) : await control.offerAnswer.createOffer(offerDirection(control.hold));
    if (control.state !== 'incoming') return; // cancelled or declined while the media worked
    if (!local.ok) {
      const [status, options] = rejection(local.failure, this.deps.viaHost, 480);
      this.incoming.reply(status, options);
      return control.finish(endForMediaFailure(local.failure));
    }
    // RFC 3262 §3: our 180 had no SDP, so the 200 need not wait for its PRACK.
    this.callDialog.reliableProvisionals.stop();
    this.callDialog.dialog.confirm();
    const ok = this.response(200, local.sdp);
    for (const [name, value] of control.sessionTimer.answerHeaders(this.incoming.request)) ok.append(name, value);
    this.callDialog.send2xx(this.incoming, ok, (ack) => void this.acknowledged(ack));
    control.established();
  }

  decline(status: 486 | 603): void {
    if (this.control.state !== 'incoming') return;
    this.incoming.reply(status);
    this.control.finish(
      status === 486
        ? { originator: 'local', cause: 'busy', status, reason: 'Busy Here', message: 'Rejected as busy' }
        : { originator: 'local', cause: 'declined', status, reason: 'Decline', message: 'Declined' },
    );
  }

  /** The call ended before we answered (a BYE in the early dialog, a failure): the INVITE still gets its final response. */
  dispose(): void {
    const state = this.transaction.state;
    if (!this.incoming.answered && state === 'proceeding') this.incoming.reply(487);
  }

  /**
   * Checks the far end's offer against the codecs the profile and the browser allow, before the
   * phone rings: with nothing in common the answer is 488 with a Warning naming what they offered.
   */
  private offerUsable(offer: string): boolean {
    const { engine, options } = this.deps.media;
    const capabilities = codecPreferences(engine.capabilities(), { profile: options.profile, comfortNoise: options.comfortNoise ?? false });
    const checked = normalizeRemoteDescription(parse(offer), { role: 'offer', capabilities });
    if (checked.ok) return true;
    this.incoming.reply(488, { headers: [['Warning', formatWarning(checked.warning, this.deps.viaHost, checked.reason)]] });
    this.control.finish({ originator: 'system', cause: 'no-common-codec', status: 488, reason: 'Not Acceptable Here', message: checked.reason });
    return false;
  }

  /** A 1xx or 2xx that forms the dialog (§12.1.1): Record-Route copied, our Contact. */
  private response(status: 180 | 200, sdp?: string): SipResponse {
    const recordRoute = this.incoming.request.getLines('Record-Route').map((value): [string, string] => ['Record-Route', value]);
    return this.incoming.createResponse(status, {
      headers: [...recordRoute, ...dialogHeaders(this.deps), ...sdpHeaders(sdp)],
      ...(sdp === undefined ? {} : { body: sdp }),
    });
  }

  private prackTimedOut(): void {
    if (this.control.state !== 'incoming') return;
    this.incoming.reply(500, { reason: 'Provisional Response Not Acknowledged' });
    this.control.finish({ originator: 'system', cause: 'failed', message: 'Call failed: the caller never acknowledged our ringing (no PRACK)' });
  }

  private cancelled(cancel: SipRequest): void {
    if (this.control.state !== 'incoming') return;
    this.incoming.reply(487);
    this.control.finish(cancelEnd(cancel));
  }

  /** The ACK of our 200: for a delayed offer it carries the far end's answer (§13.3.1.4). */
  private async acknowledged(ack: SipRequest): Promise<void> {
    if (this.offer !== undefined) return;
    const answer = sdpOf(ack);
    if (answer === undefined) {
      await this.control.offerAnswer.cancelOffer();
      return this.callDialog.bye({ originator: 'remote', cause: 'failed', message: 'Call failed: the caller sent no SDP answer in its ACK' });
    }
    const applied = await this.control.offerAnswer.receiveAnswer(answer);
    if (!applied.ok) this.callDialog.bye(endForMediaFailure(applied.failure));
  }
}

/** RFC 3326: "Reason: SIP;cause=200" on a CANCEL says another phone of ours took the call (forking). */
function cancelEnd(cancel: SipRequest): CallEnd {
  let elsewhere = false;
  try {
    elsewhere = parseReasonValues(cancel.getLines('Reason')).some((r) => r.protocol.toUpperCase() === 'SIP' && r.cause === 200);
  } catch {
    elsewhere = false;
  }
  return elsewhere
    ? { originator: 'remote', cause: 'answered-elsewhere', message: 'Answered elsewhere' }
    : { originator: 'remote', cause: 'cancelled', message: 'Missed call: the caller hung up' };
}
