/**
 * Arguments for RTCDTMFSender.insertDTMF (WebRTC 1.0 §7.2), checked before the browser sees them.
 * The browser throws on a character outside 0-9 A-D # * ","; we report that as undefined instead.
 */

/** WebRTC 1.0 §7.2: tone duration between 40 and 6000 ms, default 100. */
const MIN_DURATION_MS = 40;
const MAX_DURATION_MS = 6000;
const DEFAULT_DURATION_MS = 100;
/** WebRTC 1.0 §7.2: gap between tones at least 30 ms (and at most 6000), default 70. */
const MIN_GAP_MS = 30;
const MAX_GAP_MS = 6000;
const DEFAULT_GAP_MS = 70;

export interface DtmfRequest {
  /** Upper-case tones; "," is a 2 s pause. */
  tones: string;
  durationMs: number;
  gapMs: number;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

/** The tones upper-cased with durations clamped to the allowed range, or undefined if a character is not a DTMF tone. */
export function dtmfRequest(tones: string, options: { durationMs?: number; gapMs?: number } = {}): DtmfRequest | undefined {
  const upper = tones.toUpperCase();
  if (upper === '' || !/^[0-9A-D#*,]+$/.test(upper)) return undefined;
  return {
    tones: upper,
    durationMs: clamp(options.durationMs ?? DEFAULT_DURATION_MS, MIN_DURATION_MS, MAX_DURATION_MS),
    gapMs: clamp(options.gapMs ?? DEFAULT_GAP_MS, MIN_GAP_MS, MAX_GAP_MS),
  };
}
