import { describe, expect, it } from 'vitest';
import { dtmfRelayBody, parseDtmfInfo } from '../../../src/sip';

describe('INFO DTMF bodies', () => {
  it('writes application/dtmf-relay as Signal and Duration lines', () => {
    expect(dtmfRelayBody('5')).toBe('Signal=5\r\nDuration=160\r\n');
    expect(dtmfRelayBody('#', 250)).toBe('Signal=#\r\nDuration=250\r\n');
  });

  it('reads the Signal of application/dtmf-relay in any case and with spaces', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=5\r\nDuration=160\r\n')).toBe('5');
    expect(parseDtmfInfo('application/dtmf-relay', 'signal = * \nduration=100')).toBe('*');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=a\r\n')).toBe('A');
  });

  it('reads RFC 4733 event numbers 10–15 as * # A B C D', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=10')).toBe('*');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=11')).toBe('#');
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=15')).toBe('D');
  });

  it('reads application/dtmf as the bare digit', () => {
    expect(parseDtmfInfo('application/dtmf', '7')).toBe('7');
    expect(parseDtmfInfo('application/dtmf', ' 11\r\n')).toBe('#');
  });

  it('finds no digit in bodies without one', () => {
    expect(parseDtmfInfo('application/dtmf-relay', 'Duration=160')).toBeUndefined();
    expect(parseDtmfInfo('application/dtmf-relay', 'Signal=X')).toBeUndefined();
    expect(parseDtmfInfo('application/dtmf', '')).toBeUndefined();
  });
});
