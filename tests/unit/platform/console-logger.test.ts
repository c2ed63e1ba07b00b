import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsoleLogger } from '../../../src/platform/console-logger';
import { buildChallenge, DigestClient } from '../../../src/sip';
import type { LogLevel } from '../../../src/sip/ports';
import { seededRandom } from '../support/fake-clock';

// A real MicroSIP REGISTER retried with credentials (CRLF line ends, as on the wire).
const MICROSIP_REGISTER = readFileSync(new URL('../../fixtures/sip/microsip-register-authorization.sip', import.meta.url), 'utf8');
const MICROSIP_RESPONSE = 'b70fca7c592084c62c51f1a5143ea339';
const MICROSIP_NONCE = 'vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL';

const PASSWORD = 'secret1000';
// MD5("1000:127.0.0.1:secret1000"), the kind of value a PBX user table stores.
const HA1 = '36a2d7ed1726a7fec575e3e495be02ef';

/** An INVITE retried after a 407, its Proxy-Authorization computed by Tabphone's own digest client. */
function inviteWithProxyAuthorization(): { text: string; value: string } {
  const client = new DigestClient({ username: '1000', password: PASSWORD }, seededRandom(3));
  const challenge = buildChallenge({ realm: '127.0.0.1', nonce: 'a1b2c3', algorithm: 'SHA-256', qop: ['auth'] });
  const answer = client.authorize({ status: 407, challengeHeaders: [challenge], method: 'INVITE', uri: 'sip:1001@127.0.0.1', body: '' });
  if (!answer.ok) throw new Error(answer.reason);
  const text = [
    'INVITE sip:1001@127.0.0.1 SIP/2.0',
    'Via: SIP/2.0/WS k3j2h1.invalid;branch=z9hG4bK7a8b9c',
    'Max-Forwards: 70',
    'From: <sip:1000@127.0.0.1>;tag=f00d',
    'To: <sip:1001@127.0.0.1>',
    'Call-ID: 6b1d2f3e4a5c',
    'CSeq: 2 INVITE',
    `${answer.header}: ${answer.value}`,
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
  return { text, value: answer.value };
}

const METHODS = ['debug', 'info', 'warn', 'error'] as const;
let calls: { method: LogLevel; args: unknown[] }[];

beforeEach(() => {
  calls = [];
  for (const method of METHODS) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void calls.push({ method, args }));
  }
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Everything the console was given, rendered the way the console would print it. */
function printed(): string {
  return calls.map((c) => inspect(c.args, { depth: Infinity })).join('\n');
}

describe('console logger: levels', () => {
  it('prefixes lines with [tabphone] and uses the console method of the level', () => {
    const logger = createConsoleLogger('debug');
    for (const level of METHODS) logger.log(level, `a ${level} line`);
    expect(calls).toEqual(METHODS.map((method) => ({ method, args: [`[tabphone] a ${method} line`] })));
  });

  it('drops debug lines by default', () => {
    const logger = createConsoleLogger();
    logger.log('debug', 'hidden');
    logger.log('info', 'shown');
    expect(calls).toEqual([{ method: 'info', args: ['[tabphone] shown'] }]);
  });

  it('drops everything under its minimum level', () => {
    const logger = createConsoleLogger('error');
    logger.log('info', 'no');
    logger.log('warn', 'no');
    logger.log('error', 'yes');
    expect(calls.map((c) => c.args[0])).toEqual(['[tabphone] yes']);
  });

  it('passes a detail as the second console argument and leaves it out when there is none', () => {
    const logger = createConsoleLogger();
    logger.log('info', 'with', { user: '1000' });
    logger.log('info', 'without');
    expect(calls.map((c) => c.args)).toEqual([['[tabphone] with', { user: '1000' }], ['[tabphone] without']]);
  });
});

describe('console logger: credentials never reach the console', () => {
  it('masks the Authorization line of a real REGISTER logged as the message, keeping the other lines', () => {
    createConsoleLogger('debug').log('debug', `sent:\n${MICROSIP_REGISTER}`);
    const out = printed();
    expect(out).not.toContain(MICROSIP_RESPONSE);
    expect(out).not.toContain(MICROSIP_NONCE);
    expect(out).not.toContain('microsip01');
    expect(calls[0]!.args[0]).toContain('Authorization: [redacted]\r\n');
    expect(calls[0]!.args[0]).toContain('CSeq: 24082 REGISTER\r\n');
    expect(calls[0]!.args[0]).toContain('Content-Length:  0\r\n');
  });

  it('masks a Proxy-Authorization line in a string detail', () => {
    const invite = inviteWithProxyAuthorization();
    createConsoleLogger().log('warn', 'retrying INVITE', invite.text);
    const out = printed();
    expect(out).not.toContain(invite.value);
    expect(out).not.toMatch(/response="?[0-9a-f]{64}/);
    expect(calls[0]!.args[1]).toContain('Proxy-Authorization: [redacted]\r\n');
    expect(calls[0]!.args[1]).toContain('CSeq: 2 INVITE\r\n');
  });

  it('masks header lines whatever their case and spacing before the colon', () => {
    const logger = createConsoleLogger();
    logger.log('info', 'authorization: Digest response="aaaa1111"');
    logger.log('info', 'x\nPROXY-AUTHORIZATION  : Digest response="bbbb2222"\ny');
    const out = printed();
    expect(out).not.toContain('aaaa1111');
    expect(out).not.toContain('bbbb2222');
    expect(calls.map((c) => c.args[0])).toEqual([
      '[tabphone] authorization: [redacted]',
      '[tabphone] x\nPROXY-AUTHORIZATION  : [redacted]\ny',
    ]);
  });

  it('keeps a challenge, which is no credential', () => {
    const challenge = 'WWW-Authenticate: Digest realm="127.0.0.1", nonce="n1", qop="auth"';
    createConsoleLogger().log('info', challenge);
    expect(calls[0]!.args[0]).toBe(`[tabphone] ${challenge}`);
  });

  it('masks password and HA1 fields of a detail object, at any depth and in any case', () => {
    createConsoleLogger().log('info', 'account', {
      username: '1000',
      password: PASSWORD,
      nested: { credentials: { HA1: HA1, Password: PASSWORD, realm: '127.0.0.1' } },
      list: [{ ha1: HA1 }, { PASSWORD }],
    });
    const out = printed();
    expect(out).not.toContain(PASSWORD);
    expect(out).not.toContain(HA1);
    expect(calls[0]!.args[1]).toEqual({
      username: '1000',
      password: '[redacted]',
      nested: { credentials: { HA1: '[redacted]', Password: '[redacted]', realm: '127.0.0.1' } },
      list: [{ ha1: '[redacted]' }, { PASSWORD: '[redacted]' }],
    });
  });

  it('masks Authorization and Proxy-Authorization fields of a header map', () => {
    const invite = inviteWithProxyAuthorization();
    createConsoleLogger().log('info', 'headers', {
      headers: { Authorization: 'Digest response="cccc3333"', 'proxy-authorization': invite.value, 'Call-ID': 'abc' },
    });
    const out = printed();
    expect(out).not.toContain('cccc3333');
    expect(out).not.toContain(invite.value);
    expect(calls[0]!.args[1]).toEqual({
      headers: { Authorization: '[redacted]', 'proxy-authorization': '[redacted]', 'Call-ID': 'abc' },
    });
  });

  it('masks header lines inside strings nested in a detail object', () => {
    createConsoleLogger('debug').log('debug', 'frame', { direction: 'out', text: MICROSIP_REGISTER, lines: [MICROSIP_REGISTER] });
    expect(printed()).not.toContain(MICROSIP_RESPONSE);
  });

  it('masks a password held by a class instance such as a parsed URI', () => {
    class UriLike {
      constructor(
        readonly user: string,
        readonly password: string,
        readonly host: string,
      ) {}
    }
    createConsoleLogger().log('info', 'uri', new UriLike('1000', PASSWORD, '127.0.0.1'));
    expect(printed()).not.toContain(PASSWORD);
    expect(calls[0]!.args[1]).toEqual({ user: '1000', password: '[redacted]', host: '127.0.0.1' });
  });

  it('leaves the logged object itself untouched', () => {
    const detail = { password: PASSWORD, inner: { ha1: HA1 } };
    createConsoleLogger().log('info', 'account', detail);
    expect(detail).toEqual({ password: PASSWORD, inner: { ha1: HA1 } });
  });

  it('passes primitive details through unchanged and keeps an error readable', () => {
    const error = new TypeError('Failed to fetch');
    const logger = createConsoleLogger();
    logger.log('error', 'e', error);
    logger.log('info', 'n', 42);
    logger.log('info', 'z', null);
    expect(calls.map((c) => c.args[1]).slice(1)).toEqual([42, null]);
    const logged = calls[0]!.args[1] as Error;
    expect(logged).toBeInstanceOf(Error);
    expect([logged.name, logged.message]).toEqual(['TypeError', 'Failed to fetch']);
  });

  it('masks the folded continuation of an Authorization header', () => {
    const folded = 'REGISTER sip:127.0.0.1 SIP/2.0\r\nAuthorization: Digest username="1000",\r\n realm="127.0.0.1",\r\n\tresponse="0123456789abcdef"\r\nCSeq: 2 REGISTER\r\n';
    createConsoleLogger().log('info', folded);
    expect(printed()).not.toContain('0123456789abcdef');
    expect(printed()).toContain('CSeq: 2 REGISTER');
  });

  it('masks Authorization values held in header-field objects, as a parsed message keeps them', () => {
    const { value } = inviteWithProxyAuthorization();
    createConsoleLogger().log('info', 'sent', { headers: [{ name: 'Proxy-Authorization', value }, { name: 'CSeq', value: '2 INVITE' }] });
    expect(printed()).not.toContain(value);
    expect(printed()).toContain('2 INVITE');
  });

  it('masks an Authorization line inside an error message', () => {
    const { text, value } = inviteWithProxyAuthorization();
    createConsoleLogger().log('error', 'send failed', new Error(`could not send:\r\n${text}`));
    expect(printed()).not.toContain(value);
  });

  it('does not throw on a detail that refers to itself', () => {
    const detail: Record<string, unknown> = { password: PASSWORD };
    detail.self = detail;
    expect(() => createConsoleLogger().log('info', 'loop', detail)).not.toThrow();
    expect(printed()).not.toContain(PASSWORD);
  });
});
