import { parse, write, type SessionDescription } from 'sdp-transform';
import {
  applyRejections,
  codecPreferences,
  LocalOrigin,
  normalizeRemoteDescription,
  shapeLocalDescription,
  type ProfileOptions,
  type RejectedMedia,
} from '../sdp';
import {
  mediaFailure,
  unusableRemoteFailure,
  type IceGatheringReport,
  type MediaConnectionState,
  type MediaDirection,
  type MediaFailure,
  type MediaResult,
  type MediaSession,
  type MediaSessionEvents,
  type MediaSessionOptions,
  type MediaStatsSummary,
  type SdpResult,
} from '../sip/media-port';
import type { Logger, Random, Timers } from '../sip/ports';
import { Emitter } from '../sip/util/emitter';
import { summarizeCallQuality, type RtpStatsSnapshot } from './call-quality';
import { watchCandidates, type CandidateWatch } from './candidate-watch';
import { receiverAudioCodecs } from './codec-capabilities';
import { dtmfRequest } from './dtmf-tones';
import { InbandDtmf } from './inband-dtmf';
import { openMicrophone } from './microphone';
import { OperationQueue } from './operation-queue';
import { PEER_CONNECTION_POLICY } from './peer-connection-policy';
import { RemoteAudio } from './remote-audio';
import { readStatsSnapshot } from './stats-snapshot';

export interface WebRtcMediaSessionDeps {
  timers: Timers;
  random: Random;
  logger?: Logger;
  /** Speaker for the far end's audio ("" is the default device). */
  outputDeviceId: string;
  onClosed(): void;
}

/** The browser error's name and text, for the failure's log detail. */
function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function result<T extends object>(failure: MediaFailure): MediaResult<T> {
  return { ok: false, failure };
}

/** The first "a=ice-ufrag" of our SDP text: it changes exactly when ICE restarts. Read without a full parse. */
function iceUfrag(sdp: string): string | undefined {
  return /^a=ice-ufrag:(\S+)/m.exec(sdp)?.[1];
}

/** A remote offer as received and parsed, the streams our answer refuses, and the SDP we apply. */
interface CheckedOffer {
  text: string;
  remote: SessionDescription;
  rejected: RejectedMedia[];
  sdp: string;
}

function countCandidates(sdp: SessionDescription): IceGatheringReport['candidates'] {
  const counts = { host: 0, srflx: 0, prflx: 0, relay: 0 };
  // With BUNDLE every m= line repeats the same candidates; count the first.
  for (const c of sdp.media[0]?.candidates ?? []) {
    if (c.type in counts) counts[c.type as keyof typeof counts]++;
  }
  return counts;
}

const EMPTY_SUMMARY: MediaStatsSummary = {
  bytesSent: 0,
  bytesReceived: 0,
  packetsSent: 0,
  packetsReceived: 0,
  packetsLost: 0,
  lossPercent: 0,
};

/**
 * The media of one call on one RTCPeerConnection (see MediaSession in src/sip/media-port.ts).
 *
 * The peer connection is made with a candidate pool of one, so ICE gathering (and the STUN/TURN
 * round trips) start at once, in parallel with getUserMedia, rather than after setLocalDescription.
 * An incoming call's offer is applied while it rings (prepareAnswer), without opening the microphone
 * or sending anything; answering then opens the microphone and puts it on the transceiver that
 * offer made.
 * Offers and answers are shaped to the account profile twice: setCodecPreferences makes the
 * browser negotiate only profile codecs, and the SDP module rewrites the text we send for what
 * that cannot express (ptime, telephone-event events, dropped video).
 */
export class WebRtcMediaSession extends Emitter<MediaSessionEvents> implements MediaSession {
  private readonly queue = new OperationQueue();
  private readonly pc: RTCPeerConnection | undefined;
  private readonly setupFailure: MediaFailure | undefined;
  private readonly origin: LocalOrigin;
  private readonly remoteAudio: RemoteAudio;
  private readonly profile: ProfileOptions;
  private microphone: Promise<MediaResult<{ stream: MediaStream }>> | undefined;
  private sender: RTCRtpSender | undefined;
  /** The microphone track; mute acts on it, not on the sender's track, which is a mix while in-band tones play. */
  private microphoneTrack: MediaStreamTrack | undefined;
  private inbandDtmf: InbandDtmf | undefined;
  /** The transceiver direction before our outstanding offer, for cancelOffer. */
  private directionBeforeOffer: RTCRtpTransceiverDirection | undefined;
  /** ICE username fragment of the last description we handed out: same fragment, same candidates. */
  private sentUfrag: string | undefined;
  private lastRemoteAnswer: string | undefined;
  private preparedOffer: CheckedOffer | undefined;
  /** createAnswer was called: preparing ahead is no longer worth it. */
  private answerAsked = false;
  private watch: CandidateWatch | undefined;
  private lastSnapshot: RtpStatsSnapshot | undefined;
  private lastSummary: MediaStatsSummary = EMPTY_SUMMARY;
  private muted = false;
  private closed = false;
  private currentState: MediaConnectionState = 'new';

