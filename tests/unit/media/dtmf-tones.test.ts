import { describe, expect, it } from 'vitest';
import { dtmfRequest } from '../../../src/media/dtmf-tones';

describe('dtmfRequest', () => {
  it('uses the WebRTC defaults of 100 ms tones with 70 ms gaps', () => {
    expect(dtmfRequest('123#')).toEqual({ tones: '123#', durationMs: 100, gapMs: 70 });
  });

  it('upper-cases the A-D tones', () => {
    expect(dtmfRequest('abcd*,0')?.tones).toBe('ABCD*,0');
  });

  it('clamps durations to 40-6000 ms and gaps to at least 30 ms', () => {
    expect(dtmfRequest('1', { durationMs: 10, gapMs: 5 })).toEqual({ tones: '1', durationMs: 40, gapMs: 30 });
    expect(dtmfRequest('1', { durationMs: 9000, gapMs: 9000 })).toEqual({ tones: '1', durationMs: 6000, gapMs: 6000 });
  });

  it('refuses an empty string and characters that are not DTMF tones', () => {
    expect(dtmfRequest('')).toBeUndefined();
    expect(dtmfRequest('12E')).toBeUndefined();
    expect(dtmfRequest('1 2')).toBeUndefined();
  });
});
