import type { MediaSessionOptions } from '../sip/media-port';

/**
 * Call media settings every account uses until the account settings screen exists: host
 * candidates only (no STUN/TURN), the WebRTC profile (Opus first, then G.711), and DTMF as
 * RFC 4733 telephone-events in the media stream. The one place these defaults live.
 */
export const DEFAULT_CALL_MEDIA: { options: MediaSessionOptions; dtmfMode: 'rfc4733' | 'info' } = {
  options: { iceServers: [], profile: 'webrtc' },
  dtmfMode: 'rfc4733',
};