  constructor(
    private readonly options: MediaSessionOptions,
    private readonly deps: WebRtcMediaSessionDeps,
  ) {
    super(deps.logger);
    this.origin = new LocalOrigin(deps.random);
    this.remoteAudio = new RemoteAudio(deps.logger);
    this.profile = { profile: options.profile, comfortNoise: options.comfortNoise ?? false };
    if (deps.outputDeviceId !== '') void this.setOutputDevice(deps.outputDeviceId);
    if (typeof globalThis.RTCPeerConnection !== 'function') {
      this.setupFailure = mediaFailure('media-unsupported', { detail: 'RTCPeerConnection is missing' });
      return;
    }
    try {
      this.pc = new RTCPeerConnection({
        iceServers: options.iceServers,
        iceTransportPolicy: options.iceTransportPolicy ?? 'all',
        ...PEER_CONNECTION_POLICY,
        iceCandidatePoolSize: 1,
      });
    } catch (error) {
      // SyntaxError for a bad URL, InvalidAccessError for TURN without credentials.
      this.setupFailure = mediaFailure('invalid-ice-servers', { detail: describeError(error) });
      return;
    }
    this.pc.addEventListener('connectionstatechange', () => this.onConnectionState());
    this.pc.addEventListener('track', (event) => this.onTrack(event.track));
  }

  get state(): MediaConnectionState {
    return this.currentState;
  }

  createOffer(options: { direction?: MediaDirection; iceRestart?: boolean } = {}): Promise<SdpResult> {
    const requestedAt = this.deps.timers.now();
    return this.operation(async (pc) => {
      const sender = await this.openSender(pc);
      if (!sender.ok) return sender;
      const transceiver = this.transceiverOf(pc, sender.sender);
      this.directionBeforeOffer ??= transceiver.direction;
      transceiver.direction = options.direction ?? 'sendrecv';
      this.preferProfileCodecs(transceiver);
      const offer = await pc.createOffer({ iceRestart: options.iceRestart ?? false });
      return this.localDescription(pc, offer, requestedAt);
    });
  }

  createAnswer(remoteOffer: string, options: { direction?: MediaDirection } = {}): Promise<SdpResult> {
    const requestedAt = this.deps.timers.now();
    this.answerAsked = true;
    const checked = this.checkOffer(remoteOffer);
    // The first answer opens the microphone at once, not after the operations queued before it;
    // never for an offer we cannot take.
    const earlyMicrophone = this.sender || !checked.ok ? undefined : this.openMicrophoneOnce();
    return this.operation(async (pc) => {
      if (!checked.ok) return checked;
      // The microphone opens before the offer is applied: side by side in Chromium, both took
      // longer (bench/call-setup.ts) than one after the other.
      const mic = this.sender ? undefined : await (earlyMicrophone ?? this.openMicrophoneOnce());
      if (mic && !mic.ok) return mic;
      const applied = await this.applyOffer(pc, checked);
      if (!applied.ok) return applied;
      const transceiver = this.sender ? this.transceiverOf(pc, this.sender) : this.offeredAudio(pc);
      if (!transceiver) return result(mediaFailure('internal', { detail: 'the offer has no audio transceiver' }));
      if (mic) this.attachMicrophone(transceiver.sender, mic);
      transceiver.direction = options.direction ?? 'sendrecv';
      this.preferProfileCodecs(transceiver);
      return this.localDescription(pc, await pc.createAnswer(), requestedAt, checked);
    });
  }

  /**
   * Gets ready to answer `remoteOffer` while the phone rings: applies it, but neither opens the
   * microphone nor sets our description, so the far end learns nothing yet.
   */
  async prepareAnswer(remoteOffer: string): Promise<MediaResult> {
    // One task later, so the ringing line is drawn before this work.
    await new Promise<void>((resolve) => this.deps.timers.setTimeout(() => resolve(), 0));
    return this.operation(async (pc) => {
      if (this.sender || this.answerAsked) return { ok: true };
      const checked = this.checkOffer(remoteOffer);
      if (!checked.ok) return checked;
      const applied = await this.applyOffer(pc, checked);
      if (applied.ok) this.preparedOffer = checked;
      return applied;
    });
  }

