import type { AccountProfile } from '../sdp';
import type { CallMediaOptions, TransferOptions } from '../sip';
import type { IceServerConfig, IceTransportPolicy } from '../sip/media-port';

import { DTMF_MODE_SETTINGS, type DtmfModeSetting } from '../stores/settings';

export { DTMF_MODE_SETTINGS, type DtmfModeSetting };

/** The call settings of an account, from the Settings screen or the page's URL. */
export interface CallSettings {
  dtmfMode: DtmfModeSetting;
  /** Send INVITEs without SDP (the far end offers in its 2xx, our answer goes in the ACK). */
  delayedOffer: boolean;
  /** STUN/TURN servers; none gives host candidates only. */
  iceServers: IceServerConfig[];
  /** 'relay' sends media only through TURN. */
  icePolicy: IceTransportPolicy;
  /** Codec and SDP profile (src/sdp/profile.ts): WebRTC (Opus, G.711) or SIPconnect 2.0 (G.711). */
  audioProfile: AccountProfile;
  /** RFC 4028 interval our calls ask for, in seconds; undefined leaves the core's default. */
  sessionExpires: number | undefined;
  /** Ask the user before following a transfer (REFER) the far end asks for; otherwise accept it. */
  confirmTransfers: boolean;
}

/**
 * What every account uses unless told otherwise: DTMF "Auto", early offer, no STUN/TURN, all
 * candidates, the WebRTC profile. The one place these defaults live.
 */
export const DEFAULT_CALL_SETTINGS: CallSettings = {
  dtmfMode: 'auto',
  delayedOffer: false,
  iceServers: [],
  icePolicy: 'all',
  audioProfile: 'webrtc',
  sessionExpires: undefined,
  confirmTransfers: false,
};

/**
 * The user agent's media options for an account's call settings. The core treats an unset
 * dtmfMode as Auto, so 'auto' leaves it unset: 'rfc4733' would refuse DTMF on a call without
 * telephone-event instead of falling back to INFO. `microphone` is read each time a call opens
 * the microphone, so a device chosen in Settings applies to the next call without a restart.
 */
export function callMediaOptions(settings: CallSettings, microphone: () => string = () => ''): Omit<CallMediaOptions, 'engine'> {
  return {
    options: {
      iceServers: settings.iceServers,
      ...(settings.icePolicy === 'relay' ? { iceTransportPolicy: 'relay' as const } : {}),
      profile: settings.audioProfile,
      get inputDeviceId() {
        return microphone() || undefined;
      },
    },
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
