import type { AccountProfile, Direction, UnusableRemote } from '../sdp';

/**
 * The media port: what an INVITE session needs from the media engine. The session never touches
 * media itself; it asks for our offer or answer as SDP text and hands over the far end's. The
 * WebRTC engine (src/media) implements this in the browser; a fake implements it in core tests.
 * Everything that crosses this boundary is plain data, so the core compiles without the DOM.
 *
 * Failures are values: every operation that can fail for a reason outside the program (a blocked
 * microphone, a far end with no common codec, ICE that never connects) resolves to
 * `{ ok: false, failure }` with text the UI can show.
 */

/** Media direction of our audio stream, as in SDP (RFC 3264 §5.1). */
export type MediaDirection = Direction;

/** Which ICE candidates may be used (RTCIceTransportPolicy): "relay" forces media through TURN. */
export type IceTransportPolicy = 'all' | 'relay';

/** One STUN or TURN server of the account (the fields of RTCIceServer). */
export interface IceServerConfig {
  /** "stun:stun.example.net:3478", "turn:turn.example.net:3478?transport=udp", "turns:…" */
  urls: string | string[];
  username?: string;
  credential?: string;
}

/** An audio codec the browser can receive (RTCRtpCodec as plain data); same shape as the SDP module's CodecCapability. */
export interface AudioCodecCapability {
  /** "audio/opus", "audio/PCMU", "audio/telephone-event" … */
  mimeType: string;
  clockRate: number;
  channels?: number;
  sdpFmtpLine?: string;
}

/**
 * ICE gathering limits (see src/media/ice-gathering-policy.ts). We never wait for gathering to
 * finish: a STUN server that does not answer would hold the INVITE for tens of seconds.
 */
export interface IceGatheringTimings {
  /** Hard cap in ms, counted from the call to createOffer/createAnswer, so getUserMedia time counts. */
  capMs: number;
  /** The cap never ends sooner than this many ms after setLocalDescription, so host candidates are in. */
  minGatherMs: number;
  /** Send once a server-reflexive or relay candidate is in and no candidate came for this many ms. */
  quietMs: number;
  /** No STUN/TURN server configured: send once host candidates went quiet this many ms (no later TCP wait). */
  hostQuietMs: number;
  /** Relay-only policy: fail if no relay candidate arrived this many ms after setLocalDescription. */
  relayCapMs: number;
}

/** What one call's media needs to know, fixed for the call. */
export interface MediaSessionOptions {
  /** The account's STUN/TURN servers; [] gives host candidates only. */
  iceServers: IceServerConfig[];
  /** Default "all". */
  iceTransportPolicy?: IceTransportPolicy;
  /** Codec and SDP shaping profile of the account (src/sdp/profile.ts). */
  profile: AccountProfile;
  /** Advertise comfort noise (CN, payload 13): only when we accept silence-suppressed G.711. Default false. */
  comfortNoise?: boolean;
  /** Microphone to use (MediaDeviceInfo.deviceId); the default device when absent. */
  inputDeviceId?: string;
  /** Overrides of the default ICE gathering limits. */
  gathering?: Partial<IceGatheringTimings>;
}

/** Why media failed; each code has a default user-facing message (MEDIA_FAILURE_MESSAGES). */
export type MediaFailureCode =
  | 'microphone-denied'
  | 'microphone-missing'
  | 'microphone-unavailable'
  | 'media-unsupported'
  | 'invalid-ice-servers'
  | 'no-relay-candidate'
  | 'ice-failed'
  | 'no-common-codec'
  | 'no-audio-stream'
  | 'remote-description-rejected'
  | 'output-device-unavailable'
  | 'closed'
  | 'internal';

export interface MediaFailure {
  code: MediaFailureCode;
  /** Short text for the user: "microphone blocked", "no common codec: the far end offers only G.729 …". */
  message: string;
  /** 488 Warning code (RFC 3261 §20.43) when the far end's SDP is unusable: 304 or 305. */
  warning?: 304 | 305;
  /** Technical detail for logs (the browser's error name and text); never shown as the reason. */
  detail?: string;
}