  setRemoteAnswer(sdp: string, options: { provisional?: boolean } = {}): Promise<MediaResult> {
    return this.operation(async (pc) => {
      if (pc.signalingState === 'stable') {
        // A 2xx repeating the answer a 18x already gave, made final earlier.
        if (sdp === this.lastRemoteAnswer) return { ok: true };
        return result(mediaFailure('remote-description-rejected', { detail: 'an answer arrived with no offer outstanding' }));
      }
      const normalized = normalizeRemoteDescription(parse(sdp), { role: 'answer', capabilities: this.profileCodecs() });
      if (!normalized.ok) {
        return result(unusableRemoteFailure(normalized));
      }
      const applied = await this.applyRemote(pc, options.provisional ? 'pranswer' : 'answer', write(normalized.sdp));
      if (!applied.ok) return applied;
      this.lastRemoteAnswer = sdp;
      if (!options.provisional) this.directionBeforeOffer = undefined;
      return { ok: true };
    });
  }

  cancelOffer(): Promise<MediaResult> {
    return this.operation(async (pc) => {
      if (pc.signalingState === 'stable') return { ok: true };
      if (pc.signalingState !== 'have-local-offer') {
        return result(mediaFailure('internal', { detail: `cannot roll back in signalling state ${pc.signalingState}` }));
      }
      await pc.setLocalDescription({ type: 'rollback' });
      const transceiver = this.sender ? this.transceiverOf(pc, this.sender) : undefined;
      if (transceiver && this.directionBeforeOffer) transceiver.direction = this.directionBeforeOffer;
      this.directionBeforeOffer = undefined;
      return { ok: true };
    });
  }

  prepare(): Promise<MediaResult> {
    return this.operation(async (pc) => {
      const sender = await this.openSender(pc);
      return sender.ok ? { ok: true } : sender;
    });
  }

  sendDtmf(tones: string, options: { durationMs?: number; gapMs?: number } = {}): boolean {
    const request = dtmfRequest(tones, options);
    const dtmf = this.sender?.dtmf;
    if (this.closed || !request || !dtmf?.canInsertDTMF) return false;
    // insertDTMF replaces tones still waiting; appending keeps quick key presses in order.
    dtmf.insertDTMF(dtmf.toneBuffer + request.tones, request.durationMs, request.gapMs);
    return true;
  }

  sendInbandDtmf(tones: string, durationMs?: number): boolean {
    const request = dtmfRequest(tones, durationMs === undefined ? {} : { durationMs });
    const sender = this.sender;
    const microphone = this.microphoneTrack;
    if (this.closed || !request || !sender || !microphone || !this.sendsAudio(sender)) return false;
    this.inbandDtmf ??= new InbandDtmf({
      sender,
      microphone,
      timers: this.deps.timers,
      onTone: (tone) => this.safeEmit('dtmf', tone),
      ...(this.deps.logger ? { logger: this.deps.logger } : {}),
    });
    return this.inbandDtmf.play(request);
  }

  setMuted(muted: boolean): void {
    this.muted = muted;
    if (this.microphoneTrack) this.microphoneTrack.enabled = !muted;
  }

  async stats(): Promise<MediaStatsSummary> {
    if (this.closed || !this.pc) return this.lastSummary;
    try {
      const report = await this.pc.getStats();
      const snapshot = readStatsSnapshot(report.values(), this.deps.timers.now());
      this.lastSummary = summarizeCallQuality(snapshot, this.lastSnapshot);
      this.lastSnapshot = snapshot;
    } catch (error) {
      this.deps.logger?.log('debug', 'getStats failed', error);
    }
    return this.lastSummary;
  }

  /** Routes the far end's audio to a speaker (the engine applies its setting to every call). */
  setOutputDevice(deviceId: string): Promise<MediaResult> {
    return this.remoteAudio.setOutputDevice(deviceId);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.watch?.cancel();
    this.inbandDtmf?.close();
    void this.microphone?.then((mic) => {
      if (mic.ok) for (const track of mic.stream.getTracks()) track.stop();
    });
    this.pc?.close();
    this.remoteAudio.stop();
    // RTCPeerConnection.close() fires no connectionstatechange.
    this.setState('closed');
    this.deps.onClosed();
  }

