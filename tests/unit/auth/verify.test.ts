import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseAuthorization } from '../../../src/sip/auth/authorization';
import { buildChallenge } from '../../../src/sip/auth/challenge';
import { DigestClient } from '../../../src/sip/auth/digest-client';
import { computeHa1 } from '../../../src/sip/auth/digest-response';
import { DIGEST_ALGORITHMS, type DigestAlgorithm } from '../../../src/sip/auth/hash';
import { isHeaderSafe } from '../../../src/sip/auth/auth-params';
import { verifyAuthorization, type VerifyAuthorizationOptions } from '../../../src/sip/auth/verify';
import { seededRandom } from '../support/fake-clock';

const REALM = '127.0.0.1';
const PASSWORD = 'secret1000';
const valid = () => true;

/** What our own client sends for a challenge built by the server side. */
function clientAnswer(opts: {
  algorithm: string;
  qop?: string[];
  username?: string;
  password?: string;
  method?: string;
  body?: string;
  userhash?: boolean;
}): string {
  const client = new DigestClient(
    { username: opts.username ?? '1000', password: opts.password ?? PASSWORD },
    seededRandom(3),
  );
  const result = client.authorize({
    status: 401,
    challengeHeaders: [
      buildChallenge({ realm: REALM, nonce: 'nonce-1', algorithm: opts.algorithm, qop: opts.qop, userhash: opts.userhash }),
    ],
    method: opts.method ?? 'INVITE',
    uri: 'sip:1001@127.0.0.1',
    body: opts.body ?? '',
  });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function verify(value: string, opts: Partial<VerifyAuthorizationOptions> = {}) {
  return verifyAuthorization(value, { method: 'INVITE', realm: REALM, password: PASSWORD, isNonceValid: valid, ...opts });
}

const qopModes = (alg: DigestAlgorithm): (string[] | undefined)[] =>
  alg.session ? [['auth'], ['auth-int']] : [undefined, ['auth'], ['auth-int']];
const matrix = DIGEST_ALGORITHMS.flatMap((alg) => qopModes(alg).map((qop) => [alg.name, qop?.[0] ?? 'none', alg, qop] as const));

describe('verifyAuthorization of what DigestClient produces', () => {
  const body = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n';

  it.each(matrix)('accepts %s with qop=%s from the password', (_n, _q, alg, qop) => {
    expect(verify(clientAnswer({ algorithm: alg.name, qop, body }), { body })).toMatchObject({ ok: true, username: '1000' });
  });

  it.each(matrix)('accepts %s with qop=%s from an HA1 of its family', (_n, _q, alg, qop) => {
    const ha1 = computeHa1({
      algorithm: DIGEST_ALGORITHMS.find((a) => a.family === alg.family && !a.session)!,
      username: '1000',
      realm: REALM,
      secret: { password: PASSWORD },
      nonce: '',
      method: '',
      uri: '',
    });
    const value = clientAnswer({ algorithm: alg.name, qop, body });
    expect(verify(value, { body, password: undefined, ha1, ha1Algorithm: alg.family })).toMatchObject({ ok: true });
  });

  it.each(matrix)('rejects %s with qop=%s made with a wrong password', (_n, _q, alg, qop) => {
    expect(verify(clientAnswer({ algorithm: alg.name, qop, password: 'wrong' }))).toEqual({
      ok: false,
      stale: false,
      reason: 'wrong credentials',
    });
  });

  it('returns the nonce and the nonce count so the PBX can refuse replays', () => {
    expect(verify(clientAnswer({ algorithm: 'SHA-256', qop: ['auth'] }))).toEqual({
      ok: true,
      username: '1000',
      nonce: 'nonce-1',
      nc: 1,
    });
  });

  it('reports stale when the response is right but the nonce is no longer valid', () => {
    expect(verify(clientAnswer({ algorithm: 'SHA-256', qop: ['auth'] }), { isNonceValid: () => false })).toEqual({
      ok: false,
      stale: true,
      reason: 'stale nonce',
    });
  });

  it('does not report stale when the response is wrong for an expired nonce', () => {
    const result = verify(clientAnswer({ algorithm: 'MD5', password: 'wrong' }), { isNonceValid: () => false });
    expect(result).toMatchObject({ ok: false, stale: false });
  });

  it('rejects auth-int credentials when the body was changed', () => {
    const value = clientAnswer({ algorithm: 'SHA-256', qop: ['auth-int'], body: 'v=0\r\n' });
    expect(verify(value, { body: 'v=0\r\n' }).ok).toBe(true);
    expect(verify(value, { body: 'v=1\r\n' }).ok).toBe(false);
  });

  it('rejects credentials computed for another method', () => {
    expect(verify(clientAnswer({ algorithm: 'MD5', method: 'REGISTER' })).ok).toBe(false);
  });

  it('accepts userhash credentials once the caller names the user', () => {
    const value = clientAnswer({ algorithm: 'SHA-512-256', qop: ['auth'], userhash: true });
    expect(verify(value, { username: '1000' })).toMatchObject({ ok: true, username: '1000' });
    expect(verify(value)).toMatchObject({ ok: false, reason: 'userhash needs the username from the caller' });
    expect(verify(value, { username: '1001' })).toMatchObject({ ok: false, reason: 'username does not match' });
  });

  it('accepts any header-safe username and password', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter(isHeaderSafe), fc.string(), (username, password) => {
        const value = clientAnswer({ algorithm: 'SHA-256', qop: ['auth'], username, password });
        expect(verify(value, { password })).toMatchObject({ ok: true, username });
      }),
      { numRuns: 50 },
    );
  });
});

