import type { MediaDescription, SessionDescription } from 'sdp-transform';
import { cloneSession } from './clone';

/**
 * Media direction and hold (RFC 3264 §5.1, §6.1, §8.4; RFC 6337 §5; SIPconnect 2.0 §14.10).
 * Directions are always from the point of view of the side that wrote the SDP.
 */

export type Direction = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

interface Flow {
  send: boolean;
  recv: boolean;
}

function flow(direction: Direction): Flow {
  return {
    send: direction === 'sendrecv' || direction === 'sendonly',
    recv: direction === 'sendrecv' || direction === 'recvonly',
  };
}

function direction({ send, recv }: Flow): Direction {
  if (send && recv) return 'sendrecv';
  if (send) return 'sendonly';
  if (recv) return 'recvonly';
  return 'inactive';
}

/**
 * The direction the writer declared for an m= line: its own a= attribute, else the session-level
 * one, else sendrecv (RFC 3264 §5.1).
 */
export function declaredDirection(session: SessionDescription, media: MediaDescription): Direction {
  return media.direction ?? session.direction ?? 'sendrecv';
}

/**
 * True when the m= line's connection address is 0.0.0.0: the RFC 2543 way of saying "do not send
 * to me" (RFC 3264 §8.4; SIPconnect 2.0 §14.10 asks us to accept it from older peers). The media
 * c= line overrides the session one. Only IPv4 had this convention.
 */
export function hasNullConnection(session: SessionDescription, media: MediaDescription): boolean {
  const connection = media.connection ?? session.connection;
  return connection !== undefined && Number(connection.version) === 4 && connection.ip === '0.0.0.0';
}

/**
 * What the far end really asks for on an m= line: its declared direction, minus receiving when it
 * used c=0.0.0.0 (so sendrecv reads as sendonly and recvonly as inactive, RFC 6337 §5.3).
 */
export function remoteDirection(session: SessionDescription, media: MediaDescription): Direction {
  const declared = flow(declaredDirection(session, media));
  if (hasNullConnection(session, media)) declared.recv = false;
  return direction(declared);
}

/** The first audio m= line that is not disabled (port 0): the one that carries the call. */
export function activeAudio(session: SessionDescription): MediaDescription | undefined {
  return session.media.find((m) => m.type === 'audio' && m.port !== 0);
}

/**
 * True when a remote offer puts us on hold: the far end does not want to receive our audio
 * (a=sendonly, a=inactive, or c=0.0.0.0). Only offers express hold; an answer of "inactive" to our
 * own hold is a reply, not a hold by the far end.
 */
export function isHeldByRemote(remoteOffer: SessionDescription): boolean {
  const audio = activeAudio(remoteOffer);
  return audio !== undefined && !flow(remoteDirection(remoteOffer, audio)).recv;
}

/**
 * Our offer direction to put the call on hold (SIPconnect 2.0 §14.10, RFC 6337 §5.1): sendonly
 * (or inactive, which §14.10 recommends when we play no music on hold), and inactive whenever the
 * far end already holds us, since it does not want our media either.
 */
export function holdOfferDirection(heldByRemote: boolean, style: 'sendonly' | 'inactive' = 'sendonly'): Direction {
  return heldByRemote ? 'inactive' : style;
}

/** Our offer direction to take the call off hold: sendrecv, or recvonly while the far end still holds us. */
export function resumeOfferDirection(heldByRemote: boolean): Direction {
  return heldByRemote ? 'recvonly' : 'sendrecv';
}

/**
 * Our answer direction for an offered one (RFC 3264 §6.1): the mirror image (sendonly ↔ recvonly,
 * sendrecv and inactive unchanged), limited to sendonly while we hold the call (RFC 6337 §5.2).
 */
export function answerDirection(offered: Direction, localHold: boolean): Direction {
  const theirs = flow(offered);
  return direction({ send: theirs.recv, recv: theirs.send && !localHold });
}

/**
 * A copy with `dir` on every active audio m= line and no session-level direction (which would
 * otherwise keep applying to lines without their own attribute).
 */
export function withAudioDirection(session: SessionDescription, dir: Direction): SessionDescription {
  const copy = cloneSession(session);
  for (const media of copy.media) {
    if (media.type === 'audio' && media.port !== 0) media.direction = dir;
    else if (media.direction === undefined && copy.direction !== undefined) media.direction = copy.direction;
  }
  delete copy.direction;
  return copy;
}
