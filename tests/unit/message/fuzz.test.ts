import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { SipParseError, SipRequest, parseMessage, type SipMessage } from '../../../src/sip';
import { readCaptures } from './frames';

/**
 * Property-based fuzzing: whatever arrives in a frame, parseMessage returns a message or
 * throws a SipParseError, quickly; accepted messages survive toString → parse, and their
 * lazily parsed headers give a value or a SipParseError, nothing else.
 */

const captures = [...readCaptures().values()];
let runs = 0;
let accepted = 0;

const TYPED_GETTERS = [
  'via', 'from', 'to', 'callId', 'cseq', 'contact', 'isContactStar', 'route', 'recordRoute', 'maxForwards',
  'expires', 'contentType', 'mediaType', 'supported', 'require', 'allow', 'unsupported', 'proxyRequire',
  'allowEvents', 'event', 'subscriptionState', 'referTo', 'referredBy', 'replaces', 'sessionExpires', 'minSE',
  'rseq', 'rack', 'pAssertedIdentity', 'reasonValues', 'retryAfter', 'minExpires',
] as const;

function outcome(text: string, byteString = false): SipMessage | SipParseError {
  try {
    return parseMessage(text, { byteString });
  } catch (error) {
    if (error instanceof SipParseError) return error;
    throw error; // anything else fails the property
  }
}

/** The property every input must satisfy. */
function check(text: string, byteString = false): boolean {
  runs++;
  const started = performance.now();
  const result = outcome(text, byteString);
  // Inputs are a few KB: linear scanning takes well under a millisecond, so this bound only
  // trips on a hang or backtracking blow-up, not on a busy test machine.
  expect(performance.now() - started).toBeLessThan(1000);
  if (result instanceof SipParseError) {
    expect(result.fault.length).toBeGreaterThan(0);
    return true;
  }
  accepted++;
  for (const name of TYPED_GETTERS) {
    try {
      void result[name];
    } catch (error) {
      if (!(error instanceof SipParseError)) throw error;
    }
  }
  for (const name of ['WWW-Authenticate', 'Authorization'] as const) {
    try {
      result.authHeaders(name);
    } catch (error) {
      if (!(error instanceof SipParseError)) throw error;
    }
  }
  const again = parseMessage(result.toString());
  expect(again.constructor).toBe(result.constructor);
  expect(again.headers.filter((h) => h.name !== 'Content-Length')).toEqual(
    result.headers.filter((h) => h.name !== 'Content-Length'),
  );
  expect(again.body).toBe(byteString ? again.body : result.body);
  if (result instanceof SipRequest && again instanceof SipRequest) {
    expect(again.method).toBe(result.method);
    expect(again.uri.toString()).toBe(result.uri.toString());
  }
  return true;
}

/** Pieces of SIP syntax, so random concatenations get past the first checks more often. */
const SIP_PIECES = [
  'INVITE ', 'REGISTER ', 'SIP/2.0', 'SIP/2.0 ', '200 OK', ' ', '  ', '\t', '\r\n', '\n', '\r\n ', '\r\n\r\n',
  'sip:', 'sips:', 'tel:+1', 'user', '@', 'example.com', ':5060', '[::1]', ';', ';lr', ';tag=', ';branch=z9hG4bK',
  '=', ',', '"', '\\', '<', '>', '%', '%41', '%00', '?', '&', 'Via: ', 'v: ', 'SIP/2.0/WS host.invalid',
  'From: ', 'f: ', 'To: ', 't: ', 'Call-ID: ', 'i: ', 'CSeq: ', '1 INVITE', 'Contact: ', 'm: ', '*',
  'Max-Forwards: ', '70', 'Content-Length: ', 'l: ', '0', '99999999999', '-1', 'Expires: ', 'Route: ',
  'Digest realm="x", nonce="y"', 'é', '\u0000', '\uD800',
];

