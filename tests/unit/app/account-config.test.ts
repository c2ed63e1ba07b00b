import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveAccountConfig, type AccountConfigResult } from '../../../src/app/account-config';
import { callMediaOptions, DEFAULT_CALL_SETTINGS, transferOptions } from '../../../src/app/call-media-defaults';
import type { EmbeddedPbxInfo } from '../../../src/app/embedded-pbx-info';
import { SipUri } from '../../../src/sip';

const PBX: EmbeddedPbxInfo = {
  server: 'ws://127.0.0.1:5070',
  domain: '127.0.0.1',
  demoUsers: ['1000', '1001', '1002'],
};

/** `pbx` null: the page was served without an embedded PBX. */
function resolve(search: string, pbx: EmbeddedPbxInfo | null = PBX): AccountConfigResult {
  return resolveAccountConfig(new URLSearchParams(search), pbx ?? undefined);
}

function config(search: string, pbx: EmbeddedPbxInfo | null = PBX) {
  const result = resolve(search, pbx);
  if (!result.ok) throw new Error(`expected a config, got the problem: ${result.problem}`);
  return result.config;
}

function problem(search: string, pbx: EmbeddedPbxInfo | null = PBX): string {
  const result = resolve(search, pbx);
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.config)}`);
  return result.problem;
}

describe('resolveAccountConfig: the embedded PBX', () => {
  it("runs the PBX's first demo user with its demo password when the URL names nothing", () => {
    expect(config('')).toEqual({
      user: '1000',
      domain: '127.0.0.1',
      password: 'secret1000',
      servers: ['ws://127.0.0.1:5070'],
      aor: 'sip:1000@127.0.0.1',
      call: DEFAULT_CALL_SETTINGS,
    });
  });

  it('takes the first entry of demoUsers, whatever its name', () => {
    expect(config('', { ...PBX, demoUsers: ['2002', '2003'] })).toMatchObject({ user: '2002', password: 'secret2002' });
  });

  it('gives another demo user named by ?user its own demo password', () => {
    expect(config('?user=1002')).toMatchObject({ user: '1002', password: 'secret1002', aor: 'sip:1002@127.0.0.1' });
  });

  it('knows no password for a user the PBX does not list as a demo user', () => {
    expect(config('?user=2000')).toMatchObject({ user: '2000', password: undefined, aor: 'sip:2000@127.0.0.1' });
  });

  it('falls back to user 1000 without a password when the PBX lists no demo users', () => {
    expect(config('', { ...PBX, demoUsers: [] })).toMatchObject({ user: '1000', password: undefined });
  });

  it('keeps the PBX domain, not the server host, when ?server repeats the PBX server exactly', () => {
    const pbx = { ...PBX, domain: 'pbx.test' };
    expect(config('?server=ws://127.0.0.1:5070', pbx)).toMatchObject({ domain: 'pbx.test', password: 'secret1000' });
  });
});

describe('resolveAccountConfig: URL parameters win', () => {
  it('lets ?password replace the demo password', () => {
    expect(config('?password=hunter2').password).toBe('hunter2');
  });

  it('uses ?server and takes the domain from its host, never sending the demo password to it', () => {
    expect(config('?server=wss://localhost:8443/ws')).toEqual({
      user: '1000',
      domain: 'localhost',
      password: undefined,
      servers: ['wss://localhost:8443/ws'],
      aor: 'sip:1000@localhost',
      call: DEFAULT_CALL_SETTINGS,
    });
  });

  it('never sends the demo password to another server on the same host as the PBX', () => {
    expect(config('?server=ws://127.0.0.1:8088')).toMatchObject({ domain: '127.0.0.1', password: undefined });
  });

  it('uses ?domain for the AOR and then knows no demo password', () => {
    expect(config('?domain=example.test')).toMatchObject({ domain: 'example.test', aor: 'sip:1000@example.test', password: undefined });
  });

  it('combines ?user, ?password, ?server and ?domain without any embedded PBX', () => {
    expect(config('?user=alice&password=pw&server=ws://127.0.0.1:8080&domain=example.test', null)).toEqual({
      user: 'alice',
      domain: 'example.test',
      password: 'pw',
      servers: ['ws://127.0.0.1:8080'],
      aor: 'sip:alice@example.test',
      call: DEFAULT_CALL_SETTINGS,
    });
  });

  it('takes a bracketed IPv6 domain from an IPv6 server URL', () => {
    expect(config('?server=ws://[::1]:5070', null)).toMatchObject({ domain: '[::1]', aor: 'sip:1000@[::1]' });
  });

  it('accepts every unreserved character RFC 3261 allows unescaped in a user part', () => {
    expect(config(`?user=${encodeURIComponent("a.b_c~d!e*f'g(h)i+j-k")}`).aor).toBe("sip:a.b_c~d!e*f'g(h)i+j-k@127.0.0.1");
  });
});

describe('resolveAccountConfig: call settings', () => {
  it('defaults to DTMF "Auto", early offer, no STUN server, the WebRTC profile and transfers followed without asking', () => {
    expect(config('').call).toEqual({
      dtmfMode: 'auto',
      delayedOffer: false,
      iceServers: [],
      icePolicy: 'all',
      audioProfile: 'webrtc',
      sessionExpires: undefined,
      confirmTransfers: false,
    });
  });

  it('asks before following a transfer with ?confirmTransfer=1, and refuses other values', () => {
    expect(config('?confirmTransfer=1').call.confirmTransfers).toBe(true);
    expect(config('?confirmTransfer=0').call.confirmTransfers).toBe(false);
    expect(problem('?confirmTransfer=yes')).toBe('The confirmTransfer setting "yes" is not 0 or 1');
  });

  it.each(['auto', 'rfc4733', 'info', 'inband'] as const)('takes ?dtmf=%s as the DTMF mode', (mode) => {
    expect(config(`?dtmf=${mode}`).call.dtmfMode).toBe(mode);
  });

  it('sends a delayed offer with ?delayedOffer=1 and an early one with ?delayedOffer=0', () => {
    expect(config('?delayedOffer=1').call.delayedOffer).toBe(true);
    expect(config('?delayedOffer=0').call.delayedOffer).toBe(false);
  });

  it('takes every ?stun server, in order, with or without a port', () => {
    expect(config('?stun=stun:127.0.0.1:3478&stun=stun:stun.example.test&stun=stun:[::1]:19302').call.iceServers).toEqual([
      { urls: 'stun:127.0.0.1:3478' },
      { urls: 'stun:stun.example.test' },
      { urls: 'stun:[::1]:19302' },
    ]);
  });

  it('refuses a DTMF mode it does not know and lists the ones it does', () => {
    expect(problem('?dtmf=RFC2833')).toBe('The DTMF mode "RFC2833" is not one of auto, rfc4733, info, inband');
  });

  it.each(['', 'true', 'yes', '2'])('refuses ?delayedOffer=%j', (value) => {
    expect(problem(`?delayedOffer=${value}`)).toBe(`The delayedOffer setting "${value}" is not 0 or 1`);
  });

  it.each(['', '127.0.0.1:3478', 'turn:127.0.0.1:3478', 'stuns:127.0.0.1', 'stun:127.0.0.1:0', 'stun:127.0.0.1:65536', 'stun:a b', 'stun:user@host', 'stun:host/path'])(
    'refuses the STUN server %j',
    (uri) => {
      expect(problem(`?stun=${encodeURIComponent(uri)}`)).toBe(`The STUN server "${uri}" is not a stun:host or stun:host:port URI`);
    },
  );
});

describe('callMediaOptions: what the user agent gets', () => {
  it('leaves the core\'s DTMF mode unset for "Auto", so it falls back to INFO without telephone-event', () => {
    const options = callMediaOptions(DEFAULT_CALL_SETTINGS);
    expect(options).toEqual({ options: { iceServers: [], profile: 'webrtc', inputDeviceId: undefined } });
    expect('dtmfMode' in options).toBe(false);
  });

  it('passes a chosen DTMF mode, delayed offer, the ICE servers, relay-only policy and the SIPconnect profile', () => {
    const iceServers = [{ urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'c' }];
    const settings = { ...DEFAULT_CALL_SETTINGS, dtmfMode: 'info', delayedOffer: true, iceServers, icePolicy: 'relay', audioProfile: 'sipconnect' } as const;
    expect(callMediaOptions(settings)).toEqual({
      options: { iceServers, iceTransportPolicy: 'relay', profile: 'sipconnect', inputDeviceId: undefined },
      dtmfMode: 'info',
      delayedOffer: true,
    });
  });

  it('reads the microphone each time a call asks, so a device chosen later applies to the next call', () => {
    let microphone = '';
    const { options } = callMediaOptions(DEFAULT_CALL_SETTINGS, () => microphone);
    expect(options.inputDeviceId).toBeUndefined();
    microphone = 'usb-headset';
    expect(options.inputDeviceId).toBe('usb-headset');
  });
});

describe('transferOptions: being transferred', () => {
  const request = { target: 'sip:1002@127.0.0.1', attended: false };

  it('accepts transfers without asking unless the account says to ask', () => {
    expect(transferOptions(DEFAULT_CALL_SETTINGS, () => false)).toEqual({});
  });

  it('asks the user and follows the answer when the account says to ask', async () => {
    const questions: string[] = [];
    const options = transferOptions({ ...DEFAULT_CALL_SETTINGS, confirmTransfers: true }, (question) => {
      questions.push(question);
      return questions.length === 1;
    });
    expect(await options.confirm?.(request)).toBe(true);
    expect(await options.confirm?.({ ...request, attended: true })).toBe(false);
    expect(questions).toEqual([
      'Transfer this call to sip:1002@127.0.0.1?',
      'Connect this call to sip:1002@127.0.0.1 (attended transfer)?',
    ]);
  });
});

describe('resolveAccountConfig: refusals', () => {
  it('asks for ?server when there is neither an embedded PBX nor a server parameter', () => {
    expect(problem('', null)).toBe(
      'No SIP server known: this page was not served with an embedded PBX; add ?server=ws://…',
    );
  });

  it('refuses a server that is not a URL', () => {
    expect(problem('?server=not a url')).toBe('The server "not a url" is not a URL');
  });

  it('refuses an empty server parameter instead of falling back to the PBX', () => {
    expect(problem('?server=')).toBe('The server "" is not a URL');
  });

  it('refuses a server that is not ws:// or wss://', () => {
    expect(problem('?server=http://127.0.0.1:5070')).toBe('The server "http://127.0.0.1:5070" is not a ws:// or wss:// URL');
  });

  it.each(['', 'a b', 'a@b', 'a:b', 'a;b', '%41'])('refuses the user name %j', (user) => {
    expect(problem(`?user=${encodeURIComponent(user)}`)).toBe(`The user "${user}" is not a valid SIP user name`);
  });

  it.each(['', 'a b', 'a/b', 'a@b', 'host:5060', 'a_b'])('refuses the domain %j', (domain) => {
    expect(problem(`?domain=${encodeURIComponent(domain)}`)).toBe(`The domain "${domain}" is not a valid host name`);
  });

  it('refuses a server whose host cannot be a SIP domain when no ?domain overrides it', () => {
    expect(problem('?server=ws://under_score:5070', null)).toBe('The domain "under_score" is not a valid host name');
  });

  it('never throws and only returns AORs the SIP URI parser accepts, whatever the parameters hold', () => {
    const text = fc.string({ maxLength: 30 });
    const param = (plausible: fc.Arbitrary<string>) => fc.option(fc.oneof(text, plausible), { nil: undefined });
    const users = param(fc.stringMatching(/^[A-Za-z0-9._~!*'()+-]{1,12}$/));
    const servers = param(fc.constantFrom(PBX.server, 'wss://localhost:8443/ws', 'ws://[::1]:5070', 'ws://a_b:1'));
    const domains = param(fc.domain());
    fc.assert(
      fc.property(users, text, servers, domains, fc.boolean(), (user, password, server, domain, withPbx) => {
        const params = new URLSearchParams();
        if (user !== undefined) params.set('user', user);
        params.set('password', password);
        if (server !== undefined) params.set('server', server);
        if (domain !== undefined) params.set('domain', domain);
        const result = resolveAccountConfig(params, withPbx ? PBX : undefined);
        if (!result.ok) {
          expect(result.problem).not.toBe('');
          return;
        }
        const aor = SipUri.parse(result.config.aor);
        expect(aor.user).toBe(result.config.user);
        expect(aor.host).toBe(result.config.domain.toLowerCase());
        expect(result.config.password).toBe(password);
      }),
    );
  });
});
