// Bundle-size entry: our UA core and SDP module on their own, as a library user would import them.
export { UserAgent } from '../../src/sip';
export * from '../../src/sdp';
