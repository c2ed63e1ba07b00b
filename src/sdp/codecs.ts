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

/** RFC 3551 §6, tables 4 and 5: payload types whose meaning needs no a=rtpmap, written as one would be. */
const STATIC_PAYLOAD_TYPES: ReadonlyMap<number, StaticCodec> = new Map(
  ([
    [0, 'PCMU/8000'], [3, 'GSM/8000'], [4, 'G723/8000'], [5, 'DVI4/8000'], [6, 'DVI4/16000'], [7, 'LPC/8000'],
    [8, 'PCMA/8000'], [9, 'G722/8000'], [10, 'L16/44100/2'], [11, 'L16/44100'], [12, 'QCELP/8000'],
    [13, 'CN/8000'], [14, 'MPA/90000'], [15, 'G728/8000'], [16, 'DVI4/11025'], [17, 'DVI4/22050'],
    [18, 'G729/8000'], [25, 'CelB/90000'], [26, 'JPEG/90000'], [28, 'nv/90000'], [31, 'H261/90000'],
    [32, 'MPV/90000'], [33, 'MP2T/90000'], [34, 'H263/90000'],
  ] as const).map(([payload, rtpmap]) => {
    const [name = '', clockRate, channels = '1'] = rtpmap.split('/');
    return [payload, { name, clockRate: Number(clockRate), channels: Number(channels) }];
  }),
);

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
