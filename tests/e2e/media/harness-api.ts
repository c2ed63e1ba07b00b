import type {
  IceGatheringReport,
  LocalTone,
  MediaConnectionState,
  MediaDirection,
  MediaResult,
  MediaSessionOptions,
  MediaStatsSummary,
  SdpResult,
} from '../../../src/sip/media-port';
import type { AccountProfile } from '../../../src/sdp';
import type { RemoteOfferOutcome } from './remote-offer-check';

/** What the harness page offers the test, as window.mediaHarness; sessions are addressed by name. */
export interface MediaHarness {
  create(name: string, options: MediaSessionOptions): void;
  /** createOffer, timed in the page from the call to the SDP (getUserMedia included on the first one). */
  offer(name: string, options?: { direction?: MediaDirection; iceRestart?: boolean }): Promise<{ result: SdpResult; ms: number }>;
  answer(name: string, offer: string, options?: { direction?: MediaDirection }): Promise<SdpResult>;
  applyAnswer(name: string, answer: string, provisional?: boolean): Promise<MediaResult>;
  stats(name: string): Promise<MediaStatsSummary>;
  dtmf(name: string, tones: string): boolean;
  state(name: string): MediaConnectionState;
  /** Events seen so far: "state connected", "remote-audio true", "dtmf 1". */
  events(name: string): string[];
  gathering(name: string): IceGatheringReport[];
  close(name: string): void;
  playTone(tone: LocalTone): void;
  stopTone(): void;
  playKeyTone(key: string): void;
  setOutputDevice(deviceId: string): Promise<MediaResult>;
  /** MediaSession.sendInbandDtmf. */
  inbandDtmf(name: string, tones: string, durationMs?: number): boolean;
  setMuted(name: string, muted: boolean): void;
  /** Level in dB at each frequency of the audio the session receives (an AnalyserNode on its remote track). */
  receivedLevels(name: string, frequencies: number[]): number[];
  /** A far end's offer through normalizeRemoteDescription, setRemoteDescription and createAnswer on a fresh peer connection. */
  acceptRemoteOffer(sdp: string, profile: AccountProfile): Promise<RemoteOfferOutcome>;
}

declare global {
  interface Window {
    mediaHarness: MediaHarness;
  }
}
