import { describe, expect, it } from 'vitest';
import { verifyAuthorization, WRONG_CREDENTIALS, type SipRequest } from '../../../src/sip';
import { REGISTER_RETRY_BASE } from '../../../src/sip/ua/registration-timing';
import { INSTANCE, REALM, SERVER, challenge, startedUa, uaHarness } from './ua-harness';

type Server = ReturnType<typeof startedUa>['server'];

/** Answers the pending REGISTER with a 401, then the retry with a 200 granting `expires` on our Contact. */
function register(server: Server, expires = 600): SipRequest {
  server.reply(server.next('REGISTER'), 401, [challenge()]);
  const authorized = server.next('REGISTER');
  server.reply(authorized, 200, [['Contact', `${authorized.get('Contact')};expires=${expires}`]]);
  return authorized;
}

describe('Registration', () => {
  it('pings at the registrar\'s Flow-Timer when it is shorter than our keep-alive, and not when longer (RFC 5626 §5.4)', () => {
    const { server, clock } = startedUa();
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    const authorized = server.next('REGISTER');
    server.reply(authorized, 200, [['Contact', `${authorized.get('Contact')};expires=600`], ['Flow-Timer', '10']]);
    const from = clock.now();
    clock.advance(30_000);
    const gaps = server.pings.map((at, i) => at - (i === 0 ? from : server.pings[i - 1]!));
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    // Each wait is 80–100 % of the interval, plus the pong's turn.
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(8_000);
      expect(gap).toBeLessThanOrEqual(10_050);
    }

    // The refresh (at 568 s) answered with a longer Flow-Timer brings our 25 s keep-alive back.
    clock.advance(540_000);
    const refresh = server.next('REGISTER');
    server.reply(refresh, 200, [['Contact', `${refresh.get('Contact')};expires=600`], ['Flow-Timer', '120']]);
    const count = server.pings.length;
    clock.advance(60_000);
    const later = server.pings.slice(count);
    expect(later.length).toBeGreaterThanOrEqual(2);
    expect(later.length).toBeLessThanOrEqual(3);
  });

  it('sends a REGISTER with the RFC 5626 instance, reg-id and outbound headers', () => {
    const { server, registration } = startedUa();
    const req = server.next('REGISTER');
    expect(req.uri.toString()).toBe('sip:127.0.0.1');
    expect(req.via).toHaveLength(1);
    expect(req.via[0]!.transport).toBe('WS');
    expect(req.via[0]!.host).toMatch(/\.invalid$/);
    expect(req.via[0]!.branch).toMatch(/^z9hG4bK/);
    expect(req.from.uri.toString()).toBe('sip:1000@127.0.0.1');
    expect(req.from.tag).toBeTruthy();
    expect(req.to.uri.toString()).toBe('sip:1000@127.0.0.1');
    expect(req.to.tag).toBeUndefined();
    expect(req.maxForwards).toBe(70);
    expect(req.expires).toBe(600);
    const contact = req.contact[0]!;
    expect(contact.uri.host).toBe(req.via[0]!.host);
    expect(contact.uri.params.get('transport')).toBe('ws');
    expect(contact.uri.params.has('ob')).toBe(true);
    expect(contact.params.get('+sip.instance')).toBe(`"<urn:uuid:${INSTANCE}>"`);
    expect(contact.params.get('reg-id')).toBe('1');
    expect(req.supported).toEqual(['outbound', 'path']);
    expect(req.allow).toEqual(['OPTIONS']);
    expect(req.get('User-Agent')).toBe('Tabphone/0.1.0');
    expect(req.has('Authorization')).toBe(false);
    expect(registration).toEqual([
      ['registering', `Connecting to ${SERVER}`],
      ['registering', `Registering sip:1000@127.0.0.1 with ${SERVER}`],
    ]);
  });

  it('re-sends REGISTER with credentials after a 401, with a new branch and CSeq + 1', () => {
    const { server, ua } = startedUa();
    const first = server.next('REGISTER');
    server.reply(first, 401, [challenge('abc')]);
    const second = server.next('REGISTER');
    expect(second.via[0]!.branch).not.toBe(first.via[0]!.branch);
    expect(second.cseq.seq).toBe(first.cseq.seq + 1);
    expect(second.callId).toBe(first.callId);
    expect(second.from.tag).toBe(first.from.tag);
    const verdict = verifyAuthorization(second.get('Authorization')!, {
      method: 'REGISTER',
      realm: REALM,
      password: 'secret1000',
      isNonceValid: (nonce) => nonce === 'abc',
    });
    expect(verdict).toMatchObject({ ok: true, username: '1000' });
    server.reply(second, 200, [['Contact', `${second.get('Contact')};expires=600`]]);
    expect(ua.registrationState).toBe('registered');
    expect(ua.registrationCause).toBe(`Registered as sip:1000@127.0.0.1 with ${SERVER}`);
  });

  it('authenticates with the authUser and an HA1 instead of a password', () => {
    const { server } = startedUa({ password: undefined, authUser: 'alice', ha1: '939e7578ed9e3c518a452acee763bce9' });
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    expect(server.next('REGISTER').get('Authorization')).toContain('username="alice"');
  });

  it('refreshes one Timer F before the lifetime the registrar granted on our Contact, re-using the challenge', () => {
    const { server, clock } = startedUa({ registerExpires: 3600 });
    register(server, 120);
    clock.advance(120_000 - 32_000 - 1);
    expect(server.pending).toBe(0);
    clock.advance(1);
    const refresh = server.next('REGISTER');
    expect(refresh.expires).toBe(3600);
    expect(refresh.get('Authorization')).toContain('nc=00000002');
  });

  it('takes the lifetime from the Expires header when our Contact has no expires parameter, refreshing short ones at half-life', () => {
    const { server, clock } = startedUa();
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    const authorized = server.next('REGISTER');
    server.reply(authorized, 200, [
      ['Contact', '<sip:other@192.0.2.1>;expires=3000'],
      ['Contact', authorized.get('Contact')!],
      ['Expires', '40'],
    ]);
    clock.advance(19_999);
    expect(server.pending).toBe(0);
    clock.advance(1);
    expect(server.pending).toBe(1);
  });

  it('finds our binding by +sip.instance when the registrar rewrote the Contact URI', () => {
    const { server, clock } = startedUa();
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    server.reply(server.next('REGISTER'), 200, [
      ['Contact', `<sip:rewritten@10.0.0.1>;+sip.instance="<URN:UUID:${INSTANCE.toUpperCase()}>";expires=100`],
      ['Expires', '3600'],
    ]);
    clock.advance(68_000);
    expect(server.pending).toBe(1);
  });

  it('asks again for Min-Expires after a 423', () => {
    const { server, ua } = startedUa({ registerExpires: 60 });
    server.reply(server.next('REGISTER'), 423, [['Min-Expires', '1800']]);
    const retry = server.next('REGISTER');
    expect(retry.expires).toBe(1800);
    server.reply(retry, 200, [['Expires', '1800']]);
    expect(ua.registrationState).toBe('registered');
  });

  it('waits as long as Retry-After says after a 503', () => {
    const { server, clock, ua } = startedUa();
    server.reply(server.next('REGISTER'), 503, [['Retry-After', '20 (maintenance)']]);
    expect(ua.registrationState).toBe('failed');
    expect(ua.registrationCause).toBe('Registration rejected: 503 Service Unavailable; retrying in 20 s');
    clock.advance(19_999);
    expect(server.pending).toBe(0);
    clock.advance(1);
    expect(server.pending).toBe(1);
  });

  it('backs off 30, 60, 120, 240, 480, 960 and 960 s when the registrar never answers', () => {
    const { server, clock, ua } = startedUa();
    const sentAt: number[] = [];
    for (let i = 0; i < 8; i++) {
      while (server.pending === 0) clock.advance(1000);
      sentAt.push(clock.now());
      server.next('REGISTER');
    }
    const gaps = sentAt.slice(1).map((t, i) => (t - sentAt[i]!) / 1000 - 32);
    expect(gaps).toEqual([30, 60, 120, 240, 480, 960, 960]);
    clock.advance(32_000);
    expect(ua.registrationCause).toBe(`Server unreachable: no answer from ${SERVER} within 32 s; retrying in 960 s`);
  });

  it('treats a 404 as a delivery failure and starts over from 30 s after a success', () => {
    const { server, clock, ua } = startedUa();
    server.reply(server.next('REGISTER'), 404);
    expect(ua.registrationCause).toBe('Registration rejected: 404 Not Found; retrying in 30 s');
    clock.advance(30_000);
    server.reply(server.next('REGISTER'), 404);
    expect(ua.registrationCause).toBe('Registration rejected: 404 Not Found; retrying in 60 s');
    clock.advance(60_000);
    register(server, 600);
    clock.advance(568_000);
    server.reply(server.next('REGISTER'), 480);
    expect(ua.registrationCause).toBe('Registration rejected: 480 Temporarily Unavailable; retrying in 30 s');
  });

  it('reports wrong credentials after three challenges and stops until start() again', () => {
    const { server, clock, ua } = startedUa({ password: 'wrong' });
    for (let i = 0; i < 4; i++) server.reply(server.next('REGISTER'), 401, [challenge(`n${i}`)]);
    expect(server.count('REGISTER')).toBe(4);
    expect(ua.registrationState).toBe('failed');
    expect(ua.registrationCause).toBe(WRONG_CREDENTIALS);
    expect(WRONG_CREDENTIALS).toBe('Wrong user name or password (the server rejected the credentials 3 times)');
    clock.advance(3_600_000);
    expect(server.count('REGISTER')).toBe(4);
    ua.start();
    expect(server.count('REGISTER')).toBe(5);
    expect(ua.registrationState).toBe('registering');
  });

  it('counts 403 with 401 towards wrong credentials, asking afresh for a challenge after each 403', () => {
    const { server, ua } = startedUa();
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    server.reply(server.next('REGISTER'), 403);
    const fresh = server.next('REGISTER');
    expect(fresh.has('Authorization')).toBe(false);
    server.reply(fresh, 401, [challenge('n2')]);
    server.reply(server.next('REGISTER'), 403);
    expect(ua.registrationCause).toBe(WRONG_CREDENTIALS);
    expect(server.pending).toBe(0);
  });

  it('retries a stale nonce without counting it as a rejection', () => {
    const { server, ua } = startedUa();
    server.reply(server.next('REGISTER'), 401, [challenge('n0')]);
    for (let i = 1; i <= 4; i++) server.reply(server.next('REGISTER'), 401, [challenge(`n${i}`, ', stale=true')]);
    server.reply(server.next('REGISTER'), 401, [challenge('n5')]);
    server.reply(server.next('REGISTER'), 200, [['Expires', '600']]);
    expect(ua.registrationState).toBe('registered');
  });

  it('fails without retrying when the server wants a password and none is set', () => {
    const { server, clock, ua } = startedUa({ password: undefined });
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    expect(ua.registrationState).toBe('failed');
    expect(ua.registrationCause).toBe('The server asks for a password, but none is set');
    clock.advance(3_600_000);
    expect(server.count('REGISTER')).toBe(1);
  });

  it('keeps at most one REGISTER in flight: a refresh asked for meanwhile is served by it', () => {
    const { server, ua } = startedUa();
    ua.register();
    ua.register();
    expect(server.count('REGISTER')).toBe(1);
    register(server);
    expect(server.count('REGISTER')).toBe(2);
    ua.register();
    ua.register();
    expect(server.count('REGISTER')).toBe(3);
  });

  it('unregisters with Expires: 0 on stop() and then disconnects', async () => {
    const { server, ua } = startedUa();
    const registered = register(server);
    const stopped = ua.stop();
    const unregister = server.next('REGISTER');
    expect(unregister.expires).toBe(0);
    expect(unregister.callId).toBe(registered.callId);
    expect(unregister.cseq.seq).toBe(registered.cseq.seq + 1);
    expect(unregister.contact[0]!.params.get('+sip.instance')).toBe(`"<urn:uuid:${INSTANCE}>"`);
    expect(unregister.get('Authorization')).toBeTruthy();
    server.reply(unregister, 200);
    await stopped;
    expect(ua.registrationState).toBe('unregistered');
    expect(ua.registrationCause).toBe('Unregistered');
    expect(ua.transport.state).toBe('disconnected');
  });

  it('answers a challenge to the unregister', async () => {
    const { server, ua } = startedUa();
    register(server);
    const stopped = ua.stop();
    server.reply(server.next('REGISTER'), 401, [challenge('fresh')]);
    const retry = server.next('REGISTER');
    expect(retry.expires).toBe(0);
    expect(retry.get('Authorization')).toContain('nonce="fresh"');
    server.reply(retry, 200);
    await stopped;
    expect(ua.registrationState).toBe('unregistered');
  });

  it('waits for the REGISTER in flight before unregistering on stop()', async () => {
    const { server, ua } = startedUa();
    server.reply(server.next('REGISTER'), 401, [challenge()]);
    const inFlight = server.next('REGISTER');
    const stopped = ua.stop();
    expect(server.pending).toBe(0);
    server.reply(inFlight, 200, [['Expires', '600']]);
    const unregister = server.next('REGISTER');
    expect(unregister.expires).toBe(0);
    server.reply(unregister, 200);
    await stopped;
    expect(ua.registrationState).toBe('unregistered');
  });

  it('lets start() overrule a stop() that waits for the REGISTER in flight', async () => {
    const { server, ua } = startedUa();
    const inFlight = server.next('REGISTER');
    const stopped = ua.stop();
    ua.start();
    await stopped;
    server.reply(inFlight, 200, [['Expires', '600']]);
    expect(ua.registrationState).toBe('registered');
    expect(server.pending).toBe(0);
    expect(ua.transport.state).toBe('connected');
  });

  it('registers again when start() comes while the unregister is in flight', async () => {
    const { server, ua } = startedUa();
    register(server);
    const stopped = ua.stop();
    const unregister = server.next('REGISTER');
    ua.start();
    server.reply(unregister, 200);
    await stopped;
    expect(server.next('REGISTER').expires).toBe(600);
    expect(ua.transport.state).toBe('connected');
  });

  it('stops at once when nothing is registered', async () => {
    const { ua, server } = uaHarness();
    await ua.stop();
    expect(server.sockets).toHaveLength(0);
    expect(ua.registrationState).toBe('unregistered');
  });

  it('reports the lost connection and re-registers as soon as the transport is back', () => {
    const { server, clock, ua, registration } = startedUa();
    register(server);
    const lostAt = clock.now();
    server.socket.serverClose();
    expect(ua.registrationState).toBe('failed');
    expect(ua.registrationCause).toMatch(/^Server unreachable: connection to ws:\/\/127\.0\.0\.1:5070 lost/);
    while (server.count('REGISTER') < 3) clock.advance(100);
    expect(registration.slice(-3)).toEqual([
      ['failed', expect.stringMatching(/^Server unreachable/)],
      ['registering', `Connecting to ${SERVER}`],
      ['registering', `Registering sip:1000@127.0.0.1 with ${SERVER}`],
    ]);
    // The transport's own reconnect delay, not the 30 s registration back-off.
    expect(clock.now() - lostAt).toBeLessThan(REGISTER_RETRY_BASE);
    const again = server.next('REGISTER');
    // The digest is re-used, so the new flow registers in one round trip.
    expect(again.get('Authorization')).toBeTruthy();
    server.reply(again, 200, [['Expires', '600']]);
    expect(ua.registrationState).toBe('registered');
  });

  it('abandons a REGISTER whose flow died and sends it again on the new flow', () => {
    const { server, clock, ua } = startedUa();
    server.next('REGISTER');
    server.socket.serverClose();
    expect(ua.registrationState).toBe('failed');
    while (server.sockets.length < 2) clock.advance(100);
    clock.advance(0);
    expect(server.count('REGISTER')).toBe(2);
    expect(ua.transactions.size).toBe(1);
  });
});

describe('Registration with a bad server list', () => {
  it('fails at once with the reason the transport gives and sends nothing', () => {
    const { ua, server, registration } = uaHarness({ servers: ['ws://sip.example.com'] });
    ua.start();
    expect(registration).toHaveLength(1);
    expect(registration[0]![0]).toBe('failed');
    expect(registration[0]![1]).toMatch(/^Server unreachable: .*ws:\/\//);
    expect(server.sockets).toHaveLength(0);
  });
});
