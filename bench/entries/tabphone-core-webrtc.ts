// Bundle-size entry: the core and SDP module plus what makes them a browser phone (the WebRTC
// media engine and the browser platform adapters), the closest match to what JsSIP's UA bundles.
export { UserAgent } from '../../src/sip';
export * from '../../src/sdp';
export { WebRtcMediaEngine } from '../../src/media';
export { createBrowserPlatform } from '../../src/platform';
