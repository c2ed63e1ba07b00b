import { describe, expect, it } from 'vitest';
import { registerRetryDelay, refreshDelay, retryAfter, minExpires } from '../../../src/sip/ua/registration-timing';
import { sipRequest, sipResponse } from '../support/sip-messages';

describe('registration timing', () => {
  it('backs off from 30 s, doubling up to 960 s (SIPconnect 2.0 §16.4.1.1)', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => registerRetryDelay(n) / 1000)).toEqual([30, 60, 120, 240, 480, 960, 960, 960]);
  });

  it('refreshes 32 s before expiry, or at half-life for short bindings', () => {
    expect(refreshDelay(600)).toBe(568_000);
    expect(refreshDelay(64)).toBe(32_000);
    expect(refreshDelay(40)).toBe(20_000);
  });

  it('reads the seconds of Retry-After and Min-Expires', () => {
    const request = sipRequest('REGISTER');
    expect(retryAfter(sipResponse(request, 503, { headers: [['Retry-After', '18 (overloaded);duration=3600']] }))).toBe(18);
    expect(retryAfter(sipResponse(request, 503))).toBeUndefined();
    expect(minExpires(sipResponse(request, 423, { headers: [['Min-Expires', '3600']] }))).toBe(3600);
    expect(minExpires(sipResponse(request, 423, { headers: [['Min-Expires', 'soon']] }))).toBeUndefined();
  });
});
