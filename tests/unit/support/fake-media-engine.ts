import { parse, write, type MediaDescription, type SessionDescription } from 'sdp-transform';
import {
  activeAudio,
  applyRejections,
  codecPreferences,
  LocalOrigin,
  normalizeRemoteDescription,
  rtpFormats,
  shapeLocalDescription,
  type ProfileOptions,
} from '../../../src/sdp';
import { OperationQueue } from '../../../src/media/operation-queue';
import {
  mediaFailure,
  unusableRemoteFailure,
  type AudioCodecCapability,
  type LocalTone,
  type MediaConnectionState,
  type MediaDirection,
  type MediaEngine,
  type MediaFailure,
  type MediaFailureCode,
  type MediaResult,
  type MediaSession,
  type MediaSessionEvents,
  type MediaSessionOptions,
  type MediaStatsSummary,
  type SdpResult,
} from '../../../src/sip/media-port';
import type { Random, Timers } from '../../../src/sip/ports';
import { Emitter } from '../../../src/sip/util/emitter';
import { seededRandom } from './fake-clock';

/**
 * A MediaEngine for core tests: no browser, but real SDP. Offers look like Chromium's (ICE,
 * DTLS, rtcp-mux, one host candidate on 127.0.0.1), answers are negotiated from the far end's offer
 * with the SDP module the real engine uses (normalisation, rejected streams, profile shaping, o=
 * versions), so two user agents with fake engines agree on codecs, directions and DTMF the way
 * two browsers would. Tests can make the microphone fail, slow operations down on a FakeClock,
 * and drive the connection state.
 */

/** Chromium 156's receive codecs, without the ones no profile uses (tests/fixtures/sdp/chrome-156-audio-capabilities.json). */
export const FAKE_BROWSER_CODECS: readonly AudioCodecCapability[] = [
  { mimeType: 'audio/opus', clockRate: 48000, channels: 2, sdpFmtpLine: 'minptime=10;useinbandfec=1' },
  { mimeType: 'audio/G722', clockRate: 8000, channels: 1 },
  { mimeType: 'audio/PCMU', clockRate: 8000, channels: 1 },
  { mimeType: 'audio/PCMA', clockRate: 8000, channels: 1 },
  { mimeType: 'audio/CN', clockRate: 8000, channels: 1 },
  { mimeType: 'audio/telephone-event', clockRate: 48000, channels: 1 },
  { mimeType: 'audio/telephone-event', clockRate: 8000, channels: 1 },
];

/** Payload types Chromium 156 gives these codecs in its offers. */
const PAYLOAD_TYPES: ReadonlyMap<string, number> = new Map([
  ['opus/48000', 111],
  ['G722/8000', 9],
  ['PCMU/8000', 0],
  ['PCMA/8000', 8],
  ['CN/8000', 13],
  ['telephone-event/48000', 110],
  ['telephone-event/8000', 126],
]);

export interface FakeMediaEngineOptions {
  /** Codecs of the fake browser; default FAKE_BROWSER_CODECS. */
  codecs?: readonly AudioCodecCapability[];
  /** Make every operation take `ms` on `timers` (a FakeClock); by default they settle at once. */
  latency?: { timers: Timers; ms: number };
  /** Randomness for o= session ids and ICE credentials; default seeded. */
  random?: Random;
}

export class FakeMediaEngine implements MediaEngine {
  readonly sessions: FakeMediaSession[] = [];
  /** Every tone call in order: "ringback", "busy", "failure", "stop", "key 5". */
  readonly toneLog: string[] = [];
  /** The call-progress tone playing now. */
  tone: LocalTone | undefined;
  outputDeviceId = '';
  /** When set, opening the microphone fails with this code (e.g. "microphone-denied"). */
  microphoneFailure: MediaFailureCode | undefined;
  readonly codecs: readonly AudioCodecCapability[];
  readonly random: Random;

  constructor(readonly options: FakeMediaEngineOptions = {}) {
    this.codecs = options.codecs ?? FAKE_BROWSER_CODECS;
    this.random = options.random ?? seededRandom(7);
  }

  createSession(options: MediaSessionOptions): FakeMediaSession {
    const session = new FakeMediaSession(this, options, this.sessions.length);
    this.sessions.push(session);
    return session;
  }

  capabilities(): AudioCodecCapability[] {
    return this.codecs.map((c) => ({ ...c }));
  }

  playTone(tone: LocalTone): void {
    this.tone = tone;
    this.toneLog.push(tone);
  }

