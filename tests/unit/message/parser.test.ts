import { describe, expect, it } from 'vitest';
import { SipParseError, SipRequest, SipResponse, parseMessage } from '../../../src/sip';

const HEAD = [
  'Via: SIP/2.0/WS a.invalid;branch=z9hG4bK1',
  'From: <sip:alice@example.com>;tag=f1',
  'To: <sip:bob@example.com>',
  'Call-ID: abc',
];

function req(lines: string[], body = '', method = 'MESSAGE'): string {
  return [`${method} sip:bob@example.com SIP/2.0`, ...HEAD, `CSeq: 1 ${method}`, ...lines, '', body].join('\r\n');
}

function fault(text: string): string {
  try {
    parseMessage(text);
  } catch (error) {
    if (error instanceof SipParseError) return error.fault;
    throw error;
  }
  throw new Error('accepted');
}

describe('parseMessage framing', () => {
  it('takes the body by Content-Length counted in UTF-8 bytes', () => {
    const m = parseMessage(req(['Content-Type: text/plain', 'Content-Length: 7'], 'héllo!'));
    expect(m.body).toBe('héllo!');
    expect(m.body.length).toBe(6);
  });

  it('refuses a body shorter than Content-Length', () => {
    expect(fault(req(['Content-Length: 150'], 'x'.repeat(120)))).toBe('Content-Length 150 but body has 120 bytes');
  });

  it('refuses bytes beyond Content-Length, counting multi-byte characters', () => {
    expect(fault(req(['Content-Length: 6'], 'héllo!'))).toBe('1 bytes beyond Content-Length 6');
    expect(fault(req(['Content-Length: 0'], '\r\n'))).toBe('2 bytes beyond Content-Length 0');
  });

  it('lets the body run to the end of the frame when Content-Length is missing', () => {
    expect(parseMessage(req([], 'a\r\nb')).body).toBe('a\r\nb');
  });

  it('counts characters as octets for a byte-string frame', () => {
    const text = req(['Content-Length: 3'], '\u00ff\u0000\u0080');
    expect(() => parseMessage(text)).toThrow(SipParseError);
    expect(parseMessage(text, { byteString: true }).body).toBe('\u00ff\u0000\u0080');
  });

  it('refuses negative, non-numeric and repeated Content-Length', () => {
    expect(fault(req(['Content-Length: -1']))).toMatch(/Content-Length "-1" is not a number/);
    expect(fault(req(['Content-Length: 0', 'l: 0']))).toBe('more than one Content-Length header');
  });

  it('ignores CRLFs before the start line', () => {
    expect(parseMessage('\r\n\r\n' + req(['Content-Length: 0']))).toBeInstanceOf(SipRequest);
  });

  it('accepts bare LF line endings', () => {
    const m = parseMessage(req(['Content-Length: 2'], 'hi').replaceAll('\r\n', '\n'));
    expect(m.body).toBe('hi');
    expect(m.callId).toBe('abc');
  });

  it('takes the end of the frame as the end of headers when the blank line is missing', () => {
    const text = req(['Content-Length: 0']).slice(0, -2);
    expect(parseMessage(text).body).toBe('');
    expect(fault(text.slice(0, -2))).toBe('message ends inside a header line');
  });

  it('undoes line folding, joining with one space', () => {
    const m = parseMessage(req(['Subject: first', ' \t second', '\tthird', 'Content-Length: 0']));
    expect(m.get('Subject')).toBe('first second third');
    const emptyFirst = parseMessage(req(['Route:', '   <sip:p.example.com;lr>  ', 'Content-Length: 0']));
    expect(emptyFirst.get('Route')).toBe('<sip:p.example.com;lr>');
  });

  it('keeps empty header values', () => {
    expect(parseMessage(req(['Subject:', 'Content-Length: 0'])).get('Subject')).toBe('');
  });

  it('parses a response status line with an empty or unusual reason phrase', () => {
    const base = [...HEAD, 'CSeq: 1 INVITE', 'Content-Length: 0', '', ''].join('\r\n');
    const empty = parseMessage(`SIP/2.0 100 \r\n${base}`) as SipResponse;
    expect(empty.status).toBe(100);
    expect(empty.reason).toBe('');
    const odd = parseMessage(`SIP/2.0 200 = 2**3 * 5**2 но сто девяносто девять\r\n${base}`) as SipResponse;
    expect(odd.reason).toBe('= 2**3 * 5**2 но сто девяносто девять');
  });

  it('requires the CSeq method to equal the request method, ACK included', () => {
    expect(fault(req(['Content-Length: 0']).replace('CSeq: 1 MESSAGE', 'CSeq: 1 INVITE'))).toBe(
      'CSeq method INVITE does not match request method MESSAGE',
    );
    const ack = req(['Content-Length: 0'], '', 'ACK');
    expect((parseMessage(ack) as SipRequest).cseq.method).toBe('ACK');
  });

  it('refuses start-line faults with a specific reason', () => {
    const rest = req(['Content-Length: 0']).slice(req(['Content-Length: 0']).indexOf('\r\n'));
    expect(fault(`MESSAGE sip:bob@example.com SIP/3.0${rest}`)).toMatch(/unsupported SIP version "SIP\/3.0"/);
    expect(fault(`SIP/2.0 099 Low${rest}`)).toMatch(/not three digits from 100 to 699/);
    expect(fault(`SIP/2.0 700 High${rest}`)).toMatch(/not three digits/);
    expect(fault(`SIP/2.0 20 OK${rest}`)).toMatch(/not three digits/);
    expect(fault(`MESSAGE <sip:bob@example.com> SIP/2.0${rest}`)).toBe('Request-URI enclosed in <>');
    expect(fault(`MESSAGE  sip:bob@example.com SIP/2.0${rest}`)).toBe('more than one SP between request-line elements');
    expect(fault(`MESSAGE sip:bob@example.com SIP/2.0 ${rest}`)).toBe('whitespace after the SIP version in the request line');
    expect(fault(`MESSAGE sip:bob@example.com;x y SIP/2.0${rest}`)).toBe('whitespace inside the Request-URI');
    expect(fault(`MESSAGE sip:bob@example.com?Route=x SIP/2.0${rest}`)).toBe('Request-URI carries URI headers');
    expect(fault(`MES{SAGE sip:bob@example.com SIP/2.0${rest}`)).toMatch(/bad method/);
    expect(fault('')).toBe('empty message');
    expect(fault('\r\n\r\n')).toBe('empty message');
  });

  it('refuses header faults with a specific reason', () => {
    expect(fault(req(['Content-Length: 0']).replace('Call-ID: abc\r\n', ''))).toBe('missing Call-ID');
    expect(fault(req(['Call-ID: def', 'Content-Length: 0']))).toBe('more than one Call-ID header');
    expect(fault(req(['Content-Length: 0']).replace(/Via: [^\r]*\r\n/, ''))).toBe('missing Via');
    expect(fault(req(['Max-Forwards: 256']))).toMatch(/Max-Forwards 256 is larger than 255/);
    expect(fault(req(['Expires: soon']))).toMatch(/Expires "soon" is not a number/);
    expect(fault(req(['Contact: <sip:a@b']))).toMatch(/Contact/);
    expect(fault(req(['Bad Name: x']))).toMatch(/bad header name/);
    expect(fault(req(['no colon here']))).toMatch(/without a colon/);
    expect(fault(req(['X: a\rb']))).toBe('stray CR inside a header line');
    expect(fault(req(['Content-Length: 0']).replace('CSeq: 1 MESSAGE', 'CSeq: 2147483648 MESSAGE'))).toMatch(
      /CSeq number 2147483648 is larger than 2147483647/,
    );
    expect(fault(req(['Content-Length: 0']).replace('CSeq: 1 MESSAGE', 'CSeq: 1'))).toBe('CSeq without a method');
    expect(fault(req(['Content-Length: 0']).replace('Call-ID: abc', 'Call-ID: a b'))).toBe('whitespace inside Call-ID');
    expect(fault(`${req([])}`.replace('Via: ', ' Via: ').replace('SIP/2.0\r\n ', 'SIP/2.0\r\n\t'))).toMatch(
      /continuation line without a header/,
    );
  });

  it('accepts CSeq numbers up to 2^31-1 with leading zeros', () => {
    const m = parseMessage(req(['Content-Length: 0']).replace('CSeq: 1 MESSAGE', 'CSeq: 0002147483647 MESSAGE'));
    expect(m.cseq.seq).toBe(2 ** 31 - 1);
  });

  it('validates Contact eagerly in requests but lazily in responses', () => {
    const badContact = [...HEAD, 'CSeq: 1 INVITE', 'Contact: <sip:a@b', 'Content-Length: 0', '', ''].join('\r\n');
    const res = parseMessage(`SIP/2.0 200 OK\r\n${badContact}`);
    expect(() => res.contact).toThrow(SipParseError);
  });

  it('never throws anything but SipParseError', () => {
    for (const text of ['\u0000', 'SIP/2.0', 'A B C\r\n', '\uD800\r\n\r\n', 'INVITE sip:a@b SIP/2.0\r\n:\r\n\r\n']) {
      expect(() => parseMessage(text)).toThrow(SipParseError);
    }
  });
});
