import { describe, it, expect } from 'vitest';
import { DigestClient, type DigestAuthorizeResult } from '../../../src/sip/auth/digest-client';
import { parseAuthorization, type DigestAuthorizationParams } from '../../../src/sip/auth/authorization';
import { buildChallenge } from '../../../src/sip/auth/challenge';
import { computeHa1 } from '../../../src/sip/auth/digest-response';
import { findAlgorithm } from '../../../src/sip/auth/hash';
import { verifyAuthorization } from '../../../src/sip/auth/verify';
import { randomToken } from '../../../src/sip/ports';
import { seededRandom } from '../support/fake-clock';

// CUCM's 401 to MicroSIP and MicroSIP's answer (reference 003). The password is not in the trace.
const CUCM_401 = 'Digest realm="ccmsipline", nonce="vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL", algorithm=MD5';
const MICROSIP_AUTHORIZATION =
  'Digest username="microsip01", realm="ccmsipline", nonce="vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL", ' +
  'uri="sip:192.168.80.100", response="b70fca7c592084c62c51f1a5143ea339", algorithm=MD5';

const PASSWORD = 'secret1000';
const REGISTER = { method: 'REGISTER', uri: 'sip:127.0.0.1', body: '' };

function challenge(algorithm: string, extra: { nonce?: string; qop?: string[]; stale?: boolean; realm?: string } = {}) {
  return buildChallenge({ realm: extra.realm ?? 'pbx', nonce: extra.nonce ?? 'n1', algorithm, ...extra });
}

function accepted(result: DigestAuthorizeResult) {
  if (!result.ok) throw new Error(`expected ok, got: ${result.reason}`);
  return result;
}

function params(value: string): DigestAuthorizationParams {
  const parsed = parseAuthorization(value);
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.params;
}

function client(credentials: Partial<ConstructorParameters<typeof DigestClient>[0]> = {}, seed = 1) {
  return new DigestClient({ username: '1000', password: PASSWORD, ...credentials }, seededRandom(seed));
}

