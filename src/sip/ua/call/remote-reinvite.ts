import type { MediaFailure, SdpResult } from '../../media-port';
import type { SipRequest } from '../../message';
import type { Random } from '../../ports';
import type { IncomingRequest } from '../incoming-request';
import type { CallControl } from './call-control';
import { dialogHeaders, type CallDeps } from './call-deps';
import type { CallDialog } from './call-dialog';
import { answerOffer, offerDirection } from './hold';
import { hasForeignBody, SDP_CONTENT_TYPE, sdpOf } from './sdp-body';
import { intervalTooSmall, MIN_SE } from './session-timer';
import { formatWarning } from './warning-header';

/**
 * Offers and target refreshes the far end sends inside the call (RFC 3261 §14.2, RFC 3311):
 * a re-INVITE with SDP is answered in the 200; one without SDP gets our offer in the 200 and
 * its answer in the ACK; an UPDATE is answered in its 200. An offer with an unchanged o= version
 * still gets a full answer (SIPconnect 2.0 §14.1) — the media engine answers it like any other,
 * and our o= version stays put when our answer is the same as before.
 */
export class RemoteReinvite {
  /** A re-INVITE or UPDATE of theirs is being answered (or its 2xx awaits the ACK). */
  #pending = false;
  readonly #owner: CallDialog;
  readonly #control: CallControl;
  readonly #deps: CallDeps;

  constructor(
    owner: CallDialog,
    control: CallControl,
    deps: CallDeps,
  ) {
    this.#owner = owner;
    this.#control = control;
    this.#deps = deps;
  }

  get busy(): boolean {
    return this.#pending;
  }

  invite(incoming: IncomingRequest): void {
    const { request } = incoming;
    // §14.2: an INVITE while another is still open in either direction.
    if (this.#pending || this.#control.state !== 'established') return this.#retryLater(incoming);
    if (this.#glare()) return void incoming.reply(491);
    if (hasForeignBody(request)) return void incoming.reply(415, { headers: [['Accept', SDP_CONTENT_TYPE]] });
    if (this.#refusedInterval(incoming)) return;
    this.#owner.dialog.refreshTarget(request);
    this.#pending = true;
    void this.#answerInvite(incoming, sdpOf(request));
  }

  /** RFC 3311: UPDATE without SDP only refreshes the target; with SDP it is an offer answered in its 200. */
  update(incoming: IncomingRequest): void {
    const { request } = incoming;
    const offer = sdpOf(request);
    if (hasForeignBody(request)) return void incoming.reply(415, { headers: [['Accept', SDP_CONTENT_TYPE]] });
    if (offer !== undefined) {
      // RFC 3311 §5.2: an offer while one of ours is open is glare; while we owe an answer, come back later.
      if (this.#glare()) return void incoming.reply(491);
      if (this.#pending || this.#control.state !== 'established') return this.#retryLater(incoming);
    }
    if (this.#refusedInterval(incoming)) return;
    this.#owner.dialog.refreshTarget(request);
    if (offer === undefined) return void incoming.reply(200, { headers: this.#answerHeaders(request) });
    this.#pending = true;
    void this.#answerUpdate(incoming, offer);
  }

  /** RFC 4028 §9: a session interval below our Min-SE gets a 422 naming it. */
  #refusedInterval(incoming: IncomingRequest): boolean {
    if (!this.#control.sessionTimer.enabled) return false;
    const minSe = intervalTooSmall(incoming.request, MIN_SE);
    if (minSe === undefined) return false;
    incoming.reply(422, { headers: [['Min-SE', String(minSe)]] });
    return true;
  }

  /**
   * Contact, Allow, Supported, and in the call (not an early dialog) the session timer: a
   * re-INVITE or UPDATE of theirs refreshes the session (RFC 4028 §9).
   */
  #answerHeaders(request: SipRequest): [string, string][] {
    const timer = this.#control.state === 'established' ? this.#control.sessionTimer.answerHeaders(request) : [];
    return [...dialogHeaders(this.#deps), ...timer];
  }

  /** §14.2: their offer crosses one of ours. */
  #glare(): boolean {
    return this.#owner.localReinvites.outstanding || this.#control.offerAnswer.state !== 'stable';
  }

  /** §14.2: 500 with a Retry-After of 0 to 10 s. */
  #retryLater(incoming: IncomingRequest): void {
    incoming.reply(500, { headers: [['Retry-After', String(retryAfterSeconds(this.#deps.random))]] });
  }

  async #answerInvite(incoming: IncomingRequest, offer: string | undefined): Promise<void> {
    const { offerAnswer } = this.#control;
    const local = offer !== undefined ? await answerOffer(this.#control, offer) : await offerAnswer.createOffer(offerDirection(this.#control.hold));
    if (!this.#replyable(incoming, local)) return;
    const response = incoming.createResponse(200, {
      headers: [...this.#answerHeaders(incoming.request), ['Content-Type', SDP_CONTENT_TYPE]],
      body: local.sdp,
    });
    this.#owner.send2xx(incoming, response, (ack) => {
      this.#pending = false;
      if (offer === undefined) void this.#answerInAck(ack);
    });
  }

  async #answerUpdate(incoming: IncomingRequest, offer: string): Promise<void> {
    const answer = await answerOffer(this.#control, offer);
    if (!this.#replyable(incoming, answer)) return;
    this.#pending = false;
    incoming.reply(200, { headers: [...this.#answerHeaders(incoming.request), ['Content-Type', SDP_CONTENT_TYPE]], body: answer.sdp });
  }

  /** After the media had its say: false (and the request answered) when there is nothing to send in a 200. */
  #replyable(incoming: IncomingRequest, local: SdpResult): local is SdpResult & { ok: true } {
    if (this.#control.state === 'ended') {
      this.#pending = false;
      if (!incoming.answered) incoming.reply(487);
      return false;
    }
    if (local.ok) return true;
    this.#pending = false;
    // §14.2: the session goes on unchanged after a refused offer.
    incoming.reply(...rejection(local.failure, this.#deps.viaHost));
    return false;
  }

  /** Their answer to the offer we put in our 200; without one our offer lapses (RFC 3261 §13.3.1.4 requires it). */
  async #answerInAck(ack: SipRequest): Promise<void> {
    const answer = sdpOf(ack);
    if (answer === undefined) {
      this.#deps.logger.log('warn', 'call: the ACK to our re-INVITE offer has no answer; keeping the previous media');
      await this.#control.offerAnswer.cancelOffer();
      return;
    }
    const applied = await this.#control.offerAnswer.receiveAnswer(answer);
    if (!applied.ok) this.#deps.logger.log('warn', `call: the answer in the ACK was not usable: ${applied.failure.message}`);
  }
}

/**
 * The error response for an offer the media could not answer: 488 with a Warning (§20.43) when
 * the SDP was the problem, else `otherwise` (500 in a call, 480 for a new call whose microphone failed).
 */
export function rejection(failure: MediaFailure, agent: string, otherwise = 500): [number, { headers?: [string, string][] }] {
  if (failure.code === 'no-common-codec' || failure.code === 'no-audio-stream') {
    const code = failure.warning ?? (failure.code === 'no-audio-stream' ? 304 : 305);
    return [488, { headers: [['Warning', formatWarning(code, agent, failure.message)]] }];
  }
  return [otherwise, {}];
}

function retryAfterSeconds(random: Random): number {
  return random.bytes(1)[0]! % 11;
}