export const MEDIA_FAILURE_MESSAGES: Readonly<Record<MediaFailureCode, string>> = {
  'microphone-denied': 'microphone blocked',
  'microphone-missing': 'no microphone found',
  'microphone-unavailable': 'the microphone could not be opened (is another application using it?)',
  'media-unsupported': 'this page cannot use the microphone or WebRTC (it must be served over HTTPS)',
  'invalid-ice-servers': 'the STUN/TURN server settings of this account are not valid',
  'no-relay-candidate': 'the TURN server gave no relay address',
  'ice-failed': 'no media path to the far end (ICE failed)',
  'no-common-codec': 'no common codec',
  'no-audio-stream': 'no audio stream',
  'remote-description-rejected': "the far end's SDP was not accepted",
  'output-device-unavailable': 'the selected speaker is not available',
  closed: 'the call media was closed',
  internal: 'media error',
};

/** A failure value with the default message for its code unless one is given. */
export function mediaFailure(code: MediaFailureCode, extra: Partial<Omit<MediaFailure, 'code'>> = {}): MediaFailure {
  return { code, message: MEDIA_FAILURE_MESSAGES[code], ...extra };
}

/** The failure for a far end's SDP we cannot use: 305 has no common codec, 304 no audio stream. */
export function unusableRemoteFailure(unusable: UnusableRemote): MediaFailure {
  const code = unusable.warning === 305 ? 'no-common-codec' : 'no-audio-stream';
  return mediaFailure(code, { message: unusable.reason, warning: unusable.warning });
}

/** Success with extra fields, or a failure. `MediaResult` alone is success without data. */
export type MediaResult<T extends object = object> = ({ ok: true } & T) | { ok: false; failure: MediaFailure };

/** Our offer or answer, ready to send: shaped to the profile, with our own o= line and the candidates gathered. */
export type SdpResult = MediaResult<{ sdp: string }>;

/** Connection state of the call's media (RTCPeerConnectionState: ICE and DTLS together). */
export type MediaConnectionState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

/** How the wait for ICE candidates behind one offer or answer ended. */
export type IceGatheringOutcome =
  /** The browser finished gathering. */
  | 'complete'
  /** A server-reflexive or relay candidate was in and candidates went quiet. */
  | 'quiet'
  /** The hard cap ended the wait (a STUN/TURN server answered late or not at all). */
  | 'cap'
  /** No new gathering was needed: same ICE session as the previous offer/answer. */
  | 'reused';

export interface IceGatheringReport {
  outcome: IceGatheringOutcome;
  /** From the call to createOffer/createAnswer to the SDP being ready. */
  elapsedMs: number;
  /** Candidates in the SDP we send, by type. */
  candidates: { host: number; srflx: number; prflx: number; relay: number };
}

/** Call quality, summarised from the browser's statistics (src/media/call-quality.ts). */
export interface MediaStatsSummary {
  /** "opus/48000", "PCMU/8000"; undefined before media flows. */
  codec?: string;
  bytesSent: number;
  bytesReceived: number;
  packetsSent: number;
  packetsReceived: number;
  /** Packets we never received, since the start of the call. */
  packetsLost: number;
  /** Share of incoming packets lost since the previous summary (or the call start), in percent. */
  lossPercent: number;
  /** Share of our packets the far end reports lost (RTCP receiver reports), in percent. */
  remoteLossPercent?: number;
  /** Interarrival jitter of incoming audio, in ms (RFC 3550 §6.4.1). */
  jitterMs?: number;
  /** Round-trip time to the far end, in ms. */
  rttMs?: number;
  /** E-model transmission rating R (ITU-T G.107), 0–100. */
  rFactor?: number;
  /** Estimated mean opinion score, 1–4.5, from R. */
  mos?: number;
}

