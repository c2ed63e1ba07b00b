/*
 * Our initial INVITE (RFC 3261 §13.2) and everything that answers it, up to the ACK.
 *
 *   start(): offer made (or none: delayed offer) → INVITE sent
 *     401/407: the same INVITE again with credentials, CSeq + 1 (§22.2), once unless the nonce was stale
 *     422: the same INVITE again with the longer session interval it asks for (RFC 4028 §7.4), once
 *     1xx: CANCEL allowed now (§9.1); 18x: progress, early media (SDP) or local ringback (180 without SDP);
 *          a reliable one (Require: 100rel) is PRACKed first, a repeat of it ignored (RFC 3262 §4)
 *     2xx: dialog confirmed, ACK (§13.2.2.4), session timer per its Session-Expires (RFC 4028 §7.2);
 *          its retransmissions re-ACKed; a 2xx from another fork after ours: ACK and BYE it
 *     300-303: a new INVITE to the best Contact not tried yet (§8.1.3.4), at most MAX_REDIRECTS times;
 *              a redirected attempt that fails (3xx-5xx, Timer B) moves on to the next address
 *     300-699, Timer B, transport error: the call ends with the cause for that response
 *
 *   cancel(): before the INVITE is out, the call just ends; before any provisional response the
 *   CANCEL waits for one (§9.1); a 200 that crosses our CANCEL is ACKed and then BYEd. It always
 *   cancels the INVITE on the wire, after a redirect the one to the new address.
 */
import type { DigestAuthorization } from '../../auth';
import { Dialog } from '../../dialog/dialog';
import { initialCseq } from '../../dialog/cseq-number';
import { NameAddr, type SipRequest, type SipResponse, type SipUri } from '../../message';
import { randomToken } from '../../ports';
import type { ResponseSource } from '../../transaction/client-transaction';
import { createCancel } from '../../transaction/hop-by-hop-requests';
import { TimerSlots } from '../../transaction/timer-slots';
import { TIMER_B } from '../../transaction/timers';
import type { CallControl } from './call-control';
import type { CallDeps } from './call-deps';
import type { CallDialog } from './call-dialog';
import type { CallEnd } from './call-types';
import { answerChallenge, credentialsOf, isChallenge } from './digest-retry';
import { endForMediaFailure, endForRedirect, endForRedirectNowhere, endForResponse, endForTooManyRedirects, LOCAL_CANCEL } from './end-causes';
import { EarlyDialogs } from './early-dialogs';
import { answerOffer } from './hold';
import { isFollowedRedirect, redirectContacts } from './redirect-contacts';
import { MAX_REDIRECTS, RedirectTargets } from './redirect-targets';
import { requires100rel } from './reliable-provisional';
import { partyOf, remotePartyOf } from './remote-party';
import { sdpHeaders, sdpOf } from './sdp-body';

const NO_ANSWER_SDP: CallEnd = { originator: 'remote', cause: 'failed', message: 'Call failed: the far end answered without SDP' };
const WRONG_CREDENTIALS: CallEnd = { originator: 'system', cause: 'failed', message: 'Call refused: wrong user name or password' };

export class OutgoingInvite {
  readonly #callId: string;
  readonly #fromTag: string;
  /** Our offer in the INVITE; undefined for a delayed offer. */
  #offer: string | undefined;
  #invite: SipRequest | undefined;
  /** A provisional response arrived for the INVITE on the wire: a CANCEL may go (§9.1). */
  #provisional = false;
  /** A 18x arrived: a later 408 means nobody answered. */
  #rang = false;
  #cancelWanted = false;
  #cancelSent = false;
  #authRetries = 0;
  #intervalRaised = false;
  readonly #early: EarlyDialogs;
  /** SDP of each early dialog's 18x, by remote tag: the answer when its 2xx has none. */
  readonly #earlyAnswers = new Map<string, string>();
  #lastEarlyAnswer: string | undefined;
  /** The dialog our call runs on, once a 2xx came, and the ACK sent for that 2xx. */
  #answered: { remoteTag: string; ack: SipRequest | undefined } | undefined;
  /** ACKs for 2xx from other forks, which we hang up at once, by remote tag. */
  readonly #strays = new Map<string, SipRequest>();
  readonly #slots: TimerSlots<'cancel-wait'>;
  /** What was dialled: the To of every attempt. */
  readonly #dialled: SipUri;
  /** The Request-URI of the current attempt: what was dialled, or where a 3xx sent us. */
  #target: SipUri;
  readonly #redirects: RedirectTargets;
  readonly #extraHeaders: [string, string][];
  readonly #attach: (dialog: Dialog) => CallDialog;
  readonly #control: CallControl;
  readonly #deps: CallDeps;