describe('DigestClient', () => {
  it('answers the CUCM 401 in the same shape as MicroSIP, without qop, nc or cnonce', () => {
    const result = accepted(
      client({ username: 'microsip01' }).authorize({
        status: 401,
        challengeHeaders: [CUCM_401],
        method: 'REGISTER',
        uri: 'sip:192.168.80.100',
        body: '',
      }),
    );
    expect(result.header).toBe('Authorization');
    const shape = (value: string) => value.replace(/response="[0-9a-f]{32}"/, 'response="…"');
    expect(shape(result.value)).toBe(shape(MICROSIP_AUTHORIZATION));
    expect(result.value).not.toBe(MICROSIP_AUTHORIZATION);
  });

  it('answers a 407 with Proxy-Authorization', () => {
    const result = accepted(client().authorize({ status: 407, challengeHeaders: [challenge('MD5')], ...REGISTER }));
    expect(result.header).toBe('Proxy-Authorization');
  });

  it('picks the strongest algorithm from several header lines, whatever their order', () => {
    const result = accepted(
      client().authorize({
        status: 401,
        challengeHeaders: [challenge('MD5'), challenge('SHA-512-256'), challenge('SHA-256')],
        ...REGISTER,
      }),
    );
    expect(params(result.value).algorithm).toBe('SHA-512-256');
  });

  it('picks the strongest algorithm from several challenges in one line', () => {
    const line = `${challenge('MD5', { nonce: 'a' })}, ${challenge('SHA-256', { nonce: 'b' })}`;
    const result = accepted(client().authorize({ status: 401, challengeHeaders: [line], ...REGISTER }));
    expect(params(result.value)).toMatchObject({ algorithm: 'SHA-256', nonce: 'b' });
  });

  it('keeps the server order between challenges of equal strength', () => {
    const result = accepted(
      client().authorize({
        status: 401,
        challengeHeaders: [challenge('SHA-256-sess', { qop: ['auth'] }), challenge('SHA-256')],
        ...REGISTER,
      }),
    );
    expect(params(result.value).algorithm).toBe('SHA-256-sess');
  });

  it('skips unsupported schemes and algorithms and answers the one it can', () => {
    const result = accepted(
      client().authorize({
        status: 401,
        challengeHeaders: ['Basic realm="pbx"', challenge('MD5').replace('MD5', 'SHA-1'), challenge('MD5')],
        ...REGISTER,
      }),
    );
    expect(params(result.value).algorithm).toBe('MD5');
  });

  it('fails with a reason naming what the server offered when nothing is usable', () => {
    const result = client().authorize({
      status: 407,
      challengeHeaders: ['Basic realm="pbx"', 'Digest realm="pbx", nonce="n", algorithm=SHA-1, qop="auth"'],
      ...REGISTER,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toMatch(/^407: /);
    expect(result.reason).toContain('Basic');
    expect(result.reason).toContain('algorithm=SHA-1');
  });

  it('fails when the response carries no challenge at all', () => {
    expect(client().authorize({ status: 401, challengeHeaders: [], ...REGISTER })).toEqual({
      ok: false,
      reason: '401: no challenge was offered',
    });
  });

  it('refuses a challenge for another realm than the credentials name', () => {
    const result = client({ realm: 'home' }).authorize({
      status: 401,
      challengeHeaders: [challenge('SHA-256', { realm: 'elsewhere' })],
      ...REGISTER,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/realm="elsewhere".*credentials are for realm "home"/);
  });

  it('answers the challenge for its own realm when several realms challenge', () => {
    const result = accepted(
      client({ realm: 'home' }).authorize({
        status: 407,
        challengeHeaders: [challenge('SHA-512-256', { realm: 'elsewhere' }), challenge('MD5', { realm: 'home' })],
        ...REGISTER,
      }),
    );
    expect(params(result.value)).toMatchObject({ realm: 'home', algorithm: 'MD5' });
  });

  it('starts nc at 00000001 and counts up on authorizeCached', () => {
    const c = client();
    const first = accepted(c.authorize({ status: 401, challengeHeaders: [challenge('MD5', { qop: ['auth'] })], ...REGISTER }));
    const second = c.authorizeCached('INVITE', 'sip:1001@127.0.0.1', 'v=0\r\n');
    const third = c.authorizeCached('BYE', 'sip:1001@127.0.0.1', '');
    expect([first.value, second!.value, third!.value].map((v) => params(v).nc)).toEqual([
      '00000001',
      '00000002',
      '00000003',
    ]);
    expect(second!.header).toBe('Authorization');
    expect(params(second!.value)).toMatchObject({ nonce: 'n1', uri: 'sip:1001@127.0.0.1' });
  });

  it('restarts nc for a new nonce and keeps counting when a nonce comes back', () => {
    const c = client();
    const answer = (nonce: string) =>
      params(
        accepted(c.authorize({ status: 401, challengeHeaders: [challenge('MD5', { nonce, qop: ['auth'] })], ...REGISTER }))
          .value,
      ).nc;
    expect([answer('a'), answer('b'), answer('a')]).toEqual(['00000001', '00000001', '00000002']);
  });

  it('has nothing cached before the first challenge', () => {
    expect(client().authorizeCached('REGISTER', 'sip:127.0.0.1', '')).toBeUndefined();
  });

  it('forgets the cached challenge when a later one cannot be answered', () => {
    const c = client({ realm: 'pbx' });
    accepted(c.authorize({ status: 401, challengeHeaders: [challenge('MD5')], ...REGISTER }));
    expect(c.authorize({ status: 401, challengeHeaders: [challenge('MD5', { realm: 'other' })], ...REGISTER }).ok).toBe(
      false,
    );
    expect(c.authorizeCached('REGISTER', 'sip:127.0.0.1', '')).toBeUndefined();
  });

  it('draws the cnonce from the injected Random', () => {
    const answer = (seed: number) =>
      params(
        accepted(
          client({}, seed).authorize({ status: 401, challengeHeaders: [challenge('MD5', { qop: ['auth'] })], ...REGISTER }),
        ).value,
      ).cnonce;
    expect(answer(7)).toBe(randomToken(seededRandom(7), 16));
    expect(answer(8)).not.toBe(answer(7));
  });

  it('reports stale=true so the caller retries without treating it as a credential failure', () => {
    const c = client();
    const fresh = accepted(c.authorize({ status: 401, challengeHeaders: [challenge('SHA-256')], ...REGISTER }));
    const stale = accepted(
      c.authorize({ status: 401, challengeHeaders: [challenge('SHA-256', { nonce: 'n2', stale: true })], ...REGISTER }),
    );
    expect(fresh.stale).toBe(false);
    expect(stale.stale).toBe(true);
    expect(params(stale.value).nonce).toBe('n2');
  });

  it('prefers qop=auth when auth-int is offered too', () => {
    const result = accepted(
      client().authorize({ status: 401, challengeHeaders: [challenge('MD5', { qop: ['auth-int', 'auth'] })], ...REGISTER }),
    );
    expect(params(result.value).qop).toBe('auth');
  });

  it('hashes the body with auth-int when that is the only qop offered', () => {
    const body = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n';
    const result = accepted(
      client().authorize({
        status: 401,
        challengeHeaders: [challenge('SHA-256', { qop: ['auth-int'] })],
        method: 'INVITE',
        uri: 'sip:1001@127.0.0.1',
        body,
      }),
    );
    expect(params(result.value).qop).toBe('auth-int');
    const check = (checkedBody: string) =>
      verifyAuthorization(result.value, {
        method: 'INVITE',
        realm: 'pbx',
        password: PASSWORD,
        body: checkedBody,
        isNonceValid: () => true,
      }).ok;
    expect(check(body)).toBe(true);
    expect(check(body.replace('127.0.0.1', '192.0.2.1'))).toBe(false);
  });

  it('skips -sess challenges that carry no qop', () => {
    const result = client().authorize({ status: 401, challengeHeaders: [challenge('MD5-sess')], ...REGISTER });
    expect(result).toEqual({
      ok: false,
      reason: '401: no usable challenge; the server offered Digest realm="pbx" algorithm=MD5-sess (session algorithm without qop)',
    });
  });

  it('answers with an MD5 HA1 in place of the password', () => {
    const ha1 = computeHa1({
      algorithm: findAlgorithm('MD5')!,
      username: '1000',
      realm: 'pbx',
      secret: { password: PASSWORD },
      nonce: '',
      method: '',
      uri: '',
    });
    const result = accepted(
      client({ password: undefined, ha1 }).authorize({
        status: 401,
        challengeHeaders: [challenge('MD5', { qop: ['auth'] })],
        ...REGISTER,
      }),
    );
    expect(
      verifyAuthorization(result.value, { method: 'REGISTER', realm: 'pbx', password: PASSWORD, isNonceValid: () => true }),
    ).toMatchObject({ ok: true, username: '1000' });
  });

  it('does not use an MD5 HA1 for a SHA-256 challenge', () => {
    const result = client({ password: undefined, ha1: '0'.repeat(32) }).authorize({
      status: 401,
      challengeHeaders: [challenge('SHA-256'), challenge('SHA-512-256')],
      ...REGISTER,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('the HA1 is for MD5');
  });

  it('falls back to the MD5 challenge when only an MD5 HA1 is configured', () => {
    const result = accepted(
      client({ password: undefined, ha1: 'ab'.repeat(16) }).authorize({
        status: 401,
        challengeHeaders: [challenge('SHA-256'), challenge('MD5', { nonce: 'md5' })],
        ...REGISTER,
      }),
    );
    expect(params(result.value)).toMatchObject({ algorithm: 'MD5', nonce: 'md5' });
  });

  it('rejects an HA1 that is not a digest of its family', () => {
    const result = client({ password: undefined, ha1: 'not-hex', ha1Algorithm: 'SHA-256' }).authorize({
      status: 401,
      challengeHeaders: [challenge('SHA-256')],
      ...REGISTER,
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('the HA1 is not a SHA-256 digest');
  });

  it('fails when neither a password nor an HA1 is configured', () => {
    const result = client({ password: undefined }).authorize({ status: 401, challengeHeaders: [challenge('MD5')], ...REGISTER });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('no password or HA1 configured');
  });

  it('sends the username hash and userhash=true when the server asks for it', () => {
    const value = accepted(
      client({ username: 'J\u00e4s\u00f8n Doe' }).authorize({
        status: 401,
        challengeHeaders: [buildChallenge({ realm: 'api@example.org', nonce: 'n', algorithm: 'SHA-256', qop: ['auth'], userhash: true })],
        ...REGISTER,
      }),
    ).value;
    // H("Jäsøn Doe:api@example.org") with SHA-256, the value Chromium's RFC 7616 tests publish.
    expect(params(value)).toMatchObject({
      username: '5a1a8a47df5c298551b9b42ba9b05835174a5bd7d511ff7fe9191d8e946fc4e7',
      userhash: true,
    });
    expect(value).toContain(', userhash=true');
  });

  it('quotes every value that must be quoted and leaves algorithm, qop and nc bare', () => {
    const value = accepted(
      client({ username: 'a"b\\c' }).authorize({
        status: 401,
        challengeHeaders: [buildChallenge({ realm: 'pbx', nonce: 'n', opaque: 'op', algorithm: 'SHA-256', qop: ['auth'] })],
        ...REGISTER,
      }),
    ).value;
    expect(value).toMatch(
      /^Digest username="a\\"b\\\\c", realm="pbx", nonce="n", uri="sip:127.0.0.1", response="[0-9a-f]{64}", algorithm=SHA-256, cnonce="[0-9a-f]{32}", opaque="op", qop=auth, nc=00000001$/,
    );
    expect(
      verifyAuthorization(value, { method: 'REGISTER', realm: 'pbx', password: PASSWORD, isNonceValid: () => true }),
    ).toMatchObject({ ok: true, username: 'a"b\\c' });
  });

  it('refuses a username with a line break rather than inject a header', () => {
    const result = client({ username: '1000\r\nX-Evil: 1' }).authorize({
      status: 401,
      challengeHeaders: [challenge('MD5')],
      ...REGISTER,
    });
    expect(result.ok).toBe(false);
  });

  it('never puts the password into the header or a failure reason', () => {
    const c = client({ password: 'hunter2-secret' });
    const ok = accepted(c.authorize({ status: 401, challengeHeaders: [challenge('MD5')], ...REGISTER }));
    const failed = c.authorize({ status: 401, challengeHeaders: ['Digest realm="pbx", nonce="n", algorithm=SHA-1'], ...REGISTER });
    expect(ok.value).not.toContain('hunter2');
    expect(JSON.stringify(failed)).not.toContain('hunter2');
  });
});
