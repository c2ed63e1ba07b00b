// Bundle-size entry: SIP.js's UserAgent API (its UserAgent brings the web session description handler).
export { UserAgent, Registerer, Inviter } from 'sip.js';