  constructor(
    control: CallControl,
    deps: CallDeps,
    target: SipUri,
    extraHeaders: [string, string][],
    /** The 2xx created the call's dialog: the session attaches its dialog usage. */
    attach: (dialog: Dialog) => CallDialog,
  ) {
    this.#control = control;
    this.#deps = deps;
    this.#dialled = target;
    this.#target = target;
    this.#redirects = new RedirectTargets(target);
    this.#extraHeaders = extraHeaders;
    this.#attach = attach;
    this.#callId = randomToken(deps.random, 16);
    this.#fromTag = randomToken(deps.random, 8);
    this.#slots = new TimerSlots(deps.timers);
    this.#early = new EarlyDialogs(deps);
  }

  async start(): Promise<void> {
    const control = this.#control;
    const deps = this.#deps;
    if (deps.media.delayedOffer) {
      // The microphone opens while the far end rings; the offer comes in its 2xx.
      void control.media.prepare();
    } else {
      const offer = await control.offerAnswer.createOffer('sendrecv');
      if (control.state === 'ended') return;
      if (!offer.ok) return control.finish(endForMediaFailure(offer.failure));
      this.#offer = offer.sdp;
    }
    if (this.#cancelWanted) return control.finish(LOCAL_CANCEL);
    const uri = this.#target.toString();
    this.#send(this.#build(initialCseq(deps.random), deps.digest?.authorizeCached('INVITE', uri, this.#offer ?? '')));
  }

  /** Whether `callId`, `localTag`, `remoteTag` name one of this INVITE's early dialogs (RFC 3891 §3). */
  matchesEarly(callId: string, localTag: string, remoteTag: string): boolean {
    return callId === this.#callId && localTag === this.#fromTag && this.#answered === undefined && this.#early.has(remoteTag);
  }

  /** hangup() before the call is up. */
  cancel(): void {
    this.#cancelWanted = true;
    if (!this.#invite) return this.#control.finish(LOCAL_CANCEL);
    this.#control.terminating(LOCAL_CANCEL);
    if (this.#provisional && !this.#answered) this.#sendCancel();
  }

  dispose(): void {
    this.#slots.clearAll();
    this.#early.dispose();
  }

  #build(cseq: number, authorization: DigestAuthorization | undefined): SipRequest {
    const request = this.#deps.factory.create('INVITE', this.#target, {
      to: new NameAddr(this.#dialled.clone()),
      callId: this.#callId,
      fromTag: this.#fromTag,
      cseq,
      headers: [...this.#extraHeaders, ...this.#control.sessionTimer.requestHeaders(), ...sdpHeaders(this.#offer)],
      body: this.#offer ?? '',
    });
    if (authorization) request.append(authorization.header, authorization.value);
    return request;
  }

  #send(request: SipRequest): void {
    this.#invite = request;
    this.#provisional = false;
    this.#deps.sender.send(request, (response, source) => this.#receive(request, response, source));
  }

  #receive(request: SipRequest, response: SipResponse, source: ResponseSource): void {
    const { status } = response;
    if (status >= 200 && status < 300) return this.#accepted(request, response);
    // Responses to an attempt we replaced (after a challenge) no longer matter.
    if (request !== this.#invite || this.#control.state === 'ended') return;
    if (status < 200) return this.#provisionalResponse(request, response);
    this.#slots.clearAll();
    if (source === 'network' && isChallenge(response) && !this.#cancelWanted) return this.#challenged(request, response);
    if (source === 'network' && status === 422 && !this.#cancelWanted && !this.#intervalRaised && this.#control.sessionTimer.tooSmall(response)) {
      this.#intervalRaised = true;
      return this.#send(this.#build(request.cseq.seq + 1, this.#deps.digest?.authorizeCached('INVITE', request.uri.toString(), this.#offer ?? '')));
    }
    this.#failed(request, response, source);
  }

  /** A final failure: a 3xx adds addresses to try (§8.1.3.4); a redirected attempt's failure moves on to the next one. */
  #failed(request: SipRequest, response: SipResponse, source: ResponseSource): void {
    const control = this.#control;
    const end = endForResponse(response, source, this.#rang);
    if (this.#cancelWanted || source === 'transport-error') return control.finish(end);
    const targets = this.#redirects;
    const redirect = source === 'network' && isFollowedRedirect(response.status);
    const contacts = redirect ? redirectContacts(response, this.#deps.identity.aor) : [];
    // A 6xx is the callee's own answer for every address (§21.6), so it ends a redirected call too.
    if (!redirect && (!targets.redirected || response.status >= 600)) return control.finish(end);
    targets.add(contacts);
    const next = targets.next();
    if (next) return this.#redirectTo(next, request, response);
    if (targets.limitReached) return control.finish(endForTooManyRedirects(response, source, MAX_REDIRECTS));
    if (!redirect) return control.finish(endForRedirect(end, this.#target.toString()));
    // Every address of this 3xx was tried already (a loop), or it named none we can call.
    const first = contacts[0];
    control.finish(first ? endForRedirect(end, first.toString()) : endForRedirectNowhere(response));
  }

  /** §8.1.3.4: a new INVITE transaction to `uri` with the same Call-ID, From tag, To and offer, and the next CSeq. */
  #redirectTo(uri: SipUri, request: SipRequest, response: SipResponse): void {
    this.#deps.logger.log('info', `call: ${response.status} ${response.reason}, trying ${uri.toString()}`);
    this.#target = uri;
    // The final response ended the last attempt's early dialogs, and with them its early media and ringing.
    this.#early.dispose();
    this.#earlyAnswers.clear();
    this.#lastEarlyAnswer = undefined;
    this.#rang = false;
    // Each address may need its own challenge and session interval.
    this.#authRetries = 0;
    this.#intervalRaised = false;
    const control = this.#control;
    control.ringback(false);
    control.setRemote(partyOf(new NameAddr(uri.clone())));
    control.progress(response.status, response.reason);
    this.#send(this.#build(request.cseq.seq + 1, this.#deps.digest?.authorizeCached('INVITE', uri.toString(), this.#offer ?? '')));
  }

  #provisionalResponse(request: SipRequest, response: SipResponse): void {
    this.#provisional = true;
    if (this.#cancelWanted) {
      if (!this.#cancelSent) this.#sendCancel();
      return;
    }
    if (response.status === 100) return;
    this.#early.track(request, response);
    if (requires100rel(response) && !this.#early.reliable(request, response)) return;
    this.#rang = true;
    const control = this.#control;
    if (response.has('P-Asserted-Identity')) control.setRemote(remotePartyOf(response, new NameAddr(this.#target)));
    control.early();
    control.progress(response.status, response.reason);
    const sdp = sdpOf(response);
    const tag = response.to.tag;
    if (sdp !== undefined && this.#offer !== undefined && tag !== undefined) {
      // Early media: the 18x carries the answer to our offer, provisionally (a 2xx may still change it).
      this.#earlyAnswers.set(tag, sdp);
      control.ringback(false);
      if (sdp !== this.#lastEarlyAnswer) {
        this.#lastEarlyAnswer = sdp;
        void control.offerAnswer.receiveAnswer(sdp, { provisional: true }).then((applied) => {
          if (!applied.ok) this.#deps.logger.log('warn', `call: early media SDP not usable: ${applied.failure.message}`);
        });
      }
    } else if (response.status === 180 && this.#lastEarlyAnswer === undefined) {
      // SIPconnect 2.0 §14.9: a 180 without SDP means we play the ringback ourselves.
      control.ringback(true);
    }
  }

  #challenged(request: SipRequest, response: SipResponse): void {
    const answer = answerChallenge(this.#deps.digest, request, response);
    if (!answer.ok) return this.#control.finish({ ...failedWith(response), message: `Call refused: ${answer.reason}` });
    // A stale nonce says the credentials were right (RFC 7616 §3.3): not a failed attempt.
    if (!answer.stale && ++this.#authRetries > 1) return this.#control.finish({ ...WRONG_CREDENTIALS, status: response.status, reason: response.reason });
    this.#send(this.#build(request.cseq.seq + 1, answer.authorization));
  }

  #sendCancel(): void {
    const invite = this.#invite;
    if (!invite) return;
    this.#cancelSent = true;
    // The CANCEL shares the INVITE's branch (§9.1), so it goes straight to the transaction layer.
    this.#deps.transactions.sendRequest(createCancel(invite), () => undefined);
    // §9.1: a UAS that never answers the cancelled INVITE: give up after 64·T1.
    this.#slots.start('cancel-wait', TIMER_B, () => this.#control.finish(LOCAL_CANCEL));
  }

  #accepted(request: SipRequest, response: SipResponse): void {
    const tag = response.to.tag ?? '';
    if (this.#answered) {
      if (tag === this.#answered.remoteTag) {
        // A retransmission: our ACK was lost or is still on its way (§13.2.2.4).
        if (this.#answered.ack) this.#deps.send(this.#answered.ack.toString());
        return;
      }
      return this.#hangUpStray(request, response, tag);
    }
    if (this.#control.state === 'ended') return this.#hangUpStray(request, response, tag);
    const dialog = this.#early.confirm(tag, response) ?? Dialog.asUac(request, response, this.#deps.random);
    if (!dialog) {
      this.#deps.logger.log('warn', 'call: a 2xx without To tag or Contact cannot be acknowledged');
      return this.#control.finish({ ...failedWith(response), message: 'Call failed: the far end answered with an unusable 2xx' });
    }
    this.#answered = { remoteTag: tag, ack: undefined };
    this.#slots.clearAll();
    const callDialog = this.#attach(dialog);
    this.#control.sessionTimer.responded(response);
    if (response.has('P-Asserted-Identity')) this.#control.setRemote(remotePartyOf(response, new NameAddr(this.#target)));
    if (this.#offer !== undefined) this.#acceptAnswer(callDialog, request, response, tag);
    else void this.#answerOfferIn2xx(callDialog, request, response);
  }

  /** Early offer: the 2xx (or the 18x of that dialog) has the answer; ACK at once. */
  #acceptAnswer(callDialog: CallDialog, request: SipRequest, response: SipResponse, tag: string): void {
    const control = this.#control;
    this.#sendAck(callDialog, request, undefined);
    const answer = sdpOf(response) ?? this.#earlyAnswers.get(tag);
    // The answer goes to the media before the events below, so the browser applies it (and media
    // starts) while their listeners redraw the call; a 487/200 race (§15) leaves it to the BYE.
    const applied = answer !== undefined && !this.#cancelWanted ? control.offerAnswer.receiveAnswer(answer) : undefined;
    control.ringback(false);
    if (this.#cancelWanted) return callDialog.bye(LOCAL_CANCEL);
    control.established();
    if (!applied) return callDialog.bye(NO_ANSWER_SDP);
    void applied.then((result) => {
      if (!result.ok) callDialog.bye(endForMediaFailure(result.failure));
    });
  }

  /** Delayed offer: the 2xx has the far end's offer and our answer goes in the ACK (§13.2.2.4). */
  async #answerOfferIn2xx(callDialog: CallDialog, request: SipRequest, response: SipResponse): Promise<void> {
    const control = this.#control;
    control.ringback(false);
    const offer = sdpOf(response);
    if (offer === undefined) {
      this.#sendAck(callDialog, request, undefined);
      return callDialog.bye({ originator: 'remote', cause: 'failed', message: 'Call failed: the far end offered no SDP in its 2xx' });
    }
    const answer = await answerOffer(control, offer);
    // §13.2.2.4: even an unusable offer is ACKed (with what we have) before the BYE.
    this.#sendAck(callDialog, request, answer.ok ? answer.sdp : undefined);
    if (this.#cancelWanted || control.state === 'ended') return callDialog.bye(LOCAL_CANCEL);
    if (!answer.ok) return callDialog.bye(endForMediaFailure(answer.failure));
    control.established();
  }

  #sendAck(callDialog: CallDialog, request: SipRequest, sdp: string | undefined): void {
    const headers = [...credentialsOf(request), ...sdpHeaders(sdp)];
    const ack = callDialog.dialog.createAck(request.cseq.seq, { headers, body: sdp ?? '' });
    if (this.#answered) this.#answered.ack = ack;
    this.#deps.sender.sendAck(ack);
  }

  /** §13.2.2.4: a 2xx we do not want (another fork, or after the call ended) is ACKed and then BYEd. */
  #hangUpStray(request: SipRequest, response: SipResponse, tag: string): void {
    const sent = this.#strays.get(tag);
    if (sent) {
      this.#deps.send(sent.toString());
      return;
    }
    const dialog = this.#early.confirm(tag, response) ?? Dialog.asUac(request, response, this.#deps.random);
    if (!dialog) return;
    const ack = dialog.createAck(request.cseq.seq, { headers: credentialsOf(request) });
    this.#strays.set(tag, ack);
    this.#deps.sender.sendAck(ack);
    const bye = dialog.createRequest('BYE', { headers: [['User-Agent', this.#deps.identity.userAgent]] });
    this.#deps.sender.send(bye, () => undefined);
  }
}

function failedWith(response: SipResponse): CallEnd {
  return { originator: 'system', cause: 'failed', status: response.status, reason: response.reason, message: '' };
}
