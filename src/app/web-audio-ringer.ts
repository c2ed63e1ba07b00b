import type { TonePlan } from '../media/tone-plans';
import { renderTone } from '../media/tone-samples';
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
 * The ringer on Web Audio. The AudioContext is made on the first ring: browsers keep a context
 * made before any user gesture suspended, and most calls arrive after the user touched the page.
 */
export class WebAudioRinger implements Ringer {
  private context: AudioContext | undefined;
  private source: AudioBufferSourceNode | undefined;

  constructor(private readonly logger: Logger) {}

  ring(kind: Parameters<Ringer['ring']>[0]): void {
    this.stop();
    const context = this.ensureContext();
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
    this.source?.stop();
    this.source = undefined;
  }

  private ensureContext(): AudioContext {
    this.context ??= new AudioContext({ latencyHint: 'interactive' });
    if (this.context.state === 'suspended') {
      this.context.resume().catch((error: unknown) => this.logger.log('warn', 'the ringtone could not start: sound is blocked', error));
    }
    return this.context;
  }
}