  stopTone(): void {
    this.tone = undefined;
    this.toneLog.push('stop');
  }

  playKeyTone(key: string): void {
    this.toneLog.push(`key ${key}`);
  }

  async setOutputDevice(deviceId: string): Promise<MediaResult> {
    this.outputDeviceId = deviceId;
    return { ok: true };
  }

  /** The session made last (most tests have one call per engine). */
  get lastSession(): FakeMediaSession {
    const session = this.sessions[this.sessions.length - 1];
    if (!session) throw new Error('FakeMediaEngine: no session was created');
    return session;
  }
}

type SignalingState = 'stable' | 'have-local-offer' | 'have-remote-pranswer';

interface Flow {
  send: boolean;
  recv: boolean;
}

function flowOf(direction: MediaDirection): Flow {
  return { send: direction === 'sendrecv' || direction === 'sendonly', recv: direction === 'sendrecv' || direction === 'recvonly' };
}

function directionOf({ send, recv }: Flow): MediaDirection {
  return send && recv ? 'sendrecv' : send ? 'sendonly' : recv ? 'recvonly' : 'inactive';
}

function hasTelephoneEvent(media: MediaDescription | undefined): boolean {
  return media !== undefined && rtpFormats(media).some((f) => f.name.toLowerCase() === 'telephone-event');
}

function failed<T extends object>(failure: MediaFailure): MediaResult<T> {
  return { ok: false, failure };
}

export class FakeMediaSession extends Emitter<MediaSessionEvents> implements MediaSession {
  /** Every call in order: "prepare", "prepareAnswer", "createOffer sendonly", "createAnswer", "setRemoteAnswer", "cancelOffer", "close". */
  readonly calls: string[] = [];
  /** Tones accepted by sendDtmf, one string per call. */
  readonly dtmfSent: string[] = [];
  /** Tones accepted by sendInbandDtmf, one entry per call with the tone duration: "12# 100ms". */
  readonly inbandDtmfSent: string[] = [];
  /** The direction in the last SDP we produced. */
  localDirection: MediaDirection | undefined;
  /** The far end's direction in the last SDP applied (c=0.0.0.0 read as not receiving). */
  remoteDirection: MediaDirection | undefined;
  /** What stats() returns; tests edit it. */
  summary: MediaStatsSummary = { bytesSent: 0, bytesReceived: 0, packetsSent: 0, packetsReceived: 0, packetsLost: 0, lossPercent: 0 };
  muted = false;
  microphoneOpen = false;
  signalingState: SignalingState = 'stable';

  private readonly queue = new OperationQueue();
  private readonly origin: LocalOrigin;
  private readonly profile: ProfileOptions;
  private readonly port: number;
  private readonly ufrag: string;
  private currentState: MediaConnectionState = 'new';
  private closed = false;
  private telephoneEvent = false;
  private pendingOfferDirection: MediaDirection | undefined;
  private lastRemoteAnswer: string | undefined;

  constructor(
    private readonly engine: FakeMediaEngine,
    readonly options: MediaSessionOptions,
    index: number,
  ) {
    super();
    this.origin = new LocalOrigin(engine.random);
    this.profile = { profile: options.profile, comfortNoise: options.comfortNoise ?? false };
    this.port = 40000 + 2 * index;
    this.ufrag = `fake${index}`;
  }

  get state(): MediaConnectionState {
    return this.currentState;
  }

  createOffer(options: { direction?: MediaDirection; iceRestart?: boolean } = {}): Promise<SdpResult> {
    const direction = options.direction ?? 'sendrecv';
    this.calls.push(`createOffer ${direction}`);
    return this.operation(() => {
      const mic = this.openMicrophone();
      if (!mic.ok) return mic;
      const offer = this.browserDescription(this.profileCodecs(), direction, 'actpass');
      const shaped = shapeLocalDescription(offer, { ...this.profile, role: 'offer' });
      if (!shaped.ok) return failed(mediaFailure('no-common-codec', { message: shaped.reason }));
      this.signalingState = 'have-local-offer';
      this.pendingOfferDirection ??= this.localDirection ?? 'sendrecv';
      this.localDirection = direction;
      return this.sdpResult(shaped.sdp);
    });
  }