export interface MediaSessionEvents {
  /** The media connection changed state; `failure` says why when it is "failed". */
  state: [state: MediaConnectionState, failure?: MediaFailure];
  /** Audio from the far end started (true) or stopped (false) arriving: early media, hold. */
  'remote-audio': [flowing: boolean];
  /** A DTMF tone started going out, as an RFC 4733 event or in-band (one event per tone). */
  dtmf: [tone: string];
  /** How the candidate wait behind the offer or answer just made ended. */
  'ice-gathering': [report: IceGatheringReport];
}

/** The media of one call: one peer connection. Offer/answer operations run one at a time, in call order. */
export interface MediaSession {
  /** Our offer for an INVITE, re-INVITE or delayed-offer 2xx; direction defaults to sendrecv. */
  createOffer(options?: { direction?: MediaDirection; iceRestart?: boolean }): Promise<SdpResult>;
  /** Takes the far end's offer and returns our answer; direction is what we want (sendrecv, or sendonly on hold). */
  createAnswer(remoteOffer: string, options?: { direction?: MediaDirection }): Promise<SdpResult>;
  /** Takes the far end's answer to our offer; `provisional` for one in a 18x, which a final call (the 2xx's SDP, or the same text again) must follow. */
  setRemoteAnswer(sdp: string, options?: { provisional?: boolean }): Promise<MediaResult>;
  /** Drops our outstanding offer (re-INVITE refused, 491 glare) and restores the previous direction. */
  cancelOffer(): Promise<MediaResult>;
  /** Opens the microphone and starts ICE gathering early: for our own call, while the far end rings. */
  prepare(): Promise<MediaResult>;
  /**
   * Gets ready to answer an incoming call's offer while it rings, so that answering is quick:
   * never opens the microphone nor lets the far end see anything before createAnswer.
   */
  prepareAnswer(remoteOffer: string): Promise<MediaResult>;
  /** Sends RFC 4733 tones ("0-9*#A-D", "," is a 2 s pause); false when telephone-event was not negotiated or we do not send. */
  sendDtmf(tones: string, options?: { durationMs?: number; gapMs?: number }): boolean;
  /**
   * Sends tones in-band: ITU-T Q.23 dual tones mixed into our outgoing audio, for far ends that
   * only detect DTMF in the voice. Needs no telephone-event; `durationMs` per tone (default 100,
   * 40-6000), 70 ms apart, "," a 2 s pause. False when the tones are not DTMF or we do not send audio.
   */
  sendInbandDtmf(tones: string, durationMs?: number): boolean;
  /** Mutes the microphone; RTP keeps flowing with silence so the far end and NATs see a live stream. */
  setMuted(muted: boolean): void;
  /** Current quality summary; after close, the last one taken. */
  stats(): Promise<MediaStatsSummary>;
  /** Releases the microphone and the peer connection; pending operations resolve with failure "closed". */
  close(): void;
  readonly state: MediaConnectionState;
  /** Subscribes to an event; returns the unsubscribe function. */
  on<K extends keyof MediaSessionEvents>(event: K, listener: (...args: MediaSessionEvents[K]) => void): () => void;
}

/** Local tones the call session plays: ringback after a 180 without SDP, busy, and a short failure tone. */
export type LocalTone = 'ringback' | 'busy' | 'failure';

/** The media side of the user agent: makes call media, plays local tones, picks the speaker. */
export interface MediaEngine {
  /** Media for a new call; creating it starts nothing the far end can see. */
  createSession(options: MediaSessionOptions): MediaSession;
  /** Audio codecs the browser can receive, for checking a far end's offer before ringing (src/sdp). */
  capabilities(): AudioCodecCapability[];
  /** Plays a local tone in place of any other (ringback loops until stopTone; busy and failure end by themselves). */
  playTone(tone: LocalTone): void;
  /** Stops the local tone, if any. */
  stopTone(): void;
  /** A short DTMF key tone (0-9 * # A-D) as feedback for a dialpad press. */
  playKeyTone(key: string): void;
  /** The speaker for call audio and tones, current and future calls ("" is the system default). */
  setOutputDevice(deviceId: string): Promise<MediaResult>;
}
