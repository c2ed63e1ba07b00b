import { describe, expect, it } from 'vitest';
import { parseSipfragStatus, sipfragBody } from '../../../src/sip';

describe('message/sipfrag status lines', () => {
  it('reads the status and reason of the line a NOTIFY body starts with', () => {
    expect(parseSipfragStatus('SIP/2.0 180 Ringing\r\n')).toEqual({ status: 180, reason: 'Ringing' });
    expect(parseSipfragStatus('\r\nSIP/2.0 486 Busy Here\r\nVia: SIP/2.0/WS x.invalid\r\n')).toEqual({ status: 486, reason: 'Busy Here' });
    expect(parseSipfragStatus('SIP/2.0 200')).toEqual({ status: 200, reason: '' });
  });

  it('finds no status in a body that is not a response fragment', () => {
    expect(parseSipfragStatus('')).toBeUndefined();
    expect(parseSipfragStatus('INVITE sip:1002@127.0.0.1 SIP/2.0\r\n')).toBeUndefined();
    expect(parseSipfragStatus('SIP/2.0 99 Odd\r\n')).toBeUndefined();
  });

  it('writes a status line that reads back the same', () => {
    expect(sipfragBody(603, 'Declined')).toBe('SIP/2.0 603 Declined\r\n');
    expect(parseSipfragStatus(sipfragBody(603, 'Declined'))).toEqual({ status: 603, reason: 'Declined' });
  });
});
