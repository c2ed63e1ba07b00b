import type { TonePlan } from '../media/tone-plans';
import { renderTone } from '../media/tone-samples';
import { pageAudio } from '../pwa/page-audio';
import type { Ringer } from '../services/ringer';
import type { Logger } from '../sip/ports';
import { DEFAULT_AUDIO_SETTINGS, type AudioSettings, type RingtoneSetting } from '../stores/settings';

/**
 * Ringtones, looped until stopped; each differs from the caller's ringback (a single 2 s tone)
 * so the two are never confused. The default is a double ring (400+450 Hz, 0.4 s on, 0.2 s off,
 * 0.4 s on, 2 s off).
 */
const RINGTONES: Record<RingtoneSetting, TonePlan> = {
  'double-ring': { frequencies: [400, 450], cadenceMs: [400, 200, 400, 2000] },
  'single-ring': { frequencies: [400, 450], cadenceMs: [1000, 2000] },
  chirp: { frequencies: [1300, 1650], cadenceMs: [60, 40, 60, 40, 60, 40, 60, 1600] },
};

/** The call-waiting beep: a short 440 Hz pair every 10 s (ITU-T E.180 style), whatever the ringtone. */
const CALL_WAITING: TonePlan = { frequencies: [440], cadenceMs: [300, 200, 300, 9200] };

/** AudioContext.setSinkId (Audio Output Devices API; Chromium 110+), missing from TypeScript's DOM types. */
interface SinkSelectable {
  setSinkId?(sinkId: string): Promise<void>;
}

/**
 * The ringer on Web Audio, on the page's shared AudioContext. Browsers keep that context
 * suspended until a user gesture; the audio unlock resumes it then, and while it is still
 * suspended during a ring the UI shows "Sound is blocked" with a button to enable it.
 */
export class WebAudioRinger implements Ringer {
  private source: AudioBufferSourceNode | undefined;
  /** Where the context plays now: '' the default device, undefined unknown (after a refused change). */
  private sinkId: string | undefined = '';
  /** Rendered tones, kept between calls: rendering one on each ring delayed the Answer button. */
  private readonly buffers = new Map<TonePlan, AudioBuffer>();

  /** `settings` is read at each ring, so a ringtone or ringer device chosen in Settings applies to the next call. */
  constructor(
    private readonly logger: Logger,
    private readonly settings: () => Pick<AudioSettings, 'ringerId' | 'ringtone'> = () => DEFAULT_AUDIO_SETTINGS,
  ) {}

  ring(kind: Parameters<Ringer['ring']>[0]): void {
    this.stop();
    const audio = pageAudio(this.logger);
    audio.setRinging(true);
    const context = audio.context();
    // Without autoplay permission this stays suspended, and the banner asks for a click.
    void audio.unlock();
    const { ringerId, ringtone } = this.settings();
    this.routeTo(context as AudioContext & SinkSelectable, ringerId);
    const source = context.createBufferSource();
    source.buffer = this.buffer(context, kind === 'call-waiting' ? CALL_WAITING : RINGTONES[ringtone]);
    source.loop = true;
    source.connect(context.destination);
    source.start();
    this.source = source;
  }

  private buffer(context: BaseAudioContext, plan: TonePlan): AudioBuffer {
    const kept = this.buffers.get(plan);
    if (kept?.sampleRate === context.sampleRate) return kept;
    const samples = renderTone(plan, context.sampleRate);
    const buffer = context.createBuffer(1, samples.length, context.sampleRate);
    buffer.copyToChannel(samples, 0);
    this.buffers.set(plan, buffer);
    return buffer;
  }

  /** The ringer device; the page's context carries only the ringer, so routing it moves nothing else. */
  private routeTo(context: SinkSelectable, deviceId: string): void {
    if (deviceId === this.sinkId || !context.setSinkId) return;
    this.sinkId = deviceId;
    context.setSinkId(deviceId).catch((error: unknown) => {
      this.sinkId = undefined;
      this.logger.log('warn', 'the chosen ringer device could not be used', error);
    });
  }

  stop(): void {
    if (!this.source) return;
    this.source.stop();
    this.source = undefined;
    pageAudio(this.logger).setRinging(false);
  }
}
