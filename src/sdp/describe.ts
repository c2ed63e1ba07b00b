import type { MediaDescription, SessionDescription } from 'sdp-transform';
import { isRtpMedia, isVoiceCodec, payloadTypes, rtpFormats, unmappedPayloadTypes, type RtpFormat } from './codecs';

/**
 * Human-readable descriptions of what a far end offers, for the 488 Warning text (RFC 3261
 * §20.43), the UI and logs. Plain ASCII, without double quotes, so it fits a Warning quoted-string.
 */

const CODEC_LABELS: ReadonlyMap<string, string> = new Map([
  ['pcmu', 'G.711 u-law'],
  ['pcma', 'G.711 A-law'],
  ['g722', 'G.722'],
  ['g7221', 'G.722.1'],
  ['g723', 'G.723.1'],
  ['g728', 'G.728'],
  ['g729d', 'G.729D'],
  ['g729e', 'G.729E'],
  ['gsm', 'GSM'],
  ['opus', 'Opus'],
  ['ilbc', 'iLBC'],
  ['speex', 'Speex'],
  ['amr', 'AMR'],
  ['amr-wb', 'AMR-WB'],
  ['evs', 'EVS'],
  ['silk', 'SILK'],
  ['telephone-event', 'telephone-event'],
  ['cn', 'comfort noise'],
  ['red', 'RED'],
  ['h261', 'H.261'],
  ['h263', 'H.263'],
  ['h263-1998', 'H.263+'],
  ['h264', 'H.264'],
  ['vp8', 'VP8'],
  ['vp9', 'VP9'],
  ['av1', 'AV1'],
]);

/**
 * The G.729 label with its Annex B (silence suppression) state. RFC 4856 §2.1.9 and SIPconnect
 * 2.0 §14.3: without "annexb=no" the receiver accepts Annex B, so a bare G.729 means "with Annex B".
 */
function g729Label(fmtp: string | undefined): string {
  const annexb = /(?:^|;)\s*annexb\s*=\s*(\w+)/i.exec(fmtp ?? '')?.[1]?.toLowerCase();
  return annexb === 'no' ? 'G.729 without Annex B' : 'G.729 with Annex B';
}

/** "G.711 A-law", "G.729 without Annex B", "Opus"; unknown codecs as "NAME/rate". */
export function codecLabel(format: RtpFormat): string {
  const key = format.name.toLowerCase();
  if (key === 'g729') return g729Label(format.fmtp);
  return CODEC_LABELS.get(key) ?? `${format.name}/${format.clockRate}`;
}

/** "A", "A and B", "A, B and C". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function unique(items: readonly string[]): string[] {
  return [...new Set(items)];
}

/** The voice codecs of an audio m= line, labelled, plus any payload type nobody mapped. */
export function voiceCodecLabels(media: MediaDescription): string[] {
  const voice = rtpFormats(media).filter((f) => isVoiceCodec(f.name)).map(codecLabel);
  const unknown = unmappedPayloadTypes(media).map((pt) => `unknown payload type ${pt}`);
  return unique([...voice, ...unknown]);
}

/** "T.38 fax", "video (H.261, H.264)", "audio (G.711 A-law, telephone-event)", "application (webrtc-datachannel)". */
export function describeMedia(media: MediaDescription): string {
  if (media.type === 'image' && /t38/i.test(String(media.payloads ?? ''))) return 'T.38 fax';
  const formats = isRtpMedia(media)
    ? unique(rtpFormats(media).map(codecLabel))
    : String(media.payloads ?? '').split(' ').filter((t) => t !== '');
  if (isRtpMedia(media) && formats.length === 0 && payloadTypes(media).length > 0) {
    formats.push(...payloadTypes(media).map((pt) => `payload type ${pt}`));
  }
  return formats.length === 0 ? media.type : `${media.type} (${formats.join(', ')})`;
}

/** Everything a description offers, stream by stream: "audio (G.711 A-law, G.711 u-law, telephone-event); video (H.261)". */
export function describeOffer(session: SessionDescription): string {
  const streams = session.media.filter((m) => m.port !== 0).map(describeMedia);
  return streams.length === 0 ? 'no active stream' : streams.join('; ');
}

/**
 * The remedy for a far end that offers G.729. Browsers cannot encode G.729 (RFC 7874 §3 asks
 * WebRTC endpoints for Opus and G.711 only, and none ships G.729), so no setting on our side helps:
 * the call needs a media gateway that transcodes, such as rtpengine with codec-transcode-G729.
 */
export const G729_TRANSCODING_HINT =
  'browsers cannot encode G.729; route the call through a transcoding gateway such as rtpengine';

function offersG729(audio: readonly MediaDescription[]): boolean {
  return audio.some((m) => rtpFormats(m).some((f) => /^g729/i.test(f.name)));
}

/**
 * Why no audio codec is usable, naming the far end's voice codecs: "no common codec: the far end
 * offers only G.711 u-law and GSM" (verb "answers with" for an answer). When G.729 is among them the
 * text ends with G729_TRANSCODING_HINT in parentheses, since that is the one case a user can fix by
 * routing the call differently.
 */
export function noCommonCodecReason(audio: readonly MediaDescription[], verb = 'offers'): string {
  const voice = unique(audio.flatMap(voiceCodecLabels));
  if (voice.length === 0) {
    const other = unique(audio.flatMap((m) => rtpFormats(m).map(codecLabel)));
    return other.length === 0
      ? `no common codec: the far end ${verb} no audio codec`
      : `no common codec: the far end ${verb} no voice codec, only ${joinList(other)}`;
  }
  const reason = `no common codec: the far end ${verb} only ${joinList(voice)}`;
  return offersG729(audio) ? `${reason} (${G729_TRANSCODING_HINT})` : reason;
}

/** Why a description has no audio stream to answer: "no audio stream: the far end offers only T.38 fax". */
export function noAudioStreamReason(session: SessionDescription, verb = 'offers'): string {
  const streams = unique(session.media.filter((m) => m.port !== 0).map(describeMedia));
  return streams.length === 0
    ? `no audio stream: the far end ${verb} no active stream`
    : `no audio stream: the far end ${verb} only ${joinList(streams)}`;
}
