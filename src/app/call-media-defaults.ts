import type { CallMediaOptions, TransferOptions } from '../sip';

/** How an account can send DTMF, as MicroSIP names the choices; 'auto' is RFC 4733 when negotiated, else SIP INFO. */
export const DTMF_MODE_SETTINGS = ['auto', 'rfc4733', 'info', 'inband'] as const;

export type DtmfModeSetting = (typeof DTMF_MODE_SETTINGS)[number];

/** The call settings of an account that the URL can set until the Settings screen exists. */
export interface CallSettings {
  dtmfMode: DtmfModeSetting;
  /** Send INVITEs without SDP (the far end offers in its 2xx, our answer goes in the ACK). */
  delayedOffer: boolean;
  /** "stun:host[:port]" URIs; none gives host candidates only. */
  stunServers: string[];
  /** Ask the user before following a transfer (REFER) the far end asks for; otherwise accept it. */
  confirmTransfers: boolean;
}

/**
 * What every account uses unless told otherwise: DTMF "Auto", early offer, no STUN/TURN. The one
 * place these defaults live.
 */
export const DEFAULT_CALL_SETTINGS: CallSettings = { dtmfMode: 'auto', delayedOffer: false, stunServers: [], confirmTransfers: false };

/**
 * The user agent's media options for an account's call settings, on the WebRTC profile (Opus
 * first, then G.711). The core treats an unset dtmfMode as Auto, so 'auto' leaves it unset:
 * 'rfc4733' would refuse DTMF on a call without telephone-event instead of falling back to INFO.
 */
export function callMediaOptions(settings: CallSettings): Omit<CallMediaOptions, 'engine'> {
  return {
    options: { iceServers: settings.stunServers.map((urls) => ({ urls })), profile: 'webrtc' },
    ...(settings.dtmfMode === 'auto' ? {} : { dtmfMode: settings.dtmfMode }),
    ...(settings.delayedOffer ? { delayedOffer: true } : {}),
  };
}

/** How we act when the far end transfers us: ask through `ask` when the account says so, else accept. */
export function transferOptions(settings: CallSettings, ask: (question: string) => boolean): TransferOptions {
  if (!settings.confirmTransfers) return {};
  return {
    confirm: (request) =>
      ask(request.attended ? `Connect this call to ${request.target} (attended transfer)?` : `Transfer this call to ${request.target}?`),
  };
}
