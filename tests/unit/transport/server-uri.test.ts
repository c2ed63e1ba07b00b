import { describe, it, expect } from 'vitest';
import { isLoopbackHost, parseServerUri } from '../../../src/sip/transport/server-uri';

describe('parseServerUri', () => {
  it('accepts wss:// to any host and marks it secure', () => {
    expect(parseServerUri('wss://PBX.Example.com:7443/ws?x=1')).toEqual({
      ok: true,
      server: { uri: 'wss://PBX.Example.com:7443/ws?x=1', secure: true, host: 'pbx.example.com' },
    });
  });

  it('accepts ws:// only to loopback hosts', () => {
    expect(parseServerUri('ws://127.0.0.1:5070')).toMatchObject({ ok: true, server: { secure: false } });
    expect(parseServerUri('WS://localhost/sip')).toMatchObject({ ok: true, server: { host: 'localhost' } });
    expect(parseServerUri('ws://[::1]:5070')).toMatchObject({ ok: true, server: { host: '::1' } });
    expect(parseServerUri('ws://192.168.1.10:5066')).toEqual({
      ok: false,
      reason: 'insecure WebSocket URI ws://192.168.1.10:5066: use wss:// (plain ws:// is only allowed to localhost)',
    });
  });

  it('rejects URIs that are not ws:// or wss:// or have no usable host or port', () => {
    for (const text of ['', 'http://127.0.0.1', 'sip:1000@127.0.0.1', 'ws://', 'ws://127.0.0.1:99999', 'ws://[::1', 'ws://a b']) {
      expect(parseServerUri(text).ok, text).toBe(false);
    }
  });
});

describe('isLoopbackHost', () => {
  it('recognises localhost names, 127.0.0.0/8 and ::1 in its spellings', () => {
    for (const host of ['localhost', 'LOCALHOST.', 'pbx.localhost', '127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1', '0::0:1', '::ffff:127.0.0.1']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it('rejects other hosts, including look-alikes', () => {
    for (const host of ['example.com', 'localhost.example.com', '128.0.0.1', '127.0.0.256', '127.0.0', '::2', '1::1', '::', '::ffff:10.0.0.1', '127.0.0.1.example.com']) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
