import { describe, expect, it } from 'vitest';
import { validateAccount } from '../../../../src/services/settings/account-validation';
import { blankAccount, type AccountSettings } from '../../../../src/stores/settings';

const GOOD: AccountSettings = { ...blankAccount('a'), user: '1000', password: 'pw', domain: 'pbx.example.com', servers: ['wss://pbx.example.com:8443/ws'] };

function messages(patch: Partial<AccountSettings>, requireSecrets = true): string[] {
  return validateAccount({ ...GOOD, ...patch }, { requireSecrets }).map((p) => `${p.field}: ${p.message}`);
}

describe('validateAccount', () => {
  it('accepts a complete account with a secure server', () => {
    expect(messages({})).toEqual([]);
  });

  it('asks for the user, the domain and a server when they are empty', () => {
    expect(messages({ user: '', domain: '', servers: [] })).toEqual([
      'user: Enter the user name (the "1000" of sip:1000@example.com).',
      'domain: Enter the SIP domain (the "example.com" of sip:1000@example.com).',
      'servers: Enter at least one WebSocket server, e.g. wss://sip.example.com.',
    ]);
  });

  it('names a user, auth user or domain with characters SIP does not allow there', () => {
    expect(messages({ user: 'a b', authUser: 'x@y', domain: 'pbx_example' })).toEqual([
      'user: The user name "a b" has characters a SIP user name cannot have.',
      'authUser: The authentication user "x@y" has characters a SIP user name cannot have.',
      'domain: The domain "pbx_example" is not a host name or IP address.',
    ]);
  });

  it('requires wss:// for a remote server and names it', () => {
    expect(messages({ servers: ['wss://a.example.com', 'ws://b.example.com:8080/ws'] })).toEqual([
      'servers: The server "ws://b.example.com:8080/ws" must use wss:// (plain ws:// is allowed only for localhost and 127.0.0.1).',
    ]);
  });

  it.each(['ws://localhost:5070', 'ws://127.0.0.1:5070', 'ws://[::1]:5070'])('allows plain %s on loopback', (server) => {
    expect(messages({ servers: [server] })).toEqual([]);
  });

  it.each(['https://pbx.example.com', 'pbx.example.com', 'wss://', 'wss://host:70000'])('names %j as not a WebSocket URI', (server) => {
    expect(messages({ servers: [server] })).toEqual([
      `servers: The server "${server}" is not a WebSocket URI such as wss://sip.example.com or wss://sip.example.com:8443/ws.`,
    ]);
  });

  it('checks the outbound proxy is a SIP URI', () => {
    expect(messages({ outboundProxy: 'sip:proxy.example.com;lr' })).toEqual([]);
    expect(messages({ outboundProxy: 'http://proxy' })).toEqual([
      'outboundProxy: The outbound proxy "http://proxy" is not a SIP URI such as sip:proxy.example.com;lr.',
    ]);
  });

  it('keeps registration expiry and the session timer within their limits (RFC 4028 Min-SE 90)', () => {
    expect(messages({ registerExpires: 30, sessionExpires: 89 })).toEqual([
      'registerExpires: Registration expiry must be a whole number of seconds from 60 to 86400.',
      'sessionExpires: The session timer must be a whole number of seconds from 90 to 86400, or 0 to switch it off.',
    ]);
    expect(messages({ sessionExpires: 0 })).toEqual([]);
    expect(messages({ registerExpires: Number.NaN, sessionExpires: 1.5 })).toHaveLength(2);
  });

  it('checks STUN/TURN URIs and asks TURN for credentials', () => {
    const stun = { url: 'stun:stun.example.com:3478', username: '', credential: '' };
    const turn = { url: 'turn:turn.example.com?transport=tcp', username: 'u', credential: 'c' };
    expect(messages({ iceServers: [stun, turn] })).toEqual([]);
    expect(messages({ iceServers: [{ ...turn, credential: '' }, { ...stun, url: 'stun.example.com' }, { ...stun, url: 'stun:h?transport=udp' }] })).toEqual([
      'iceServers: The TURN server "turn:turn.example.com?transport=tcp" needs a user name and a credential.',
      'iceServers: "stun.example.com" is not a STUN or TURN URI such as stun:stun.example.com:3478 or turn:turn.example.com?transport=udp.',
      'iceServers: The STUN server "stun:h?transport=udp" cannot name a transport; only TURN URIs can.',
    ]);
  });

  it('lets a TURN server without its credential through when secrets may be missing (an import without passwords)', () => {
    expect(messages({ iceServers: [{ url: 'turn:t.example.com', username: 'u', credential: '' }] }, false)).toEqual([]);
  });

  it('refuses relay-only media without a TURN server', () => {
    expect(messages({ icePolicy: 'relay' })).toEqual(['icePolicy: Relay-only media needs a TURN server: add one or allow all candidates.']);
  });
});
