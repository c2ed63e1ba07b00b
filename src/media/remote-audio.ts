import { mediaFailure, type MediaResult } from '../sip/media-port';
import type { Logger } from '../sip/ports';

/**
 * Plays the far end's audio through an <audio> element. Chromium plays a remote WebRTC track only
 * through a media element (Web Audio alone stays silent), and only a media element can pick the
 * output device (HTMLMediaElement.setSinkId, Audio Output Devices API §2).
 */
export class RemoteAudio {
  private readonly element: HTMLAudioElement;
  private sinkId = '';

  constructor(private readonly logger?: Logger) {
    this.element = document.createElement('audio');
    this.element.autoplay = true;
  }

  /** Plays `track`, replacing whatever played before. */
  play(track: MediaStreamTrack): void {
    this.element.srcObject = new MediaStream([track]);
    // Autoplay can be refused before the user has interacted with the page; the call still works.
    this.element.play().catch((error: unknown) => this.logger?.log('warn', 'remote audio did not start', error));
  }

  /** Routes the audio to a speaker; "" is the system default. */
  async setOutputDevice(deviceId: string): Promise<MediaResult> {
    if (deviceId === this.sinkId) return { ok: true };
    if (typeof this.element.setSinkId !== 'function') {
      return { ok: false, failure: mediaFailure('output-device-unavailable', { detail: 'setSinkId is not supported' }) };
    }
    try {
      await this.element.setSinkId(deviceId);
      this.sinkId = deviceId;
      return { ok: true };
    } catch (error) {
      return { ok: false, failure: mediaFailure('output-device-unavailable', { detail: String(error) }) };
    }
  }

  stop(): void {
    this.element.pause();
    this.element.srcObject = null;
  }
}
