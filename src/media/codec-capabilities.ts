import type { AudioCodecCapability } from '../sip/media-port';

let cached: RTCRtpCodec[] | undefined;

/**
 * The audio codecs this browser can receive, as RTCRtpCodec objects (what setCodecPreferences
 * accepts). Asked once per page: RTCRtpReceiver.getCapabilities takes over a millisecond in
 * Chromium, and every incoming call needs the list before it rings and twice more to answer.
 */
export function receiverAudioCodecs(): RTCRtpCodec[] {
  if (cached) return cached;
  const codecs = globalThis.RTCRtpReceiver?.getCapabilities?.('audio')?.codecs ?? [];
  if (codecs.length > 0) cached = codecs;
  return codecs;
}

/** The same as plain data for the core. */
export function audioCodecCapabilities(): AudioCodecCapability[] {
  return receiverAudioCodecs().map((c) => ({
    mimeType: c.mimeType,
    clockRate: c.clockRate,
    ...(c.channels === undefined ? {} : { channels: c.channels }),
    ...(c.sdpFmtpLine === undefined ? {} : { sdpFmtpLine: c.sdpFmtpLine }),
  }));
}
