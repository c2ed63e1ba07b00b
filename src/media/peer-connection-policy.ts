/**
 * Bundle and RTCP-mux settings of every call's RTCPeerConnection.
 *
 * bundlePolicy "balanced", not "max-bundle": with max-bundle Chromium refuses any remote offer
 * without an a=group:BUNDLE line ("max-bundle configured but session description has no BUNDLE
 * group"), and SIP far ends often send none: rtpengine's ICE=force SDP, Asterisk and FreeSWITCH
 * WebRTC endpoints. A call has one audio m= line, so bundling never changes the transports we use;
 * our own offers still carry a BUNDLE group. rtcp-mux stays required (RFC 8834 §5.1.3); rtpengine
 * adds it with rtcp-mux-require (see lab-notes).
 */
export const PEER_CONNECTION_POLICY = {
  bundlePolicy: 'balanced',
  rtcpMuxPolicy: 'require',
} as const satisfies Pick<RTCConfiguration, 'bundlePolicy' | 'rtcpMuxPolicy'>;