  /** Runs `body` in the queue; a closed session and unexpected browser errors become failure values. */
  private operation<T extends object>(body: (pc: RTCPeerConnection) => Promise<MediaResult<T>>): Promise<MediaResult<T>> {
    return this.queue.run(async () => {
      if (this.setupFailure) return result<T>(this.setupFailure);
      if (this.closed || !this.pc) return result<T>(mediaFailure('closed'));
      try {
        const outcome = await body(this.pc);
        return this.closed ? result<T>(mediaFailure('closed')) : outcome;
      } catch (error) {
        if (this.closed) return result<T>(mediaFailure('closed'));
        this.deps.logger?.log('error', 'media operation failed', error);
        return result<T>(mediaFailure('internal', { detail: describeError(error) }));
      }
    });
  }

  /** Opens the microphone once and adds its track; an addTrack transceiver is the one a remote offer's audio binds to (JSEP §5.10). */
  private async openSender(pc: RTCPeerConnection): Promise<MediaResult<{ sender: RTCRtpSender }>> {
    if (this.sender) return { ok: true, sender: this.sender };
    const mic = await this.openMicrophoneOnce();
    if (!mic.ok) return mic;
    const sender = pc.addTrack(mic.track, mic.stream);
    this.useSender(sender, mic.track);
    return { ok: true, sender };
  }

  /** The microphone's track, opened once per session; a failure is asked again next time. */
  private async openMicrophoneOnce(): Promise<MediaResult<{ stream: MediaStream; track: MediaStreamTrack }>> {
    this.microphone ??= openMicrophone(this.options.inputDeviceId);
    const mic = await this.microphone;
    if (!mic.ok) {
      // Ask again next time: the user may unblock the microphone and retry.
      this.microphone = undefined;
      return mic;
    }
    if (this.closed) return result(mediaFailure('closed'));
    const track = mic.stream.getAudioTracks()[0];
    if (!track) return result(mediaFailure('microphone-missing', { detail: 'the stream has no audio track' }));
    return { ok: true, stream: mic.stream, track };
  }

  /**
   * Puts the microphone on the sender of the transceiver a remote offer made, before our answer.
   * The answer does not wait for replaceTrack: audio flows only once ICE and DTLS are up.
   */
  private attachMicrophone(sender: RTCRtpSender, mic: { stream: MediaStream; track: MediaStreamTrack }): void {
    sender.replaceTrack(mic.track).catch((error: unknown) => this.deps.logger?.log('error', 'the microphone could not join the call', error));
    sender.setStreams?.(mic.stream);
    this.useSender(sender, mic.track);
  }

  private useSender(sender: RTCRtpSender, track: MediaStreamTrack): void {
    track.enabled = !this.muted;
    this.microphoneTrack = track;
    this.sender = sender;
    sender.dtmf?.addEventListener('tonechange', (event) => {
      if (event.tone !== '') this.safeEmit('dtmf', event.tone);
    });
  }

  /** Parses a remote offer and checks it against the profile; the streams our answer refuses come with it. */
  private checkOffer(text: string): MediaResult<CheckedOffer> {
    try {
      const remote = parse(text);
      const normalized = normalizeRemoteDescription(remote, { role: 'offer', capabilities: this.profileCodecs() });
      if (!normalized.ok) return result(unusableRemoteFailure(normalized));
      return { ok: true, text, remote, rejected: normalized.rejected, sdp: write(normalized.sdp) };
    } catch (error) {
      // Runs outside operation()'s guard: a malformed offer must still end as a failure value.
      return result(mediaFailure('internal', { detail: describeError(error) }));
    }
  }

  /** Applies a checked remote offer, unless prepareAnswer applied this one already. */
  private async applyOffer(pc: RTCPeerConnection, offer: CheckedOffer): Promise<MediaResult> {
    const prepared = this.preparedOffer;
    this.preparedOffer = undefined;
    if (prepared?.text === offer.text && pc.signalingState === 'have-remote-offer') return { ok: true };
    return this.applyRemote(pc, 'offer', offer.sdp);
  }

  /** The audio transceiver setRemoteDescription made for the offer's audio (no microphone on it yet). */
  private offeredAudio(pc: RTCPeerConnection): RTCRtpTransceiver | undefined {
    return pc.getTransceivers().find((t) => t.mid !== null && t.direction !== 'stopped' && t.receiver.track.kind === 'audio');
  }

  /** True when the negotiated direction lets our audio go out (not before an answer, not while the far end holds us). */
  private sendsAudio(sender: RTCRtpSender): boolean {
    const direction = this.pc?.getTransceivers().find((t) => t.sender === sender)?.currentDirection;
    return direction === 'sendrecv' || direction === 'sendonly';
  }

  private transceiverOf(pc: RTCPeerConnection, sender: RTCRtpSender): RTCRtpTransceiver {
    const transceiver = pc.getTransceivers().find((t) => t.sender === sender);
    if (!transceiver) throw new Error('the microphone sender has no transceiver');
    return transceiver;
  }

