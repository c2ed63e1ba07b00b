import type { MediaDescription } from 'sdp-transform';

/**
 * Codec identity for RTP payload formats: what a payload type of an m= line means (its a=rtpmap,
 * or the fixed meaning of a static payload type) and whether the browser has that codec.
 */

/** A codec as the browser reports it: the fields of RTCRtpCodec the SDP module needs. */
export interface CodecCapability {
  /** "audio/opus", "audio/PCMU", "audio/telephone-event" … */
  mimeType: string;
  clockRate: number;
  channels?: number;
  sdpFmtpLine?: string;
}

/** One payload format of an m= line with its codec resolved. */
export interface RtpFormat {
  payload: number;
  /** Encoding name as written ("PCMU", "opus", "telephone-event"). */
  name: string;
  clockRate: number;
  /** 1 when the rtpmap omits it (RFC 4566 §6: the default is one channel). */
  channels: number;
  fmtp?: string;
  /** True when no a=rtpmap names it and the meaning comes from the static table. */
  implicit: boolean;
}

interface StaticCodec {
  name: string;
  clockRate: number;
  channels: number;
}

/** RFC 3551 §6, tables 4 and 5: payload types whose meaning needs no a=rtpmap. */
const STATIC_PAYLOAD_TYPES: ReadonlyMap<number, StaticCodec> = new Map([
  [0, { name: 'PCMU', clockRate: 8000, channels: 1 }],
  [3, { name: 'GSM', clockRate: 8000, channels: 1 }],
  [4, { name: 'G723', clockRate: 8000, channels: 1 }],
  [5, { name: 'DVI4', clockRate: 8000, channels: 1 }],
  [6, { name: 'DVI4', clockRate: 16000, channels: 1 }],
  [7, { name: 'LPC', clockRate: 8000, channels: 1 }],
  [8, { name: 'PCMA', clockRate: 8000, channels: 1 }],
  [9, { name: 'G722', clockRate: 8000, channels: 1 }],
  [10, { name: 'L16', clockRate: 44100, channels: 2 }],
  [11, { name: 'L16', clockRate: 44100, channels: 1 }],
  [12, { name: 'QCELP', clockRate: 8000, channels: 1 }],
  [13, { name: 'CN', clockRate: 8000, channels: 1 }],
  [14, { name: 'MPA', clockRate: 90000, channels: 1 }],
  [15, { name: 'G728', clockRate: 8000, channels: 1 }],
  [16, { name: 'DVI4', clockRate: 11025, channels: 1 }],
  [17, { name: 'DVI4', clockRate: 22050, channels: 1 }],
  [18, { name: 'G729', clockRate: 8000, channels: 1 }],
  [25, { name: 'CelB', clockRate: 90000, channels: 1 }],
  [26, { name: 'JPEG', clockRate: 90000, channels: 1 }],
  [28, { name: 'nv', clockRate: 90000, channels: 1 }],
  [31, { name: 'H261', clockRate: 90000, channels: 1 }],
  [32, { name: 'MPV', clockRate: 90000, channels: 1 }],
  [33, { name: 'MP2T', clockRate: 90000, channels: 1 }],
  [34, { name: 'H263', clockRate: 90000, channels: 1 }],
]);

/**
 * Formats that carry no voice of their own: DTMF events, comfort noise, redundancy, retransmission
 * and FEC. An audio stream offering only these has no usable codec.
 */
const AUXILIARY_FORMATS = new Set(['telephone-event', 'cn', 'red', 'rtx', 'ulpfec', 'flexfec-03']);

export function staticPayloadType(payload: number): StaticCodec | undefined {
  return STATIC_PAYLOAD_TYPES.get(payload);
}

/** The numeric payload types of an m= line, in its order ("t38" and other tokens are skipped). */
export function payloadTypes(media: MediaDescription): number[] {
  // sdp-transform turns a lone payload such as "0" into a number, hence String().
  return String(media.payloads ?? '')
    .split(' ')
    .filter((token) => /^\d+$/.test(token))
    .map(Number);
}

/** The fmtp parameters for a payload type, if any (always a string, whatever the parser made of it). */
export function fmtpOf(media: MediaDescription, payload: number): string | undefined {
  const line = media.fmtp.find((f) => f.payload === payload);
  return line === undefined ? undefined : String(line.config);
}

/** The payload formats of an m= line in preference order; payload types with no known meaning are left out. */
export function rtpFormats(media: MediaDescription): RtpFormat[] {
  const formats: RtpFormat[] = [];
  for (const payload of payloadTypes(media)) {
    const map = media.rtp.find((r) => r.payload === payload);
    const fmtp = fmtpOf(media, payload);
    const fixed = staticPayloadType(payload);
    if (map) {
      formats.push({
        payload,
        name: String(map.codec),
        clockRate: Number(map.rate ?? fixed?.clockRate ?? 0),
        channels: Number(map.encoding ?? 1),
        ...(fmtp === undefined ? {} : { fmtp }),
        implicit: false,
      });
    } else if (fixed) {
      formats.push({ payload, ...fixed, ...(fmtp === undefined ? {} : { fmtp }), implicit: true });
    }
  }
  return formats;
}

/** Dynamic payload types listed on the m= line without an a=rtpmap: nobody can know what they are. */
export function unmappedPayloadTypes(media: MediaDescription): number[] {
  return payloadTypes(media).filter(
    (payload) => staticPayloadType(payload) === undefined && !media.rtp.some((r) => r.payload === payload),
  );
}

/** "audio/PCMU" → "PCMU". */
export function mimeSubtype(mimeType: string): string {
  const slash = mimeType.indexOf('/');
  return slash < 0 ? mimeType : mimeType.slice(slash + 1);
}

/** Encoding names compare case-insensitively (RFC 4855 §3: media subtype names are case-insensitive). */
export function sameName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** True when the browser capability describes the same codec: name, clock rate and channel count. */
export function matchesCapability(format: RtpFormat, capability: CodecCapability): boolean {
  return (
    sameName(format.name, mimeSubtype(capability.mimeType)) &&
    format.clockRate === capability.clockRate &&
    format.channels === (capability.channels ?? 1)
  );
}

/** False for telephone-event, CN, RED, RTX and FEC, which cannot carry a call on their own. */
export function isVoiceCodec(name: string): boolean {
  return !AUXILIARY_FORMATS.has(name.toLowerCase());
}

/** An m= line carrying RTP (RTP/AVP, RTP/SAVP, UDP/TLS/RTP/SAVPF …) rather than UDPTL, TCP, SCTP. */
export function isRtpMedia(media: MediaDescription): boolean {
  return /(^|\/)RTP\//.test(media.protocol);
}