  createAnswer(remoteOffer: string, options: { direction?: MediaDirection } = {}): Promise<SdpResult> {
    const wanted = options.direction ?? 'sendrecv';
    this.calls.push(`createAnswer ${wanted}`);
    return this.operation(() => {
      if (this.signalingState !== 'stable') {
        return failed(mediaFailure('remote-description-rejected', { detail: `offer received in state ${this.signalingState}` }));
      }
      const remote = parse(remoteOffer);
      const normalized = normalizeRemoteDescription(remote, { role: 'offer', capabilities: this.profileCodecs() });
      if (!normalized.ok) {
        return failed(unusableRemoteFailure(normalized));
      }
      const mic = this.openMicrophone();
      if (!mic.ok) return mic;
      const theirs = flowOf(normalized.direction);
      const ours = flowOf(wanted);
      const direction = directionOf({ send: ours.send && theirs.recv, recv: ours.recv && theirs.send });
      const audio = activeAudio(normalized.sdp);
      // Like a browser: the answer lists the offered formats we have, with the offerer's payload types.
      const offered = audio ? rtpFormats(audio) : [];
      const answer = this.browserDescription(
        offered.map((f) => ({ mimeType: `audio/${f.name}`, clockRate: f.clockRate, channels: f.channels, payload: f.payload })),
        direction,
        'active',
        audio?.mid === undefined ? undefined : String(audio.mid),
      );
      const full = applyRejections(answer, remote, normalized.rejected);
      const shaped = shapeLocalDescription(full, { ...this.profile, role: 'answer' });
      if (!shaped.ok) return failed(mediaFailure('no-common-codec', { message: shaped.reason }));
      this.remoteDirection = normalized.direction;
      this.localDirection = direction;
      this.telephoneEvent = hasTelephoneEvent(activeAudio(shaped.sdp));
      return this.sdpResult(shaped.sdp);
    });
  }

  setRemoteAnswer(sdp: string, options: { provisional?: boolean } = {}): Promise<MediaResult> {
    this.calls.push(options.provisional ? 'setRemoteAnswer provisional' : 'setRemoteAnswer');
    return this.operation<object>(() => {
      if (this.signalingState === 'stable') {
        if (sdp === this.lastRemoteAnswer) return { ok: true };
        return failed(mediaFailure('remote-description-rejected', { detail: 'an answer arrived with no offer outstanding' }));
      }
      const normalized = normalizeRemoteDescription(parse(sdp), { role: 'answer', capabilities: this.profileCodecs() });
      if (!normalized.ok) {
        return failed(unusableRemoteFailure(normalized));
      }
      this.remoteDirection = normalized.direction;
      this.telephoneEvent = hasTelephoneEvent(activeAudio(normalized.sdp));
      this.lastRemoteAnswer = sdp;
      this.signalingState = options.provisional ? 'have-remote-pranswer' : 'stable';
      if (!options.provisional) this.pendingOfferDirection = undefined;
      return { ok: true };
    });
  }

  cancelOffer(): Promise<MediaResult> {
    this.calls.push('cancelOffer');
    return this.operation<object>(() => {
      if (this.signalingState === 'stable') return { ok: true };
      if (this.signalingState !== 'have-local-offer') {
        return failed(mediaFailure('internal', { detail: `cannot roll back in signalling state ${this.signalingState}` }));
      }
      this.signalingState = 'stable';
      this.localDirection = this.pendingOfferDirection;
      this.pendingOfferDirection = undefined;
      return { ok: true };
    });
  }

  prepare(): Promise<MediaResult> {
    this.calls.push('prepare');
    return this.operation<object>(() => this.openMicrophone());
  }

  /** Like the WebRTC engine: checks the offer, leaves the microphone closed. */
  prepareAnswer(remoteOffer: string): Promise<MediaResult> {
    this.calls.push('prepareAnswer');
    return this.operation<object>(() => {
      const normalized = normalizeRemoteDescription(parse(remoteOffer), { role: 'offer', capabilities: this.profileCodecs() });
      return normalized.ok ? { ok: true } : failed(unusableRemoteFailure(normalized));
    });
  }