function mutate(text: string, ops: { kind: number; at: number; len: number; ch: string }[]): string {
  let s = text;
  for (const op of ops) {
    const at = s.length === 0 ? 0 : op.at % (s.length + 1);
    const lines = s.split('\r\n');
    const line = lines.length === 0 ? 0 : op.at % lines.length;
    switch (op.kind) {
      case 0: // insert
        s = s.slice(0, at) + op.ch + s.slice(at);
        break;
      case 1: // delete
        s = s.slice(0, at) + s.slice(at + op.len);
        break;
      case 2: // replace
        s = s.slice(0, at) + op.ch + s.slice(at + 1);
        break;
      case 3: // truncate
        s = s.slice(0, at);
        break;
      case 4: // duplicate a line
        lines.splice(line, 0, lines[line] ?? '');
        s = lines.join('\r\n');
        break;
      case 5: {
        // swap the names of two header lines
        const other = (line + op.len) % lines.length;
        const a = lines[line] ?? '';
        const b = lines[other] ?? '';
        const ca = a.indexOf(':');
        const cb = b.indexOf(':');
        if (ca > 0 && cb > 0) {
          lines[line] = b.slice(0, cb) + a.slice(ca);
          lines[other] = a.slice(0, ca) + b.slice(cb);
        }
        s = lines.join('\r\n');
        break;
      }
      case 6: // fold a line
        s = s.slice(0, at) + '\r\n ' + s.slice(at);
        break;
      default: // drop a line
        lines.splice(line, 1);
        s = lines.join('\r\n');
    }
  }
  return s;
}

const mutation = fc.record({
  kind: fc.integer({ min: 0, max: 7 }),
  at: fc.nat(),
  len: fc.integer({ min: 1, max: 12 }),
  ch: fc.constantFrom(...SIP_PIECES, 'x', ':', '\r', '\n'),
});

describe('parser fuzzing', () => {
  it('turns random text into a message or a SipParseError', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => check(s)), { numRuns: 4000 });
  });

  it('turns random byte strings (controls, NUL, Latin-1) into a message or a SipParseError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 600 }), fc.boolean(), (s, bytes) => check(s, bytes)),
      { numRuns: 4000 },
    );
  });

  it('turns random concatenations of SIP syntax into a message or a SipParseError', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SIP_PIECES), { maxLength: 120 }), (parts) => check(parts.join(''))),
      { numRuns: 5000 },
    );
  });

  it('turns mutated real captures into a message or a SipParseError', () => {
    fc.assert(
      fc.property(fc.constantFrom(...captures), fc.array(mutation, { minLength: 1, maxLength: 6 }), (text, ops) =>
        check(mutate(text, ops)),
      ),
      { numRuns: 10000 },
    );
  });

  it('splices SIP syntax into real captures and still answers with a message or a SipParseError', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...captures),
        fc.nat(),
        fc.array(fc.constantFrom(...SIP_PIECES), { minLength: 1, maxLength: 8 }),
        (text, at, parts) => {
          const i = at % (text.length + 1);
          return check(text.slice(0, i) + parts.join('') + text.slice(i));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('parses adversarial repetitions in linear time', () => {
    const head = 'INVITE sip:a@b SIP/2.0\r\nVia: SIP/2.0/WS h;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\n';
    const tail = 'Call-ID: x\r\nCSeq: 1 INVITE\r\n\r\n';
    const bombs = [
      `To: ${'"'.repeat(200_000)}\r\n`,
      `To: <sip:b@c>${';a'.repeat(100_000)}\r\n`,
      `To: <sip:b@c>\r\nX: ${'\r\n '.repeat(100_000)}v\r\n`,
      `To: <sip:b@c>\r\nContact: ${'<sip:a@b>,'.repeat(20_000)}<sip:a@b>\r\n`,
      `To: ${'%'.repeat(200_000)}\r\n`,
      `To: <sip:${'%41'.repeat(60_000)}@b>\r\n`,
      `To: <sip:b@c>\r\nX: ${'\\"<'.repeat(60_000)}\r\n`,
    ];
    for (const bomb of bombs) {
      const started = performance.now();
      check(head + bomb + tail);
      // ~100 ms when linear (cold JIT, GC included); quadratic work on 200 KB takes minutes.
      expect(performance.now() - started).toBeLessThan(2000);
    }
  });

  afterAll(() => {
    console.log(`parser fuzzing: ${runs} inputs (${accepted} accepted and round-tripped, the rest refused with a SipParseError)`);
  });
});
