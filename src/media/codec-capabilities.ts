import type { AudioCodecCapability } from '../sip/media-port';

/** The audio codecs this browser can receive, as RTCRtpCodec objects (what setCodecPreferences accepts). */
export function receiverAudioCodecs(): RTCRtpCodec[] {
  return globalThis.RTCRtpReceiver?.getCapabilities?.('audio')?.codecs ?? [];
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
