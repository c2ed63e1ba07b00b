import type { MediaDescription, SessionDescription } from 'sdp-transform';
import { cloneSession } from './clone';

/**
 * Rejecting offered streams. An answer has exactly as many m= lines as the offer, and a stream
 * we do not take is answered with port 0 (RFC 3264 §6). The browser never sees those streams
 * (normalizeRemoteDescription removes them), so its answer is short of them and applyRejections
 * puts them back in their places.
 */

export type RejectionReason =
  /** Video offered in an audio call. */
  | 'video'
  /** A stream we cannot carry at all: image (T.38), application, text, non-RTP audio. */
  | 'unsupported-media'
  /** An audio stream none of whose codecs we have, while another audio stream is usable. */
  | 'no-common-codec';

export interface RejectedMedia {
  /** Position of the m= line in the remote offer. */
  index: number;
  reason: RejectionReason;
  /** What was offered, for logs: "video (H.261, H.263)", "T.38 fax". */
  description: string;
}

/**
 * The answer's m= line for an offered stream we reject: same media and transport, port 0, one
 * format (SDP needs at least one; RFC 3264 §6 says it is ignored), the mid kept so the answer
 * still names the stream. `needsConnection`: add a c= line because the answer has none at
 * session level (RFC 4566 §5.7 wants one for every m= line).
 */
export function rejectedSection(offered: MediaDescription, needsConnection: boolean): MediaDescription {
  const firstFormat = String(offered.payloads ?? '').split(' ').find((t) => t !== '') ?? '0';
  const section: MediaDescription = {
    type: offered.type,
    port: 0,
    protocol: offered.protocol,
    payloads: firstFormat,
    rtp: [],
    fmtp: [],
  };
  if (offered.mid !== undefined) section.mid = offered.mid;
  if (needsConnection) {
    const ipv6 = Number(offered.connection?.version) === 6;
    section.connection = ipv6 ? { version: 6, ip: '::' } : { version: 4, ip: '0.0.0.0' };
  }
  return section;
}

/**
 * Completes the browser's answer (made for the offer without the rejected streams) into the answer
 * for the far end's full offer: each rejected stream goes back at its original index with port 0.
 * Throws when the answer does not have the number of m= lines the rejections imply: that is a
 * caller mixing up offers, not something the network can cause.
 */
export function applyRejections(
  browserAnswer: SessionDescription,
  remoteOffer: SessionDescription,
  rejected: readonly RejectedMedia[],
): SessionDescription {
  const rejectedAt = new Map(rejected.map((r) => [r.index, r]));
  const expected = remoteOffer.media.length - rejectedAt.size;
  if (browserAnswer.media.length !== expected || [...rejectedAt.keys()].some((i) => i >= remoteOffer.media.length)) {
    throw new Error(
      `applyRejections: answer has ${browserAnswer.media.length} m= lines, offer ${remoteOffer.media.length} with ${rejectedAt.size} rejected`,
    );
  }
  const answer = cloneSession(browserAnswer);
  const accepted = answer.media[Symbol.iterator]();
  answer.media = remoteOffer.media.map((offered, index) =>
    rejectedAt.has(index) ? rejectedSection(offered, answer.connection === undefined) : accepted.next().value!,
  );
  return answer;
}
