import { describe, expect, it } from 'vitest';
import { parseDialTarget } from '../../../src/services/dial-target';

const target = (input: string) => {
  const result = parseDialTarget(input);
  if (!result.ok) throw new Error(`expected "${input}" to dial, got: ${result.problem}`);
  return result.target;
};

const problem = (input: string) => {
  const result = parseDialTarget(input);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got target ${result.target}`);
  return result.problem;
};

describe('parseDialTarget: numbers', () => {
  it('dials an extension as typed', () => {
    expect(target('1001')).toBe('1001');
  });

  it('drops spaces, dashes, dots and parentheses from a pasted number', () => {
    expect(target(' +1 (555) 123-4567 ')).toBe('+15551234567');
    expect(target('555.123.4567')).toBe('5551234567');
    expect(target('030 / 1234 567')).toBe('0301234567');
  });

  it('drops a no-break space copied from a web page', () => {
    expect(target('+49\u00a030\u00a012345')).toBe('+493012345');
  });

  it('keeps * and # for feature codes', () => {
    expect(target('*98#')).toBe('*98#');
  });

  it('dials the number of a tel: URI without its parameters', () => {
    expect(target('tel:+1-555-123-4567')).toBe('+15551234567');
    expect(target('TEL:7042;phone-context=example.com')).toBe('7042');
  });

  it('reads a sip: prefix without a host as a number of the account domain', () => {
    expect(target('sip:1001')).toBe('1001');
    expect(target('sip: +44 20 7946 0000')).toBe('+442079460000');
  });
});

describe('parseDialTarget: user names and SIP URIs', () => {
  it('dials a user name as typed, dots included', () => {
    expect(target('john.doe')).toBe('john.doe');
  });

  it('keeps a SIP URI and cleans a decorated number in its user part', () => {
    expect(target('sip:1001@127.0.0.1')).toBe('sip:1001@127.0.0.1');
    expect(target('sip:+1 (555) 123-4567@pbx.example.com')).toBe('sip:+15551234567@pbx.example.com');
  });

  it('keeps sips:, a port and URI parameters', () => {
    expect(target('sips:alice@example.com:5061;transport=ws')).toBe('sips:alice@example.com:5061;transport=ws');
  });

  it('adds sip: to user@host and takes the URI out of angle brackets', () => {
    expect(target('1001@127.0.0.1')).toBe('sip:1001@127.0.0.1');
    expect(target('<sip:bob@[::1]:5070>')).toBe('sip:bob@[::1]:5070');
  });
});

describe('parseDialTarget: refusals', () => {
  it('asks for a number when the field is empty or only separators', () => {
    expect(problem('   ')).toBe('Enter a number or SIP URI');
    expect(problem('tel:--')).toBe('Enter a number or SIP URI');
  });

  it('refuses a number with letters mixed in as not a phone number', () => {
    expect(problem('tel:555-CALL-NOW')).toBe('"tel:555-CALL-NOW" is not a phone number');
  });

  it('refuses text with spaces that is not a number', () => {
    expect(problem('john doe')).toBe('"john doe" is not a number or SIP URI');
  });

  it('refuses a URI whose host or user is malformed', () => {
    expect(problem('sip:1001@bad host')).toBe('"bad host" is not a valid host');
    expect(problem('sip:@127.0.0.1')).toBe('"" is not a valid SIP user');
    expect(problem('sips:alice')).toBe('"sips:alice" has no host after "@"');
  });
});
