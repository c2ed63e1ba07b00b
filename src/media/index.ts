/**
 * The media engine: the only code that touches RTCPeerConnection, getUserMedia, RTCDTMFSender and
 * Web Audio. The core sees it through MediaEngine / MediaSession (src/sip/media-port.ts).
 */
export { WebRtcMediaEngine, type WebRtcMediaEngineOptions } from './webrtc-media-engine';
export type { WebRtcMediaSession } from './webrtc-media-session';
export { DEFAULT_ICE_GATHERING_TIMINGS } from './ice-gathering-policy';
export type { ToneRegion } from './tone-plans';
