import { describe, expect, it } from 'vitest';
import { resolveAccountConfig } from '../../../src/app/account-config';
import { callMediaOptions } from '../../../src/app/call-media-defaults';

const PBX = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000'] };

function resolve(search: string) {
  return resolveAccountConfig(new URLSearchParams(search), PBX);
}

describe('TURN and the ICE policy from the URL (?turn=, turnUser, turnPassword, icePolicy)', () => {
  it('adds each TURN server with the credentials after the STUN servers, and relay-only when asked', () => {
    const result = resolve('turn=turn:127.0.0.1:3478&turn=turns:turn.example.net?transport=tcp&turnUser=u&turnPassword=p&stun=stun:127.0.0.1&icePolicy=relay');
    if (!result.ok) throw new Error(result.problem);
    expect(result.config.call.iceServers).toEqual([
      { urls: 'stun:127.0.0.1' },
      { urls: 'turn:127.0.0.1:3478', username: 'u', credential: 'p' },
      { urls: 'turns:turn.example.net?transport=tcp', username: 'u', credential: 'p' },
    ]);
    expect(result.config.call.icePolicy).toBe('relay');
    expect(callMediaOptions(result.config.call).options.iceTransportPolicy).toBe('relay');
  });

  it('keeps all candidates and no TURN server by default; a TURN server without credentials has none', () => {
    const plain = resolve('user=1000');
    if (!plain.ok) throw new Error(plain.problem);
    expect(plain.config.call.icePolicy).toBe('all');
    expect(callMediaOptions(plain.config.call).options.iceTransportPolicy).toBeUndefined();
    const bare = resolve('turn=turn:127.0.0.1');
    if (!bare.ok) throw new Error(bare.problem);
    expect(bare.config.call.iceServers).toEqual([{ urls: 'turn:127.0.0.1' }]);
  });

  it.each([
    ['turn=stun:127.0.0.1', 'The TURN server "stun:127.0.0.1" is not a turn:host[:port] URI'],
    ['turn=turn:127.0.0.1:70000', 'The TURN server "turn:127.0.0.1:70000" is not a turn:host[:port] URI'],
    ['turn=turn:host?transport=sctp', 'The TURN server "turn:host?transport=sctp" is not a turn:host[:port] URI'],
    ['icePolicy=none', 'The icePolicy setting "none" is not all or relay'],
  ])('refuses %s', (search, problem) => {
    expect(resolve(search)).toEqual({ ok: false, problem });
  });
});
