import { describe, it, expect } from 'vitest';
import { WebSocketTransport } from '../../../src/sip/transport';
import { FakeClock, seededRandom } from '../support/fake-clock';
import { LOCAL, advanceUntil, connected, pings, setup } from './transport-harness';

describe('WebSocketTransport connection', () => {
  it('opens the WebSocket with the "sip" subprotocol and reports connecting, then connected', () => {
    const { net, transport, states } = setup();
    transport.connect();
    expect(net.last().url).toBe(LOCAL);
    expect(net.last().protocols).toEqual(['sip']);
    expect(transport.state).toBe('connecting');
    expect(transport.server).toBe(LOCAL);
    net.last().accept('sip');
    expect(transport.state).toBe('connected');
    expect(states).toEqual([
      ['connecting', undefined],
      ['connected', undefined],
    ]);
  });

  it('does nothing when connect() is called while connecting or connected', () => {
    const { net, transport, states } = setup();
    transport.connect();
    transport.connect();
    net.last().accept();
    transport.connect();
    expect(net.sockets).toHaveLength(1);
    expect(states.map(([s]) => s)).toEqual(['connecting', 'connected']);
  });

  it('fails the attempt and closes the socket when the server does not choose the "sip" subprotocol', () => {
    const { net, transport, states } = setup();
    transport.connect();
    const socket = net.last();
    socket.accept('');
    expect(transport.state).toBe('failed');
    expect(states.at(-1)?.[1]).toBe(`${LOCAL} did not accept the WebSocket subprotocol "sip" (it chose none)`);
    expect(socket.closedBy).toEqual({ code: 1000, reason: undefined });
  });

  it('names the subprotocol a server chose instead of "sip"', () => {
    const { net, transport } = setup();
    transport.connect();
    net.last().accept('chat');
    expect(transport.state).toBe('failed');
    const causes: (string | undefined)[] = [];
    transport.on('state', (_s, cause) => causes.push(cause));
    transport.connect();
    net.last().accept('chat');
    expect(causes.at(-1)).toContain('it chose "chat"');
  });

  it('gives up on a WebSocket that does not open within the connect timeout', () => {
    const { clock, net, transport, states } = setup({ connectTimeout: 10_000 });
    transport.connect();
    clock.advance(9_999);
    expect(transport.state).toBe('connecting');
    clock.advance(1);
    expect(transport.state).toBe('failed');
    expect(states.at(-1)?.[1]).toBe(`no answer from ${LOCAL} within 10 s`);
    expect(net.sockets[0]!.closedBy?.code).toBe(1000);
  });

  it('treats a factory that throws as a failed attempt', () => {
    const clock = new FakeClock();
    const transport = new WebSocketTransport({
      servers: [LOCAL],
      createWebSocket: () => {
        throw new Error('blocked by policy');
      },
      timers: clock,
      random: seededRandom(1),
    });
    const causes: (string | undefined)[] = [];
    transport.on('state', (_s, cause) => causes.push(cause));
    transport.connect();
    expect(transport.state).toBe('failed');
    expect(causes.at(-1)).toBe(`cannot open a WebSocket to ${LOCAL}: blocked by policy`);
  });
});

