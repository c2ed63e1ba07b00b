import type { TonePlan } from './tone-plans';

/** Each frequency's peak amplitude; two mixed stay at 0.3 of full scale, well clear of clipping. */
const AMPLITUDE = 0.15;
/** Fade in and out over 5 ms: a tone switched on at full level clicks. */
const RAMP_MS = 5;

/** Milliseconds of one cadence cycle. */
export function cycleMs(plan: TonePlan): number {
  return plan.cadenceMs.reduce((sum, ms) => sum + ms, 0);
}

/**
 * One channel of audio samples for a tone: one cycle of the cadence when the plan loops (the
 * player repeats the buffer), every cycle otherwise.
 */
export function renderTone(plan: TonePlan, sampleRate: number): Float32Array<ArrayBuffer> {
  const cycles = plan.cycles ?? 1;
  const samplesPerMs = sampleRate / 1000;
  const out = new Float32Array(Math.round(cycleMs(plan) * cycles * samplesPerMs));
  let segmentStart = 0;
  for (let cycle = 0; cycle < cycles; cycle++) {
    plan.cadenceMs.forEach((ms, index) => {
      const from = Math.round(segmentStart * samplesPerMs);
      const to = Math.round((segmentStart + ms) * samplesPerMs);
      segmentStart += ms;
      if (index % 2 === 1) return;
      const ramp = Math.min(RAMP_MS * samplesPerMs, (to - from) / 2);
      for (let i = from; i < to; i++) {
        const t = i / sampleRate;
        const envelope = Math.min(1, (i - from) / ramp, (to - 1 - i) / ramp);
        let value = 0;
        for (const f of plan.frequencies) value += Math.sin(2 * Math.PI * f * t);
        out[i] = AMPLITUDE * envelope * value;
      }
    });
  }
  return out;
}
