import { describe, expect, it } from 'vitest';
import { SipUri } from '../../../src/sip';
import { isFollowedRedirect, redirectContacts } from '../../../src/sip/ua/call/redirect-contacts';
import { MAX_REDIRECTS, RedirectTargets } from '../../../src/sip/ua/call/redirect-targets';
import { sipRequest, sipResponse } from '../support/sip-messages';

const ACCOUNT = SipUri.parse('sip:1000@pbx.example.com');

/** The addresses a 3xx with these Contact lines sends us to, as text. */
function contactsOf(...lines: string[]): string[] {
  const response = sipResponse(sipRequest('INVITE'), 302, { toTag: 'redirector', headers: lines.map((line): [string, string] => ['Contact', line]) });
  return redirectContacts(response, ACCOUNT).map((uri) => uri.toString());
}

const uri = (text: string) => SipUri.parse(text);

describe('the Contacts of a 3xx', () => {
  it('follows 300 to 303 only: 305 Use Proxy and 380 Alternative Service are failures', () => {
    expect([300, 301, 302, 303].every(isFollowedRedirect)).toBe(true);
    expect([305, 380, 399, 200, 404].some(isFollowedRedirect)).toBe(false);
  });

  it('orders the addresses by q, highest first, with no q counting as 1 and equal q in the order given', () => {
    expect(
      contactsOf('<sip:low@a.example>;q=0.1, <sip:first@a.example>', '<sip:high@a.example>;q=0.9', 'sip:second@a.example;q=1.0', '<sip:mid@a.example>;q=0.5'),
    ).toEqual(['sip:first@a.example', 'sip:second@a.example', 'sip:high@a.example', 'sip:mid@a.example', 'sip:low@a.example']);
  });

  it('puts an address with an unreadable q last', () => {
    expect(contactsOf('<sip:odd@a.example>;q=high', '<sip:plain@a.example>;q=0.001')).toEqual(['sip:plain@a.example', 'sip:odd@a.example']);
  });

  it('drops the URI headers and method parameter but keeps the other parameters', () => {
    expect(contactsOf('<sip:desk@a.example;transport=tcp;method=REGISTER?Subject=hi&Priority=urgent>')).toEqual(['sip:desk@a.example;transport=tcp']);
    expect(contactsOf('<sip:desk@a.example;METHOD=BYE>;Q=0.5', '<sip:top@a.example>')).toEqual(['sip:top@a.example', 'sip:desk@a.example']);
  });

  it('maps a tel: contact to a number in our domain, as dialling does, and skips schemes we cannot call', () => {
    expect(contactsOf('<tel:+1-555-0100>', '<mailto:desk@a.example>', '<http://a.example/moved>', '<sips:secure@a.example>')).toEqual([
      'sip:+1-555-0100@pbx.example.com;user=phone',
      'sips:secure@a.example',
    ]);
  });

  it('skips a malformed Contact value without losing the good ones, and reads none from a 3xx without Contact', () => {
    expect(contactsOf('<sip:broken@a.example', '"unterminated <sip:x@a.example>', '<sip:good@a.example>')).toEqual(['sip:good@a.example']);
    expect(contactsOf()).toEqual([]);
    expect(contactsOf('*')).toEqual([]);
  });
});

describe('the target set of a redirected call', () => {
  it('hands out each address once, the newest 3xx first, then those left from earlier ones', () => {
    const targets = new RedirectTargets(uri('sip:1002@pbx.example.com'));
    expect(targets.redirected).toBe(false);
    targets.add([uri('sip:a@x.example'), uri('sip:b@x.example')]);
    expect(targets.next()?.toString()).toBe('sip:a@x.example');
    expect(targets.redirected).toBe(true);
    targets.add([uri('sip:c@x.example')]);
    expect([targets.next(), targets.next(), targets.next()].map((u) => u?.toString())).toEqual(['sip:c@x.example', 'sip:b@x.example', undefined]);
  });

  it('never returns to an address already tried or waiting, the dialled one included (loop protection)', () => {
    const targets = new RedirectTargets(uri('sip:1002@pbx.example.com'));
    expect(targets.add([uri('sip:1002@pbx.example.com;transport=ws'), uri('sip:1003@pbx.example.com')]).map(String)).toEqual(['sip:1003@pbx.example.com']);
    expect(targets.add([uri('sip:1003@PBX.example.com')])).toEqual([]);
    targets.next();
    expect(targets.add([uri('sip:1003@pbx.example.com'), uri('sip:1002@pbx.example.com')])).toEqual([]);
    expect(targets.next()).toBeUndefined();
  });

  it('tells addresses apart by user, port and the maddr, user and ttl parameters', () => {
    const targets = new RedirectTargets(uri('sip:1002@pbx.example.com'));
    const fresh = targets.add([
      uri('sip:1002@pbx.example.com:5080'),
      uri('sip:1002@pbx.example.com;maddr=10.0.0.1'),
      uri('sip:1002@pbx.example.com;user=phone'),
      uri('sips:1002@pbx.example.com'),
      uri('sip:1003@pbx.example.com'),
    ]);
    expect(fresh).toHaveLength(5);
  });

  it(`stops after ${MAX_REDIRECTS} redirected attempts and says when an address was left waiting`, () => {
    const targets = new RedirectTargets(uri('sip:1002@pbx.example.com'));
    targets.add(Array.from({ length: MAX_REDIRECTS + 1 }, (_, i) => uri(`sip:fwd${i}@x.example`)));
    for (let i = 0; i < MAX_REDIRECTS; i++) expect(targets.next()?.user).toBe(`fwd${i}`);
    expect(targets.limitReached).toBe(true);
    expect(targets.next()).toBeUndefined();
  });

  it('does not report the limit when nothing is left to try anyway', () => {
    const targets = new RedirectTargets(uri('sip:1002@pbx.example.com'));
    targets.add(Array.from({ length: MAX_REDIRECTS }, (_, i) => uri(`sip:fwd${i}@x.example`)));
    for (let i = 0; i < MAX_REDIRECTS; i++) targets.next();
    expect(targets.limitReached).toBe(false);
  });
});
