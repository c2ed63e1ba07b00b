import type { TonePlan } from '../media/tone-plans';
import { renderTone } from '../media/tone-samples';
import { pageAudio } from '../pwa/page-audio';
import type { Ringer } from '../services/ringer';
import type { Logger } from '../sip/ports';

/**
 * Ringing sounds, looped until stopped. The ringtone is a double ring (400+450 Hz, 0.4 s on,
 * 0.2 s off, 0.4 s on, 2 s off), unlike the caller's ringback so the two are never confused; the
 * call-waiting beep is a short 440 Hz pair every 10 s (ITU-T E.180 style).
 */
const PLANS: Record<Parameters<Ringer['ring']>[0], TonePlan> = {
  ringtone: { frequencies: [400, 450], cadenceMs: [400, 200, 400, 2000] },
  'call-waiting': { frequencies: [440], cadenceMs: [300, 200, 300, 9200] },
};

/**
 * The ringer on Web Audio, on the page's shared AudioContext. Browsers keep that context
 * suspended until a user gesture; the audio unlock resumes it then, and while it is still
 * suspended during a ring the UI shows "Sound is blocked" with a button to enable it.
 */
export class WebAudioRinger implements Ringer {
  private source: AudioBufferSourceNode | undefined;

  constructor(private readonly logger: Logger) {}

  ring(kind: Parameters<Ringer['ring']>[0]): void {
    this.stop();
    const audio = pageAudio(this.logger);
    audio.setRinging(true);
    const context = audio.context();
    // Without autoplay permission this stays suspended, and the banner asks for a click.
    void audio.unlock();
    const samples = renderTone(PLANS[kind], context.sampleRate);
    const buffer = context.createBuffer(1, samples.length, context.sampleRate);
    buffer.copyToChannel(samples, 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.loop = true;
    source.connect(context.destination);
    source.start();
    this.source = source;
  }

  stop(): void {
    if (!this.source) return;
    this.source.stop();
    this.source = undefined;
    pageAudio(this.logger).setRinging(false);
  }
}
