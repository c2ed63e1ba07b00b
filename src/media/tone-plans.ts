/**
 * Local call-progress tones and DTMF key tones as data: frequencies mixed together and an on/off
 * cadence. Ringback loops until stopped; busy and failure tones play a few cycles and end.
 *
 * Regions: "north-america" (ANSI T1.401 / the Precise Tone Plan: ringback 440+480 Hz 2 s on 4 s
 * off, busy 480+620 Hz 0.5/0.5 s, reorder 480+620 Hz 0.25/0.25 s) and "itu" (ITU-T E.180's
 * recommended 425 Hz: ringback 1 s on 4 s off, busy 0.5/0.5 s, congestion 0.2/0.2 s).
 */

export type ToneRegion = 'north-america' | 'itu';

export interface TonePlan {
  /** Hz, mixed at equal level. */
  frequencies: number[];
  /** Alternating on and off durations in ms, starting with on. */
  cadenceMs: number[];
  /** Cycles of the cadence to play; undefined loops until stopped. */
  cycles?: number;
}

const RINGBACK: Record<ToneRegion, TonePlan> = {
  'north-america': { frequencies: [440, 480], cadenceMs: [2000, 4000] },
  itu: { frequencies: [425], cadenceMs: [1000, 4000] },
};

const BUSY: Record<ToneRegion, TonePlan> = {
  'north-america': { frequencies: [480, 620], cadenceMs: [500, 500], cycles: 4 },
  itu: { frequencies: [425], cadenceMs: [500, 500], cycles: 4 },
};

/** Played when a call fails for a reason other than busy (the reorder / congestion tone). */
const FAILURE: Record<ToneRegion, TonePlan> = {
  'north-america': { frequencies: [480, 620], cadenceMs: [250, 250], cycles: 6 },
  itu: { frequencies: [425], cadenceMs: [200, 200], cycles: 8 },
};

/** ITU-T Q.23: each key is one low (row) and one high (column) frequency. */
const DTMF_ROWS = [697, 770, 852, 941];
const DTMF_COLUMNS = [1209, 1336, 1477, 1633];
const DTMF_KEYS = ['123A', '456B', '789C', '*0#D'];
const KEY_TONE_MS = 100;

export function ringbackTone(region: ToneRegion): TonePlan {
  return RINGBACK[region];
}

export function busyTone(region: ToneRegion): TonePlan {
  return BUSY[region];
}

export function failureTone(region: ToneRegion): TonePlan {
  return FAILURE[region];
}

/** The DTMF pair for a dialpad key, played once; undefined for anything that is not a key. */
export function keyTone(key: string): TonePlan | undefined {
  const upper = key.toUpperCase();
  if (upper.length !== 1) return undefined;
  const row = DTMF_KEYS.findIndex((keys) => keys.includes(upper));
  if (row < 0) return undefined;
  const column = DTMF_KEYS[row]!.indexOf(upper);
  return { frequencies: [DTMF_ROWS[row]!, DTMF_COLUMNS[column]!], cadenceMs: [KEY_TONE_MS, 0], cycles: 1 };
}