describe('WebSocketTransport configuration', () => {
  it('refuses ws:// to a host that is not loopback and names wss:// as the fix', () => {
    const { clock, net, transport, states } = setup({ servers: ['ws://pbx.example.com:8080/ws'] });
    transport.connect();
    expect(transport.state).toBe('failed');
    const cause = states.at(-1)?.[1] ?? '';
    expect(cause).toMatch(/^insecure WebSocket URI ws:\/\/pbx\.example\.com:8080\/ws/);
    expect(cause).toContain('use wss://');
    expect(net.sockets).toHaveLength(0);
    expect(clock.pendingCount).toBe(0);
    expect(transport.reconnectAt).toBeUndefined();
  });

  it('stays failed without retrying when connect() is called again with a bad configuration', () => {
    const { clock, net, transport, states } = setup({ servers: [] });
    transport.connect();
    transport.connect();
    clock.advance(60_000);
    expect(states).toEqual([['failed', 'no WebSocket server configured']]);
    expect(net.sockets).toHaveLength(0);
  });

  it('rejects a server list with one malformed URI', () => {
    const { transport, states } = setup({ servers: [LOCAL, 'http://127.0.0.1:5070'] });
    transport.connect();
    expect(states).toEqual([
      ['failed', 'invalid WebSocket server URI "http://127.0.0.1:5070" (expected ws:// or wss://)'],
    ]);
  });

  it('allows ws:// to localhost, 127.0.0.0/8 and ::1', () => {
    for (const uri of ['ws://localhost:5070', 'ws://127.3.2.1/sip', 'ws://[::1]:5070']) {
      const { net, transport } = setup({ servers: [uri] });
      transport.connect();
      expect(net.last().url).toBe(uri);
    }
  });

  it('uses Via transport WS for ws:// and WSS for wss://', () => {
    expect(setup({ servers: [LOCAL] }).transport.viaTransport).toBe('WS');
    expect(setup({ servers: ['wss://pbx.example.com/ws'] }).transport.viaTransport).toBe('WSS');
  });

  it('follows the server in use for the Via transport when the list mixes ws:// and wss://', () => {
    const { net, transport } = setup({ servers: ['wss://pbx.example.com', LOCAL] });
    transport.connect();
    expect(transport.viaTransport).toBe('WSS');
    net.last().fail();
    expect(transport.server).toBe(LOCAL);
    expect(transport.viaTransport).toBe('WS');
  });

  it('keeps one random .invalid host for Via and Contact for the life of the transport', () => {
    const { net, transport } = setup();
    const host = transport.viaHost;
    expect(host).toMatch(/^[0-9a-f]{16}\.invalid$/);
    transport.connect();
    net.last().serverClose();
    transport.disconnect();
    expect(transport.viaHost).toBe(host);
    expect(transport.contactHostPart()).toBe(`${host};transport=ws`);
    expect(setup({ random: seededRandom(8) }).transport.viaHost).not.toBe(host);
  });
});

describe('WebSocketTransport messages', () => {
  it('emits each text frame as one message and sends text as one frame', () => {
    const { net, transport, messages } = connected();
    const options = 'OPTIONS sip:1000@127.0.0.1 SIP/2.0\r\nContent-Length: 0\r\n\r\n';
    net.last().receive(options);
    expect(messages).toEqual([options]);
    expect(transport.send('REGISTER sip:127.0.0.1 SIP/2.0\r\n\r\n')).toBe(true);
    expect(net.last().sent).toEqual(['REGISTER sip:127.0.0.1 SIP/2.0\r\n\r\n']);
  });

  it('decodes binary frames as UTF-8 whatever byte container they arrive in', () => {
    const { net, messages } = connected();
    const text = 'MESSAGE sip:1001@127.0.0.1 SIP/2.0\r\n\r\nGrüße 👋';
    const bytes = new Uint8Array(Buffer.from(text, 'utf8'));
    net.last().receive(bytes.buffer);
    net.last().receive(bytes);
    net.last().receive(Buffer.from(text, 'utf8'));
    // A view into a larger buffer, as Node's pooled Buffers are.
    const padded = new Uint8Array(bytes.length + 8);
    padded.set(bytes, 4);
    net.last().receive(padded.subarray(4, 4 + bytes.length));
    expect(messages).toEqual([text, text, text, text]);
  });

  it('drops empty frames and data it cannot read without emitting a message', () => {
    const warnings: string[] = [];
    const { net, messages, transport } = connected({
      logger: { log: (level, message) => level === 'warn' && warnings.push(message) },
    });
    net.last().receive('');
    net.last().receive({ size: 10, type: 'blob' });
    net.last().receive(42);
    expect(messages).toEqual([]);
    expect(transport.state).toBe('connected');
    expect(warnings).toHaveLength(2);
  });

  it('answers a server CRLF ping with a pong and emits neither as a message', () => {
    const { net, messages } = connected();
    net.last().receive('\r\n\r\n');
    net.last().receive('\r\n');
    expect(net.last().sent).toEqual(['\r\n']);
    expect(messages).toEqual([]);
  });

  it('returns false from send() when there is no open flow', () => {
    const { net, transport } = setup();
    expect(transport.send('x')).toBe(false);
    transport.connect();
    expect(transport.send('x')).toBe(false);
    net.last().accept();
    net.last().failSends = true;
    expect(transport.send('x')).toBe(false);
    transport.disconnect();
    expect(transport.send('x')).toBe(false);
  });

  it('keeps delivering messages to other listeners when one throws', () => {
    const errors: string[] = [];
    const { net, transport, messages } = connected({
      logger: { log: (level, message) => level === 'error' && errors.push(message) },
    });
    transport.on('message', () => {
      throw new Error('app bug');
    });
    net.last().receive('SIP/2.0 200 OK\r\n\r\n');
    net.last().receive('SIP/2.0 200 OK\r\n\r\n');
    expect(messages).toHaveLength(2);
    expect(errors).toHaveLength(2);
  });
});

