// Normalises browser differences in the WebRTC API (getStats shapes, RTCDTMFSender, older
// promise forms) before any peer connection is made; imported here and nowhere else.
import 'webrtc-adapter';
import type { AudioCodecCapability, LocalTone, MediaEngine, MediaResult, MediaSessionOptions } from '../sip/media-port';
import type { Logger, Random, Timers } from '../sip/ports';
import { audioCodecCapabilities } from './codec-capabilities';
import type { ToneRegion } from './tone-plans';
import { TonePlayer } from './tones';
import { WebRtcMediaSession } from './webrtc-media-session';

export interface WebRtcMediaEngineOptions {
  timers: Timers;
  random: Random;
  logger?: Logger;
  /** Which country's ringback and busy tones to play; default "north-america". */
  toneRegion?: ToneRegion;
}

/** The browser's media engine: WebRTC sessions for calls, Web Audio for local tones. */
export class WebRtcMediaEngine implements MediaEngine {
  private readonly sessions = new Set<WebRtcMediaSession>();
  private readonly tones: TonePlayer;
  private outputDeviceId = '';

  constructor(private readonly options: WebRtcMediaEngineOptions) {
    this.tones = new TonePlayer(options.toneRegion ?? 'north-america', options.logger);
  }

  createSession(options: MediaSessionOptions): WebRtcMediaSession {
    const session: WebRtcMediaSession = new WebRtcMediaSession(options, {
      timers: this.options.timers,
      random: this.options.random,
      ...(this.options.logger ? { logger: this.options.logger } : {}),
      outputDeviceId: this.outputDeviceId,
      onClosed: () => this.sessions.delete(session),
    });
    this.sessions.add(session);
    return session;
  }

  capabilities(): AudioCodecCapability[] {
    return audioCodecCapabilities();
  }

  playTone(tone: LocalTone): void {
    this.tones.play(tone);
  }

  stopTone(): void {
    this.tones.stop();
  }

  playKeyTone(key: string): void {
    this.tones.playKey(key);
  }

  async setOutputDevice(deviceId: string): Promise<MediaResult> {
    this.outputDeviceId = deviceId;
    const results = await Promise.all([
      this.tones.setOutputDevice(deviceId),
      ...[...this.sessions].map((session) => session.setOutputDevice(deviceId)),
    ]);
    return results.find((r) => !r.ok) ?? { ok: true };
  }
}
