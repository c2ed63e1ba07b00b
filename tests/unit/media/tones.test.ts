import { describe, expect, it } from 'vitest';
import { busyTone, failureTone, keyTone, ringbackTone } from '../../../src/media/tone-plans';
import { cycleMs, renderTone } from '../../../src/media/tone-samples';

const RATE = 8000;

function peak(samples: Float32Array, fromMs: number, toMs: number): number {
  let max = 0;
  for (let i = (fromMs * RATE) / 1000; i < (toMs * RATE) / 1000; i++) max = Math.max(max, Math.abs(samples[i]!));
  return max;
}

describe('tone plans', () => {
  it('makes North American ringback 440+480 Hz, 2 s on and 4 s off, looping', () => {
    expect(ringbackTone('north-america')).toEqual({ frequencies: [440, 480], cadenceMs: [2000, 4000] });
  });

  it('makes ITU ringback a single 425 Hz tone', () => {
    expect(ringbackTone('itu')).toEqual({ frequencies: [425], cadenceMs: [1000, 4000] });
  });

  it('makes busy 480+620 Hz at half-second cadence, ending by itself', () => {
    expect(busyTone('north-america')).toMatchObject({ frequencies: [480, 620], cadenceMs: [500, 500] });
    expect(busyTone('north-america').cycles).toBeGreaterThan(0);
    expect(failureTone('itu').cycles).toBeGreaterThan(0);
  });

  it('gives each dialpad key its ITU-T Q.23 row and column frequencies', () => {
    expect(keyTone('1')?.frequencies).toEqual([697, 1209]);
    expect(keyTone('5')?.frequencies).toEqual([770, 1336]);
    expect(keyTone('#')?.frequencies).toEqual([941, 1477]);
    expect(keyTone('d')?.frequencies).toEqual([941, 1633]);
    expect(keyTone('x')).toBeUndefined();
    expect(keyTone('12')).toBeUndefined();
  });
});

describe('renderTone', () => {
  it('renders one cycle of a looping tone, sound in the on part and silence in the off part', () => {
    const samples = renderTone(ringbackTone('north-america'), RATE);
    expect(samples.length).toBe((cycleMs(ringbackTone('north-america')) * RATE) / 1000);
    expect(peak(samples, 100, 1900)).toBeGreaterThan(0.2);
    expect(peak(samples, 2000, 6000)).toBe(0);
  });

  it('renders every cycle of a tone that ends by itself', () => {
    const plan = busyTone('north-america');
    const samples = renderTone(plan, RATE);
    expect(samples.length).toBe((plan.cycles! * 1000 * RATE) / 1000);
    expect(peak(samples, 3100, 3400)).toBeGreaterThan(0.2);
    expect(peak(samples, 3500, 4000)).toBe(0);
  });

  it('fades in from silence and stays clear of clipping', () => {
    const samples = renderTone(keyTone('1')!, RATE);
    expect(samples[0]).toBe(0);
    expect(peak(samples, 0, 100)).toBeLessThanOrEqual(0.3);
  });
});