describe('verifyAuthorization of published credentials', () => {
  it('accepts the RFC 2617 §3.5 Authorization', () => {
    const value =
      'Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ' +
      'uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", ' +
      'response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"';
    expect(
      verifyAuthorization(value, { method: 'GET', realm: 'testrealm@host.com', password: 'Circle Of Life', isNonceValid: valid }),
    ).toEqual({ ok: true, username: 'Mufasa', nonce: 'dcd98b7102dd2f0e8b11d0f600bfb0c093', nc: 1 });
  });

  it('accepts the RFC 7616 §3.9.1 SHA-256 Authorization, folded over several lines', () => {
    const value = `Digest username="Mufasa",
       realm="http-auth@example.org",
       uri="/dir/index.html",
       algorithm=SHA-256,
       nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v",
       nc=00000001,
       cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ",
       qop=auth,
       response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
       opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"`;
    const opts = { method: 'GET', realm: 'http-auth@example.org', password: 'Circle of Life', isNonceValid: valid };
    expect(verifyAuthorization(value, opts)).toMatchObject({ ok: true, username: 'Mufasa' });
    expect(verifyAuthorization(value, { ...opts, password: 'Circle Of Life' })).toMatchObject({ ok: false, stale: false });
  });

  it('accepts the RFC 7616 §3.9.2 userhash Authorization with the erratum 4897 values', () => {
    const value =
      'Digest username="793263caabb707a56211940d90411ea4a575adeccb7e360aeb624ed06ece9b0b", ' +
      'realm="api@example.org", uri="/doe.json", algorithm=SHA-512-256, ' +
      'nonce="5TsQWLVdgBdmrQ0XsxbDODV+57QdFR34I9HAbC/RVvkK", nc=00000001, ' +
      'cnonce="NTg6RKcb9boFIAS3KrFK9BGeh+iDa/sm6jUMp2wds69v", qop=auth, ' +
      'response="3798d4131c277846293534c3edc11bd8a5e4cdcbff78b05db9d95eeb1cec68a5", ' +
      'opaque="HRPCssKJSGjCrkzDg8OhwpzCiGPChXYjwrI2QmXDnsOS", userhash=true';
    expect(
      verifyAuthorization(value, {
        method: 'GET',
        realm: 'api@example.org',
        password: 'Secret, or not?',
        username: 'J\u00e4s\u00f8n Doe',
        isNonceValid: valid,
      }),
    ).toMatchObject({ ok: true, username: 'J\u00e4s\u00f8n Doe' });
  });

  it('reads the MicroSIP Authorization from the CUCM trace and rejects a guessed password', () => {
    const value =
      'Digest username="microsip01", realm="ccmsipline", nonce="vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL", ' +
      'uri="sip:192.168.80.100", response="b70fca7c592084c62c51f1a5143ea339", algorithm=MD5';
    expect(parseAuthorization(value)).toEqual({
      ok: true,
      params: {
        username: 'microsip01',
        realm: 'ccmsipline',
        nonce: 'vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL',
        uri: 'sip:192.168.80.100',
        response: 'b70fca7c592084c62c51f1a5143ea339',
        algorithm: 'MD5',
        userhash: false,
      },
    });
    expect(
      verifyAuthorization(value, {
        method: 'REGISTER',
        realm: 'ccmsipline',
        password: 'microsip01',
        uri: 'sip:192.168.80.100',
        isNonceValid: valid,
      }),
    ).toEqual({ ok: false, stale: false, reason: 'wrong credentials' });
  });
});

