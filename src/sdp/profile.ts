import type { MediaDescription, SessionDescription } from 'sdp-transform';
import { cloneSession } from './clone';
import { isVoiceCodec, mimeSubtype, rtpFormats, sameName, type CodecCapability } from './codecs';
import { codecLabel, joinList } from './describe';
import { withFmtp, withFormats, withoutMids } from './format-list';
import type { SdpRole } from './offer-answer-role';
import { rejectedSection } from './reject';
import { withDtmfEvents } from './telephone-event';

/**
 * Outgoing shaping: what our own offers and answers contain, by account profile.
 *
 * - "webrtc": Opus first, then G.711 (PCMU, PCMA), telephone-event; audio only.
 * - "sipconnect": the SIPconnect 2.0 audio profile (§14.3, §14.5): PCMU and PCMA at 20 ms,
 *   telephone-event/8000 listing at least events 0-15, CN (payload 13) only when we accept G.711
 *   silence suppression; audio only, nothing else (no Opus, G.722, RED …).
 *
 * Two tools, used together: codecPreferences() feeds RTCRtpTransceiver.setCodecPreferences so the
 * browser negotiates and sends only profile codecs; shapeLocalDescription() rewrites the SDP text
 * we put on the wire, for what setCodecPreferences cannot express (ptime, the telephone-event fmtp,
 * dropping video) and for browsers where it is missing.
 */

export type AccountProfile = 'webrtc' | 'sipconnect';

export interface ProfileOptions {
  profile: AccountProfile;
  /**
   * Advertise CN/8000 (payload 13). SIPconnect 2.0 §14.3: listing 13 tells the far end it may send
   * G.711 discontinuously, so only set this when we accept that. Default false.
   */
  comfortNoise?: boolean;
}

/** One allowed codec; clockRate undefined allows every rate. */
interface ProfileCodec {
  name: string;
  clockRate?: number;
}

/** Allowed codecs per profile, in preference order. */
const PROFILE_CODECS: Record<AccountProfile, readonly ProfileCodec[]> = {
  webrtc: [
    { name: 'opus', clockRate: 48000 },
    { name: 'PCMU', clockRate: 8000 },
    { name: 'PCMA', clockRate: 8000 },
    { name: 'CN', clockRate: 8000 },
    // Opus needs telephone-event/48000 and G.711 telephone-event/8000 (RFC 4733 §2.1: same clock).
    { name: 'telephone-event' },
  ],
  sipconnect: [
    { name: 'PCMU', clockRate: 8000 },
    { name: 'PCMA', clockRate: 8000 },
    { name: 'CN', clockRate: 8000 },
    { name: 'telephone-event', clockRate: 8000 },
  ],
};

/** SIPconnect 2.0 §14.3: G.711 with a packetization of 20 ms. */
const SIPCONNECT_PTIME = 20;

/** Position of a codec in the profile's preference order, or undefined when the profile excludes it. */
export function profileRank(name: string, clockRate: number, options: ProfileOptions): number | undefined {
  if (sameName(name, 'CN') && !options.comfortNoise) return undefined;
  const rank = PROFILE_CODECS[options.profile].findIndex(
    (c) => sameName(c.name, name) && (c.clockRate === undefined || c.clockRate === clockRate),
  );
  return rank < 0 ? undefined : rank;
}

/** Sorts by profile rank, keeping the input order among equals (the sort is stable). */
function byRank<T>(items: readonly T[], rankOf: (item: T) => number | undefined): T[] {
  return items
    .map((item) => ({ item, rank: rankOf(item) }))
    .filter((x): x is { item: T; rank: number } => x.rank !== undefined)
    .sort((a, b) => a.rank - b.rank)
    .map((x) => x.item);
}

/**
 * The browser's codecs (RTCRtpSender/Receiver.getCapabilities('audio').codecs) that the profile
 * allows, in profile order: the argument for RTCRtpTransceiver.setCodecPreferences. The objects are
 * returned unchanged, since the browser only accepts entries equal to its own capabilities.
 * Returns [] when the browser has none of the profile's codecs; do not pass an empty list to
 * setCodecPreferences, which would restore the browser's default list.
 */
export function codecPreferences<C extends CodecCapability>(capabilities: readonly C[], options: ProfileOptions): C[] {
  const allowed = byRank(capabilities, (c) => profileRank(mimeSubtype(c.mimeType), c.clockRate, options));
  return allowed.some((c) => isVoiceCodec(mimeSubtype(c.mimeType))) ? allowed : [];
}

export interface ShapeOptions extends ProfileOptions {
  /** Whether the description is our offer or our answer; this decides how video is removed. */
  role: SdpRole;
}

export type ShapeResult = { ok: true; sdp: SessionDescription } | { ok: false; reason: string };

function shapeAudio(media: MediaDescription, options: ProfileOptions): MediaDescription | undefined {
  const kept = byRank(rtpFormats(media), (f) => profileRank(f.name, f.clockRate, options));
  if (!kept.some((f) => isVoiceCodec(f.name))) return undefined;
  let shaped = withFormats(
    media,
    kept.map((f) => f.payload),
  );
  if (options.profile === 'sipconnect') {
    for (const f of kept) {
      if (sameName(f.name, 'telephone-event')) shaped = withFmtp(shaped, f.payload, withDtmfEvents(f.fmtp));
    }
    shaped.ptime = SIPCONNECT_PTIME;
  }
  return shaped;
}

/**
 * Rewrites our local offer or answer to the account profile: audio formats filtered and reordered
 * (their rtpmap, fmtp and rtcp-fb lines go with them), and for "sipconnect" a=ptime:20 and a
 * telephone-event fmtp covering 0-15. Streams other than audio are dropped from an offer and
 * answered with port 0 in an answer, whose m= line count must match the offer (RFC 3264 §6).
 * Works the same for a delayed offer in a 2xx (role "offer") as for an early offer in an INVITE.
 * Fails, as a value, when an active audio stream keeps no voice codec of the profile.
 */
export function shapeLocalDescription(local: SessionDescription, options: ShapeOptions): ShapeResult {
  const session = cloneSession(local);
  const media: MediaDescription[] = [];
  const removedMids: string[] = [];
  for (const m of session.media) {
    if (m.port === 0) {
      media.push(m);
    } else if (m.type === 'audio') {
      const shaped = shapeAudio(m, options);
      if (!shaped) {
        const ours = joinList([...new Set(rtpFormats(m).map(codecLabel))]) || 'no codec';
        return { ok: false, reason: `no common codec: the ${options.profile} profile allows none of ours (${ours})` };
      }
      media.push(shaped);
    } else {
      if (m.mid !== undefined) removedMids.push(String(m.mid));
      if (options.role === 'answer') media.push(rejectedSection(m, session.connection === undefined));
    }
  }
  session.media = media;
  return { ok: true, sdp: withoutMids(session, removedMids) };
}