  /** Browser codecs the profile allows, in profile order. */
  private profileCodecs(): RTCRtpCodec[] {
    return codecPreferences(receiverAudioCodecs(), this.profile);
  }

  private preferProfileCodecs(transceiver: RTCRtpTransceiver): void {
    const codecs = this.profileCodecs();
    // An empty list would restore the browser's defaults; the SDP rewrite then does the shaping.
    if (codecs.length === 0 || typeof transceiver.setCodecPreferences !== 'function') return;
    try {
      transceiver.setCodecPreferences(codecs);
    } catch (error) {
      this.deps.logger?.log('warn', 'setCodecPreferences refused the profile codecs; shaping the SDP only', error);
    }
  }

  private async applyRemote(pc: RTCPeerConnection, type: RTCSdpType, sdp: string): Promise<MediaResult> {
    try {
      await pc.setRemoteDescription({ type, sdp });
      return { ok: true };
    } catch (error) {
      if (this.closed) return result(mediaFailure('closed'));
      return result(mediaFailure('remote-description-rejected', { detail: describeError(error) }));
    }
  }

  /**
   * Sets our description, waits for candidates under the gathering policy, and returns the SDP to
   * send: pc.localDescription at that moment, completed with rejected streams for an answer,
   * shaped to the profile and stamped with our o= line.
   */
  private async localDescription(
    pc: RTCPeerConnection,
    description: RTCSessionDescriptionInit,
    requestedAt: number,
    answering?: { remote: SessionDescription; rejected: RejectedMedia[] },
  ): Promise<SdpResult> {
    const watch = watchCandidates(pc, {
      timers: this.deps.timers,
      relayOnly: this.options.iceTransportPolicy === 'relay',
      hostOnly: this.options.iceServers.length === 0,
      requestedAt,
      ...(this.options.gathering ? { timings: this.options.gathering } : {}),
    });
    this.watch = watch;
    let outcome: IceGatheringReport['outcome'];
    try {
      await pc.setLocalDescription(description);
      const gathered = await this.awaitCandidates(pc, watch);
      if (!gathered.ok) return gathered;
      outcome = gathered.outcome;
    } finally {
      watch.cancel();
      this.watch = undefined;
    }

    const text = pc.localDescription?.sdp ?? '';
    const local = parse(text);
    this.safeEmit('ice-gathering', { outcome, elapsedMs: this.deps.timers.now() - requestedAt, candidates: countCandidates(local) });
    const full = answering ? applyRejections(local, answering.remote, answering.rejected) : local;
    const shaped = shapeLocalDescription(full, { ...this.profile, role: answering ? 'answer' : 'offer' });
    if (!shaped.ok) return result(mediaFailure('no-common-codec', { message: shaped.reason }));
    this.sentUfrag = iceUfrag(text);
    return { ok: true, sdp: write(this.origin.stamp(shaped.sdp)) };
  }

  /** Waits under the gathering policy, unless the ICE session is the one of our last description. */
  private async awaitCandidates(pc: RTCPeerConnection, watch: CandidateWatch): Promise<MediaResult<{ outcome: IceGatheringReport['outcome'] }>> {
    const ufrag = iceUfrag(pc.localDescription?.sdp ?? '');
    if (this.sentUfrag !== undefined && ufrag === this.sentUfrag) return { ok: true, outcome: 'reused' };
    watch.start();
    const decision = await watch.decision;
    if (!decision) return result(mediaFailure('closed'));
    if (!decision.ok) {
      return result(mediaFailure('no-relay-candidate', { detail: `no relay candidate after ${decision.elapsedMs} ms` }));
    }
    return { ok: true, outcome: decision.outcome };
  }

  private onTrack(track: MediaStreamTrack): void {
    if (track.kind !== 'audio') return;
    this.remoteAudio.play(track);
    // Chromium unmutes a remote track when its first RTP packet arrives, and mutes it when they stop.
    track.onunmute = () => this.safeEmit('remote-audio', true);
    track.onmute = () => this.safeEmit('remote-audio', false);
  }

  private onConnectionState(): void {
    const state = this.pc?.connectionState;
    if (!state || this.closed) return;
    this.setState(state, state === 'failed' ? mediaFailure('ice-failed') : undefined);
  }

  private setState(state: MediaConnectionState, failure?: MediaFailure): void {
    if (state === this.currentState) return;
    this.currentState = state;
    if (failure) this.safeEmit('state', state, failure);
    else this.safeEmit('state', state);
  }
}