  sendDtmf(tones: string): boolean {
    // Like RTCDTMFSender.canInsertDTMF: telephone-event negotiated and audio going out.
    if (this.closed || !this.telephoneEvent || !this.sendsAudio() || !/^[0-9A-Da-d#*,]+$/.test(tones)) return false;
    this.dtmfSent.push(tones.toUpperCase());
    for (const tone of tones.toUpperCase()) if (tone !== ',') this.safeEmit('dtmf', tone);
    return true;
  }

  /** Like the WebRTC engine: needs audio going out, not telephone-event; durations clamped to 40-6000 ms. */
  sendInbandDtmf(tones: string, durationMs = 100): boolean {
    if (this.closed || !this.sendsAudio() || !/^[0-9A-Da-d#*,]+$/.test(tones)) return false;
    const upper = tones.toUpperCase();
    this.inbandDtmfSent.push(`${upper} ${Math.min(6000, Math.max(40, Math.round(durationMs)))}ms`);
    for (const tone of upper) if (tone !== ',') this.safeEmit('dtmf', tone);
    return true;
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
  }

  async stats(): Promise<MediaStatsSummary> {
    return { ...this.summary };
  }

  close(): void {
    if (this.closed) return;
    this.calls.push('close');
    this.closed = true;
    this.microphoneOpen = false;
    this.setState('closed');
  }

  /** Test control: media connects (ICE and DTLS done). */
  connect(): void {
    this.setState('connecting');
    this.setState('connected');
  }

  /** Test control: media fails (ICE failed). */
  fail(): void {
    this.setState('failed', mediaFailure('ice-failed'));
  }

  /** Test control: far-end audio starts or stops arriving. */
  remoteAudio(flowing: boolean): void {
    this.safeEmit('remote-audio', flowing);
  }

  /** The negotiated directions let our audio go out. */
  private sendsAudio(): boolean {
    return (
      this.localDirection !== undefined &&
      this.remoteDirection !== undefined &&
      flowOf(this.localDirection).send &&
      flowOf(this.remoteDirection).recv
    );
  }

  private operation<T extends object>(body: () => MediaResult<T>): Promise<MediaResult<T>> {
    const { latency } = this.engine.options;
    return this.queue.run(async () => {
      if (latency) await new Promise<void>((resolve) => latency.timers.setTimeout(resolve, latency.ms));
      if (this.closed) return failed<T>(mediaFailure('closed'));
      return body();
    });
  }

  private openMicrophone(): MediaResult {
    const code = this.engine.microphoneFailure;
    if (code) return failed(mediaFailure(code));
    this.microphoneOpen = true;
    return { ok: true };
  }

  private profileCodecs(): AudioCodecCapability[] {
    return codecPreferences(this.engine.codecs, this.profile);
  }

  private sdpResult(sdp: SessionDescription): SdpResult {
    this.safeEmit('ice-gathering', {
      outcome: 'complete',
      elapsedMs: this.engine.options.latency?.ms ?? 0,
      candidates: { host: 1, srflx: 0, prflx: 0, relay: 0 },
    });
    return { ok: true, sdp: write(this.origin.stamp(sdp)) };
  }

  /** An audio description shaped like Chromium's, for the given codecs (payload types as Chromium numbers them unless given). */
  private browserDescription(
    codecs: readonly (AudioCodecCapability & { payload?: number })[],
    direction: MediaDirection,
    setup: 'actpass' | 'active',
    mid = '0',
  ): SessionDescription {
    const formats = codecs.map((c) => {
      const name = c.mimeType.slice(c.mimeType.indexOf('/') + 1);
      return { c, name, payload: c.payload ?? PAYLOAD_TYPES.get(`${name}/${c.clockRate}`) ?? 96 };
    });
    const lines = [
      'v=0',
      'o=- 1 1 IN IP4 127.0.0.1',
      's=-',
      't=0 0',
      `a=group:BUNDLE ${mid}`,
      `m=audio ${this.port} UDP/TLS/RTP/SAVPF ${formats.map((f) => f.payload).join(' ')}`,
      'c=IN IP4 127.0.0.1',
      `a=candidate:1 1 udp 2122260223 127.0.0.1 ${this.port} typ host generation 0`,
      `a=ice-ufrag:${this.ufrag}`,
      'a=ice-pwd:fakefakefakefakefakefake',
      'a=fingerprint:sha-256 00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF',
      `a=setup:${setup}`,
      `a=mid:${mid}`,
      `a=${direction}`,
      'a=rtcp-mux',
      ...formats.map(({ c, name, payload }) => `a=rtpmap:${payload} ${name}/${c.clockRate}${(c.channels ?? 1) > 1 ? `/${c.channels}` : ''}`),
      ...formats.filter((f) => f.name === 'telephone-event').map((f) => `a=fmtp:${f.payload} 0-15`),
    ];
    return parse(lines.join('\r\n') + '\r\n');
  }

  private setState(state: MediaConnectionState, failure?: MediaFailure): void {
    if (state === this.currentState) return;
    this.currentState = state;
    if (failure) this.safeEmit('state', state, failure);
    else this.safeEmit('state', state);
  }
}