describe('WebSocketTransport keep-alive (RFC 5626 §4.4.1)', () => {
  it('sends a CRLF ping between 80% and 100% of the interval, again after each pong', () => {
    const { clock, net } = connected({ keepAliveInterval: 1_000 });
    const socket = net.last();
    for (let round = 1; round <= 20; round++) {
      const waited = advanceUntil(clock, () => pings(socket) === round, 1);
      expect(waited).toBeGreaterThanOrEqual(800);
      expect(waited).toBeLessThanOrEqual(1_000);
      socket.receive('\r\n');
    }
  });

  it('spreads the ping times instead of using one fixed interval', () => {
    const { clock, net } = connected({ keepAliveInterval: 1_000 });
    const socket = net.last();
    const waits = new Set<number>();
    for (let round = 1; round <= 10; round++) {
      waits.add(advanceUntil(clock, () => pings(socket) === round, 1));
      socket.receive('\r\n');
    }
    expect(waits.size).toBeGreaterThan(5);
  });

  it('closes the flow and reconnects when no pong arrives within the pong timeout', () => {
    const { clock, net, transport, states } = connected({ keepAliveInterval: 25_000, pongTimeout: 10_000 });
    const socket = net.last();
    advanceUntil(clock, () => pings(socket) === 1, 100);
    clock.advance(9_900);
    expect(transport.state).toBe('connected');
    clock.advance(100);
    expect(transport.state).toBe('disconnected');
    expect(states.at(-1)).toEqual(['disconnected', `no keep-alive pong from ${LOCAL} in 10 s`]);
    expect(socket.closedBy?.code).toBe(1000);
    expect(transport.reconnectAt).toBeDefined();
    advanceUntil(clock, () => net.sockets.length === 2, 100);
    expect(net.last().url).toBe(LOCAL);
    expect(states.at(-1)).toEqual(['connecting', `no keep-alive pong from ${LOCAL} in 10 s`]);
  });

  it('keeps a flow whose server answers every ping', () => {
    const { clock, net, transport } = connected({ keepAliveInterval: 25_000, pongTimeout: 10_000 });
    net.last().answerPings = true;
    clock.advance(600_000);
    expect(pings(net.last())).toBeGreaterThanOrEqual(24);
    expect(transport.state).toBe('connected');
    expect(net.sockets).toHaveLength(1);
  });

  it('sends no pings when the keep-alive interval is 0', () => {
    const { clock, net, transport } = connected({ keepAliveInterval: 0 });
    clock.advance(3_600_000);
    expect(net.last().sent).toEqual([]);
    expect(transport.state).toBe('connected');
  });

  it('pings at the new interval after setKeepAliveInterval()', () => {
    const { clock, net, transport } = connected({ keepAliveInterval: 120_000 });
    transport.setKeepAliveInterval(5_000);
    const waited = advanceUntil(clock, () => pings(net.last()) === 1, 10);
    expect(waited).toBeGreaterThanOrEqual(4_000);
    expect(waited).toBeLessThanOrEqual(5_000);
  });

  it('ignores a pong that answers no ping', () => {
    const { clock, net, transport } = connected({ keepAliveInterval: 25_000, pongTimeout: 10_000 });
    net.last().receive('\r\n');
    advanceUntil(clock, () => pings(net.last()) === 1, 100);
    clock.advance(10_000);
    expect(transport.state).toBe('disconnected');
  });
});
