import { parse } from 'sdp-transform';
import { holdOfferDirection, isHeldByRemote, resumeOfferDirection } from '../../../sdp';
import type { MediaDirection, SdpResult } from '../../media-port';
import type { CallControl } from './call-control';
import type { HoldState } from './call-types';

/**
 * Hold by offer/answer (RFC 3264 §8.4, RFC 6337 §5, SIPconnect 2.0 §14.10): the directions we
 * offer and answer with, and reading the far end's hold from its offers.
 */

/** What we offer in any offer of ours: sendonly/inactive while we hold, else sendrecv/recvonly. */
export function offerDirection(hold: HoldState): MediaDirection {
  return hold.local ? holdOfferDirection(hold.remote) : resumeOfferDirection(hold.remote);
}

/** What we are willing to do when answering; the media engine narrows it to what the offer allows (RFC 3264 §6.1). */
export function answerDirection(hold: HoldState): MediaDirection {
  return hold.local ? 'sendonly' : 'sendrecv';
}

/** Answers a remote offer (INVITE, re-INVITE, UPDATE, delayed-offer 2xx) and records whether it holds us. */
export async function answerOffer(control: CallControl, offer: string): Promise<SdpResult> {
  control.offerAnswer.receiveOffer(offer);
  const answer = await control.offerAnswer.createAnswer(answerDirection(control.hold));
  if (answer.ok) control.setHold({ remote: isHeldByRemote(parse(offer)) });
  return answer;
}