describe('verifyAuthorization refusals', () => {
  const good = () => clientAnswer({ algorithm: 'MD5' });

  it('refuses the unknown scheme of the RFC 4475 regaut01 torture message', () => {
    const message = readFileSync(new URL('../../fixtures/rfc4475/regaut01.dat', import.meta.url), 'latin1');
    const value = /^Authorization: (.*)$/m.exec(message)![1]!.replace(/\r$/, '');
    expect(verify(value)).toEqual({ ok: false, stale: false, reason: 'unsupported authorization scheme NoOneKnowsThisScheme' });
  });

  it.each([
    ['malformed credentials', 'Digest username="1000'],
    ['credentials lack response', 'Digest username="1000", realm="127.0.0.1", nonce="n", uri="sip:x"'],
    ['realm does not match', good().replace(`realm="${REALM}"`, 'realm="other"')],
    ['unsupported algorithm SHA-1', good().replace('algorithm=MD5', 'algorithm=SHA-1')],
    ['unsupported qop auth-conf', `${good()}, qop=auth-conf, nc=00000001, cnonce="c"`],
    ['qop without a valid nc', `${good()}, qop=auth, nc=1, cnonce="c"`],
    ['qop without a cnonce', `${good()}, qop=auth, nc=00000001`],
  ])('refuses with "%s"', (reason, value) => {
    expect(verify(value)).toEqual({ ok: false, stale: false, reason });
  });

  it('refuses an algorithm the server did not offer, so MD5 cannot be forced on it', () => {
    expect(verify(good(), { algorithms: ['SHA-256', 'SHA-512-256'] })).toMatchObject({
      ok: false,
      reason: 'algorithm MD5 not offered',
    });
    expect(verify(good(), { algorithms: ['md5'] }).ok).toBe(true);
  });

  it('refuses an answer without qop when the server offered qop', () => {
    expect(verify(good(), { qop: ['auth'] })).toMatchObject({ ok: false, reason: 'qop not offered' });
  });

  it('refuses credentials for another Request-URI or another user than the caller expects', () => {
    expect(verify(good(), { uri: 'sip:1002@127.0.0.1' })).toMatchObject({ reason: 'uri does not match the Request-URI' });
    expect(verify(good(), { username: '1001' })).toMatchObject({ reason: 'username does not match' });
  });

  it('refuses to check against an HA1 of another family', () => {
    expect(verify(clientAnswer({ algorithm: 'SHA-256' }), { password: undefined, ha1: 'ab'.repeat(16) })).toMatchObject({
      ok: false,
      reason: 'no password or SHA-256 HA1 to check against',
    });
  });

  it('accepts an upper-case hex response', () => {
    const value = good().replace(/response="([0-9a-f]+)"/, (_m, hex: string) => `response="${hex.toUpperCase()}"`);
    expect(verify(value).ok).toBe(true);
  });

  it('never echoes the response or the password in a reason', () => {
    const value = clientAnswer({ algorithm: 'MD5', password: 'wrong' });
    const response = /response="([0-9a-f]+)"/.exec(value)![1]!;
    const text = JSON.stringify(verify(value));
    expect(text).not.toContain(response);
    expect(text).not.toContain(PASSWORD);
  });
});
