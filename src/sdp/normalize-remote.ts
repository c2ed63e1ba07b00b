import type { MediaDescription, SessionDescription } from 'sdp-transform';
import { cloneSession } from './clone';
import { isRtpMedia, isVoiceCodec, matchesCapability, rtpFormats, sameName, type CodecCapability } from './codecs';
import { describeMedia, describeOffer, noAudioStreamReason, noCommonCodecReason } from './describe';
import { hasNullConnection, remoteDirection, type Direction } from './direction';
import { withFormats, withoutMids } from './format-list';
import type { SdpRole } from './offer-answer-role';
import { rejectedSection, type RejectedMedia } from './reject';
import { DTMF_EVENTS } from './telephone-event';

/**
 * Incoming normalisation: turns the far end's SDP into one Chromium's setRemoteDescription takes
 * and understands the way the far end meant it.
 *
 * Per active audio stream:
 * - static payload types without a=rtpmap get one (RFC 3551 §6 meanings: 0 PCMU, 8 PCMA, 18 G729 …);
 * - telephone-event without a=fmtp gets "0-15", the RFC 4733 §7.1.1 default made explicit
 *   (SIPconnect 2.0 §14.5 asks us to accept the missing line);
 * - formats the browser lacks (G.729, GSM …) and dynamic payload types without a=rtpmap go;
 * - direction is made explicit per m= line. Chromium ignores the c= address (ICE decides where
 *   media goes), so an RFC 2543 hold (c=0.0.0.0) would leave it sending; it becomes a=sendonly or
 *   a=inactive instead. A session-level direction moves onto each m= line with it.
 *
 * Streams we cannot take (video in an audio call, image/T.38, application, an audio stream with
 * no common codec) are removed from an offer and listed in `rejected`, for applyRejections() to
 * answer with port 0. In an answer nothing is removed: its m= lines must keep matching our offer.
 */

export interface NormalizeOptions {
  /** Whether the far end's SDP is an offer (INVITE, re-INVITE, delayed-offer 2xx) or an answer. */
  role: SdpRole;
  /**
   * Codecs the browser can receive (RTCRtpReceiver.getCapabilities('audio').codecs as plain
   * objects), best narrowed to the account profile first with codecPreferences() so a far end
   * offering only codecs the profile excludes gets a 488 rather than an answer we then reshape.
   */
  capabilities: readonly CodecCapability[];
}

export interface NormalizedRemote {
  ok: true;
  /** For setRemoteDescription (write() it). Rejected streams are not in it. */
  sdp: SessionDescription;
  /** Offer streams to answer with port 0, by index in the far end's SDP (always [] for an answer). */
  rejected: RejectedMedia[];
  /** The far end's effective audio direction, c=0.0.0.0 folded in (sendonly / inactive mean hold). */
  direction: Direction;
  /** What the far end offered, for the UI and logs. */
  offered: string;
}

export interface UnusableRemote {
  ok: false;
  /** Warning code for the 488 (RFC 3261 §20.43): 304 media type not available, 305 incompatible media format. */
  warning: 304 | 305;
  /**
   * Warning text and UI message: "no common codec: the far end offers only G.729 with Annex B
   * (browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine)".
   */
  reason: string;
  offered: string;
}

export type NormalizeResult = NormalizedRemote | UnusableRemote;

/** The audio stream with rtpmaps and fmtps completed and unusable formats removed; undefined if no voice codec remains. */
function normalizeAudio(media: MediaDescription, capabilities: readonly CodecCapability[]): MediaDescription | undefined {
  const formats = rtpFormats(media);
  const usable = formats.filter((f) => capabilities.some((c) => matchesCapability(f, c)));
  if (!usable.some((f) => isVoiceCodec(f.name))) return undefined;
  const completed: MediaDescription = {
    ...media,
    rtp: formats.map(
      (f) =>
        media.rtp.find((r) => r.payload === f.payload) ?? {
          payload: f.payload,
          codec: f.name,
          rate: f.clockRate,
          ...(f.channels > 1 ? { encoding: f.channels } : {}),
        },
    ),
    fmtp: [
      ...media.fmtp,
      ...formats
        .filter((f) => sameName(f.name, 'telephone-event') && f.fmtp === undefined)
        .map((f) => ({ payload: f.payload, config: DTMF_EVENTS })),
    ],
  };
  return withFormats(
    completed,
    usable.map((f) => f.payload),
  );
}

/** Rewrites the far end's SDP for the browser, or says why the call cannot have audio. */
export function normalizeRemoteDescription(remote: SessionDescription, options: NormalizeOptions): NormalizeResult {
  const session = cloneSession(remote);
  const offered = describeOffer(remote);
  const verb = options.role === 'offer' ? 'offers' : 'answers with';
  const kept: MediaDescription[] = [];
  const rejected: RejectedMedia[] = [];
  const declinedMids: string[] = [];
  const noCodec: MediaDescription[] = [];
  let audio: MediaDescription | undefined;

  session.media.forEach((media, index) => {
    if (hasNullConnection(session, media) || (media.direction === undefined && session.direction !== undefined)) {
      media.direction = remoteDirection(session, media);
    }
    if (media.port === 0) {
      kept.push(media);
      return;
    }
    const isAudio = media.type === 'audio' && isRtpMedia(media);
    const normalized = isAudio ? normalizeAudio(media, options.capabilities) : undefined;
    if (normalized) {
      audio ??= normalized;
      kept.push(normalized);
      return;
    }
    if (isAudio) noCodec.push(media);
    if (options.role === 'answer' && !isAudio) {
      kept.push(media);
      return;
    }
    if (media.mid !== undefined) declinedMids.push(String(media.mid));
    if (options.role === 'answer') {
      // The answer mirrors our offer: an audio stream we cannot use is declined in place.
      kept.push(rejectedSection(media, session.connection === undefined));
      return;
    }
    const reason = isAudio ? 'no-common-codec' : media.type === 'video' ? 'video' : 'unsupported-media';
    rejected.push({ index, reason, description: describeMedia(media) });
  });

  if (!audio) {
    return noCodec.length > 0
      ? { ok: false, warning: 305, reason: noCommonCodecReason(noCodec, verb), offered }
      : { ok: false, warning: 304, reason: noAudioStreamReason(remote, verb), offered };
  }

  const direction = remoteDirection(session, audio);
  session.media = kept;
  delete session.direction;
  return { ok: true, sdp: withoutMids(session, declinedMids), rejected, direction, offered };
}
