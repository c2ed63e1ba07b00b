import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AudioSettings } from '../../../src/stores/settings';

/** The page's AudioContext as the ringer uses it, recording what it was asked to play and where. */
const context = {
  sampleRate: 1000,
  destination: {},
  buffers: [] as number[],
  sinks: [] as string[],
  refuseSink: false,
  createBuffer(_channels: number, length: number) {
    this.buffers.push(length);
    return { sampleRate: this.sampleRate, copyToChannel: () => undefined };
  },
  createBufferSource: () => ({ connect: () => undefined, start: () => undefined, stop: () => undefined }),
  setSinkId(id: string) {
    this.sinks.push(id);
    return this.refuseSink ? Promise.reject(new Error('NotFoundError')) : Promise.resolve();
  },
};

vi.mock('../../../src/pwa/page-audio', () => ({
  pageAudio: () => ({ context: () => context, unlock: () => Promise.resolve(), setRinging: () => undefined }),
}));

const { WebAudioRinger } = await import('../../../src/app/web-audio-ringer');

const warnings: string[] = [];
const logger = { log: (_level: string, message: string) => void warnings.push(message) };

beforeEach(() => {
  context.buffers = [];
  context.sinks = [];
  context.refuseSink = false;
  warnings.length = 0;
});

describe('WebAudioRinger with the Settings choices', () => {
  it('plays the chosen ringtone, read at each ring, and the call-waiting beep whatever the ringtone', () => {
    const settings: Pick<AudioSettings, 'ringerId' | 'ringtone'> = { ringerId: '', ringtone: 'double-ring' };
    const ringer = new WebAudioRinger(logger, () => settings);
    ringer.ring('ringtone');
    settings.ringtone = 'chirp';
    ringer.ring('ringtone');
    settings.ringtone = 'single-ring';
    ringer.ring('ringtone');
    ringer.ring('call-waiting');
    // One loop of each cadence at 1 sample per ms: 0.4+0.2+0.4+2 s, the chirp's 1.96 s, 1+2 s, the beep's 10 s.
    expect(context.buffers).toEqual([3000, 1960, 3000, 10_000]);
  });

  it('renders each tone once and plays it again on later rings, rendering anew only for another sample rate', () => {
    const ringer = new WebAudioRinger(logger);
    ringer.ring('ringtone');
    ringer.stop();
    ringer.ring('ringtone');
    ringer.ring('call-waiting');
    ringer.ring('ringtone');
    expect(context.buffers).toEqual([3000, 10_000]);

    context.sampleRate = 2000;
    try {
      ringer.ring('ringtone');
      expect(context.buffers).toEqual([3000, 10_000, 6000]);
    } finally {
      context.sampleRate = 1000;
    }
  });

  it('routes the ringer to the chosen device once, again after a change, and sets it again after a refused change', async () => {
    const settings = { ringerId: 'usb-speaker', ringtone: 'double-ring' as const };
    const ringer = new WebAudioRinger(logger, () => settings);
    ringer.ring('ringtone');
    ringer.ring('ringtone');
    expect(context.sinks).toEqual(['usb-speaker']);

    settings.ringerId = 'gone';
    context.refuseSink = true;
    ringer.ring('ringtone');
    await vi.waitFor(() => expect(warnings).toEqual(['the chosen ringer device could not be used']));
    // Where it plays after a refusal is unknown, so even the default device is asked for again.
    context.refuseSink = false;
    settings.ringerId = '';
    ringer.ring('ringtone');
    expect(context.sinks).toEqual(['usb-speaker', 'gone', '']);
  });

  it('leaves the default device alone when none was chosen', () => {
    new WebAudioRinger(logger).ring('ringtone');
    expect(context.sinks).toEqual([]);
  });
});
