import { mediaFailure, type LocalTone, type MediaResult } from '../sip/media-port';
import type { Logger } from '../sip/ports';
import { busyTone, failureTone, keyTone, ringbackTone, type TonePlan, type ToneRegion } from './tone-plans';
import { renderTone } from './tone-samples';

/** AudioContext.setSinkId (Chromium 110+) is not in TypeScript's DOM library yet. */
interface AudioContextWithSink extends AudioContext {
  setSinkId?(sinkId: string): Promise<void>;
}

const PLANS: Record<LocalTone, (region: ToneRegion) => TonePlan> = {
  ringback: ringbackTone,
  busy: busyTone,
  failure: failureTone,
};

/**
 * Plays local tones with Web Audio: one call-progress tone at a time (a new one replaces the
 * old), and DTMF key tones on top. The AudioContext is made on first use, since browsers keep a
 * context made before any user gesture suspended.
 */
export class TonePlayer {
  private context: AudioContextWithSink | undefined;
  private current: AudioBufferSourceNode | undefined;
  private sinkId = '';

  constructor(
    private readonly region: ToneRegion,
    private readonly logger?: Logger,
  ) {}

  play(tone: LocalTone): void {
    this.stop();
    this.current = this.start(PLANS[tone](this.region));
  }

  playKey(key: string): void {
    const plan = keyTone(key);
    if (plan) this.start(plan);
  }

  stop(): void {
    this.current?.stop();
    this.current = undefined;
  }

  async setOutputDevice(deviceId: string): Promise<MediaResult> {
    this.sinkId = deviceId;
    if (!this.context) return { ok: true };
    return this.applySink(this.context);
  }

  private start(plan: TonePlan): AudioBufferSourceNode {
    const context = this.ensureContext();
    const samples = renderTone(plan, context.sampleRate);
    const buffer = context.createBuffer(1, samples.length, context.sampleRate);
    buffer.copyToChannel(samples, 0);
    const source = context.createBufferSource();
    source.buffer = buffer;
    source.loop = plan.cycles === undefined;
    source.connect(context.destination);
    source.start();
    return source;
  }

  private ensureContext(): AudioContextWithSink {
    if (!this.context) {
      this.context = new AudioContext({ latencyHint: 'interactive' });
      if (this.sinkId !== '') void this.applySink(this.context);
    }
    if (this.context.state === 'suspended') {
      this.context.resume().catch((error: unknown) => this.logger?.log('warn', 'tone audio did not start', error));
    }
    return this.context;
  }

  private async applySink(context: AudioContextWithSink): Promise<MediaResult> {
    if (typeof context.setSinkId !== 'function') {
      return { ok: false, failure: mediaFailure('output-device-unavailable', { detail: 'AudioContext.setSinkId is not supported' }) };
    }
    try {
      await context.setSinkId(this.sinkId);
      return { ok: true };
    } catch (error) {
      return { ok: false, failure: mediaFailure('output-device-unavailable', { detail: String(error) }) };
    }
  }
}
