import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMessage, type SipResponse } from '../../../src/sip';
import { grantedExpires } from '../../../src/sip/ua/registration-binding';
import { reparse, sipRequest, sipResponse } from '../support/sip-messages';

const OWN = { instanceUrn: 'urn:uuid:00000000-0000-4000-8000-000000000001', contactUser: 'abc', contactHost: 'xyz.invalid' };
const ok = (contacts: string[], expires?: number) =>
  sipResponse(sipRequest('REGISTER'), 200, {
    toTag: 'r',
    headers: [...contacts.map((c): [string, string] => ['Contact', c]), ...(expires === undefined ? [] : [['Expires', String(expires)] as [string, string]])],
  });

describe('grantedExpires', () => {
  it('takes the Expires header of the CUCM 200 OK, whose Contact has no expires parameter', () => {
    const cucm = parseMessage(readFileSync(new URL('../../fixtures/sip/cucm-200-ok-register.sip', import.meta.url), 'utf8')) as SipResponse;
    expect(grantedExpires(cucm, { ...OWN, contactUser: '10001', contactHost: '192.168.80.11' }, 300)).toBe(120);
  });

  it('prefers the expires parameter of our Contact, found by URI, over other bindings and the header', () => {
    const response = ok(['<sip:other@192.0.2.1>;expires=30', '<sip:abc@xyz.invalid;transport=ws;ob>;expires=90'], 600);
    expect(grantedExpires(response, OWN, 600)).toBe(90);
  });

  it('falls back to what was asked for when the 2xx says nothing', () => {
    expect(grantedExpires(ok([]), OWN, 600)).toBe(600);
  });

  it('ignores a malformed Contact list instead of throwing', () => {
    const response = reparse(ok([], 45));
    response.append('Contact', '<sip:broken');
    expect(grantedExpires(response, OWN, 600)).toBe(45);
  });
});
