/*
 * SDP offer/answer for one call (RFC 3264, RFC 6337): at most one offer outstanding, from
 * either side. The session asks this machine before it starts an exchange, so a re-INVITE that
 * would cross ours is refused with 491 rather than confusing the media engine.
 *
 *                   createOffer()                    receiveAnswer() (final)
 *        stable ------------------> have-local-offer -------------------------> stable
 *          |  ^                        |  receiveAnswer(provisional): stays     ^
 *          |  |                        +-- cancelOffer() / offer failed --------+
 *          |  |
 *          |  +---- createAnswer() (answer made or failed) / rejectOffer() ----+
 *          |                                                                    |
 *          +---- receiveOffer() --------------------------> have-remote-offer --+
 *
 * Delayed offer is the same machine with the carriers swapped: our offer goes in a 2xx and the
 * answer arrives in the ACK (RFC 3261 §13.2.1, SIPconnect 2.0 §14.1).
 */
import type { MediaDirection, MediaResult, MediaSession, SdpResult } from '../../media-port';
import { checkTransition, type StateTable } from '../../transaction/state-table';

export type OfferAnswerState = 'stable' | 'have-local-offer' | 'have-remote-offer';

const TRANSITIONS: StateTable<OfferAnswerState> = {
  stable: ['have-local-offer', 'have-remote-offer'],
  'have-local-offer': ['stable'],
  'have-remote-offer': ['stable'],
};

export class OfferAnswer {
  #current: OfferAnswerState = 'stable';
  #remoteOffer: string | undefined;
  #lastRemote: string | undefined;
  readonly #media: MediaSession;

  constructor(media: MediaSession) {
    this.#media = media;
  }

  get state(): OfferAnswerState {
    return this.#current;
  }

  /** The far end's last offer or answer applied (the SDP of the current session). */
  get remoteDescription(): string | undefined {
    return this.#lastRemote;
  }

  /** Our offer; the state is have-local-offer from the call on, so a crossing offer sees it at once. */
  async createOffer(direction: MediaDirection): Promise<SdpResult> {
    this.#transition('have-local-offer');
    const offer = await this.#media.createOffer({ direction });
    if (!offer.ok && this.#current === 'have-local-offer') this.#transition('stable');
    return offer;
  }

  /** The far end's answer to our offer; a provisional one (in a 18x) leaves our offer outstanding. */
  async receiveAnswer(sdp: string, options: { provisional?: boolean } = {}): Promise<MediaResult> {
    if (this.#current !== 'have-local-offer') throw new Error(`offer/answer: an answer needs our offer outstanding, state is ${this.#current}`);
    if (!options.provisional) this.#transition('stable');
    const applied = await this.#media.setRemoteAnswer(sdp, options);
    if (applied.ok) this.#lastRemote = sdp;
    return applied;
  }

  /** Our offer was refused (non-2xx, 491) or never answered: the media goes back to what it was. */
  async cancelOffer(): Promise<MediaResult> {
    if (this.#current === 'have-local-offer') this.#transition('stable');
    return this.#media.cancelOffer();
  }

  /** The far end offers; answer it with createAnswer() or refuse it with rejectOffer(). */
  receiveOffer(sdp: string): void {
    this.#transition('have-remote-offer');
    this.#remoteOffer = sdp;
  }

  /** Our answer to the pending remote offer. Either way the exchange is over: a failure is answered with an error response. */
  async createAnswer(direction: MediaDirection): Promise<SdpResult> {
    const offer = this.#remoteOffer;
    if (this.#current !== 'have-remote-offer' || offer === undefined) throw new Error(`offer/answer: no remote offer to answer, state is ${this.#current}`);
    const answer = await this.#media.createAnswer(offer, { direction });
    this.#settleRemoteOffer();
    if (answer.ok) this.#lastRemote = offer;
    return answer;
  }

  /** The pending remote offer is refused without asking the media (488 before ringing, 491, call over). */
  rejectOffer(): void {
    if (this.#current === 'have-remote-offer') this.#settleRemoteOffer();
  }

  #settleRemoteOffer(): void {
    this.#remoteOffer = undefined;
    if (this.#current === 'have-remote-offer') this.#transition('stable');
  }

  #transition(to: OfferAnswerState): void {
    checkTransition(TRANSITIONS, 'offer/answer', this.#current, to);
    this.#current = to;
  }
}
