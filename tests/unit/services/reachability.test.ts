import { describe, expect, it } from 'vitest';
import { reachabilityReport } from '../../../src/services/reachability';

describe('reachability report', () => {
  it('lists what the far end allows, accepts, supports and calls itself, with the round trip', () => {
    const report = reachabilityReport({
      reachable: true,
      status: 200,
      reason: 'OK',
      allow: ['INVITE', 'ACK', 'MESSAGE'],
      accept: ['application/sdp', 'text/plain'],
      supported: [],
      userAgent: 'MicroSIP/3.21.3',
      rttMs: 12.4,
    });
    expect(report).toEqual({
      headline: 'Reachable: 200 OK in 12 ms',
      reachable: true,
      details: [
        ['Allow', 'INVITE, ACK, MESSAGE'],
        ['Accept', 'application/sdp, text/plain'],
        ['User-Agent', 'MicroSIP/3.21.3'],
      ],
    });
  });

  it('counts any final answer as reachable, even 404', () => {
    const report = reachabilityReport({ reachable: true, status: 404, reason: 'Not Found', allow: [], accept: [], supported: [], rttMs: 3 });
    expect(report.headline).toBe('Reachable: 404 Not Found in 3 ms');
    expect(report.details).toEqual([]);
  });

  it('says why a target is not reachable', () => {
    const report = reachabilityReport({ reachable: false, cause: 'timeout', message: 'No answer from sip:1009@127.0.0.1 within 32 s' });
    expect(report).toEqual({ headline: 'Not reachable: No answer from sip:1009@127.0.0.1 within 32 s', reachable: false, details: [] });
  });
});
