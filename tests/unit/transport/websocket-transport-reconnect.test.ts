import { describe, it, expect } from 'vitest';
import { advanceUntil, connected, LOCAL, setup } from './transport-harness';

const A = 'ws://127.0.0.1:5070';
const B = 'ws://127.0.0.2:5070';
const C = 'ws://127.0.0.3:5070';

describe('WebSocketTransport reconnect back-off', () => {
  it('retries soon after the first failed round, then doubles from minDelay with jitter and never past maxDelay', () => {
    const { clock, net, transport } = setup({ reconnect: { minDelay: 2_000, maxDelay: 30_000 } });
    transport.connect();
    const delays: number[] = [];
    for (let round = 0; round < 8; round++) {
      net.last().fail();
      expect(transport.state).toBe('failed');
      const delay = transport.reconnectAt! - clock.now();
      delays.push(delay);
      clock.advance(delay - 1);
      expect(net.sockets).toHaveLength(round + 1);
      clock.advance(1);
      expect(net.sockets).toHaveLength(round + 2);
    }
    expect(delays[0]).toBeLessThan(1_000);
    const bases = [2_000, 4_000, 8_000, 16_000, 24_000, 24_000, 24_000];
    delays.slice(1).forEach((delay, i) => {
      expect(delay).toBeGreaterThanOrEqual(bases[i]!);
      expect(delay).toBeLessThanOrEqual(Math.min(bases[i]! * 1.25, 30_000));
    });
    expect(new Set(delays.slice(4)).size).toBeGreaterThan(1);
  });

  it('retries the lost server within half of minDelay when an established flow drops', () => {
    const { clock, net, transport, states } = connected({ reconnect: { minDelay: 2_000, maxDelay: 30_000 } });
    net.last().serverClose(1001, 'going away');
    expect(states.at(-1)).toEqual(['disconnected', `connection to ${LOCAL} lost (code 1001: going away)`]);
    const delay = transport.reconnectAt! - clock.now();
    expect(delay).toBeGreaterThanOrEqual(0);
    expect(delay).toBeLessThan(1_000);
    clock.advance(delay);
    expect(net.sockets).toHaveLength(2);
    expect(net.last().url).toBe(LOCAL);
    expect(states.at(-1)).toEqual(['connecting', `connection to ${LOCAL} lost (code 1001: going away)`]);
    net.last().accept();
    expect(transport.state).toBe('connected');
    expect(transport.reconnectAt).toBeUndefined();
  });

  it('resets the back-off after a flow that stayed up, but keeps it growing for flows that drop at once', () => {
    const { clock, net, transport } = setup({ keepAliveInterval: 0, reconnect: { minDelay: 1_000, maxDelay: 8_000 } });
    const nextDelay = () => transport.reconnectAt! - clock.now();
    transport.connect();
    net.last().fail();
    expect(nextDelay()).toBeLessThan(500);
    clock.advance(nextDelay());
    net.last().accept();
    net.last().serverClose();
    expect(nextDelay()).toBeGreaterThanOrEqual(1_000);
    expect(nextDelay()).toBeLessThanOrEqual(1_250);
    clock.advance(nextDelay());
    net.last().accept();
    clock.advance(7_999);
    net.last().serverClose();
    expect(nextDelay()).toBeGreaterThanOrEqual(2_000);
    clock.advance(nextDelay());
    net.last().accept();
    clock.advance(8_000);
    net.last().serverClose();
    expect(nextDelay()).toBeLessThan(500);
  });
});

describe('WebSocketTransport failover', () => {
  it('tries the next server at once when an attempt fails and reports failed when every server failed', () => {
    const { clock, net, transport, states } = setup({ servers: [A, B, C] });
    transport.connect();
    net.last().fail();
    expect(net.last().url).toBe(B);
    expect(states.at(-1)).toEqual(['connecting', `cannot connect to ${A}`]);
    net.last().serverClose(1006);
    expect(net.last().url).toBe(C);
    net.last().fail();
    expect(transport.state).toBe('failed');
    expect(states.at(-1)?.[1]).toBe(`cannot connect to ${A}; cannot connect to ${B} (code 1006); cannot connect to ${C}`);
    expect(net.sockets).toHaveLength(3);
    advanceUntil(clock, () => net.sockets.length === 4);
    expect(net.last().url).toBe(A);
  });

  it('reconnects to the server it lost first, then moves round-robin to the others', () => {
    const { clock, net, transport } = setup({ servers: [A, B, C] });
    transport.connect();
    net.last().fail();
    net.last().accept();
    expect(transport.server).toBe(B);
    net.last().serverClose(1006);
    advanceUntil(clock, () => net.sockets.length === 3);
    expect(net.sockets.map((s) => s.url)).toEqual([A, B, B]);
    net.last().fail();
    net.last().fail();
    expect(net.sockets.map((s) => s.url)).toEqual([A, B, B, C, A]);
    expect(transport.state).toBe('connecting');
    net.last().fail();
    expect(transport.state).toBe('failed');
  });

  it('retries at once when connect() is called while a retry is pending', () => {
    const { net, transport, states } = setup();
    transport.connect();
    net.last().fail();
    expect(transport.state).toBe('failed');
    transport.connect();
    expect(net.sockets).toHaveLength(2);
    expect(states.at(-1)).toEqual(['connecting', `cannot connect to ${LOCAL}`]);
    expect(transport.reconnectAt).toBeUndefined();
  });
});

describe('WebSocketTransport disconnect()', () => {
  const phases = {
    connecting: (env: ReturnType<typeof setup>) => env.transport.connect(),
    connected: (env: ReturnType<typeof setup>) => {
      env.transport.connect();
      env.net.last().accept();
    },
    'waiting to retry a lost flow': (env: ReturnType<typeof setup>) => {
      env.transport.connect();
      env.net.last().accept();
      env.net.last().serverClose();
    },
    'failed with a retry pending': (env: ReturnType<typeof setup>) => {
      env.transport.connect();
      env.net.last().fail();
    },
  };

  for (const [phase, reach] of Object.entries(phases)) {
    it(`leaves no timer and no reconnect behind when called while ${phase}`, () => {
      const env = setup();
      reach(env);
      expect(env.clock.pendingCount).toBeGreaterThan(0);
      const sockets = env.net.sockets.length;
      env.transport.disconnect();
      expect(env.transport.state).toBe('disconnected');
      expect(env.clock.pendingCount).toBe(0);
      expect(env.transport.reconnectAt).toBeUndefined();
      expect(env.transport.server).toBeUndefined();
      env.clock.advance(3_600_000);
      expect(env.net.sockets).toHaveLength(sockets);
      expect(env.transport.state).toBe('disconnected');
    });
  }

  it('reports disconnected once, without a cause, and closes the socket with code 1000', () => {
    const { net, transport, states } = connected();
    transport.disconnect();
    transport.disconnect();
    expect(states).toEqual([
      ['connecting', undefined],
      ['connected', undefined],
      ['disconnected', undefined],
    ]);
    expect(net.last().closedBy?.code).toBe(1000);
  });

  it('ignores every event of a socket it has let go', () => {
    const { net, transport, states, messages } = connected();
    const old = net.last();
    transport.disconnect();
    const before = states.length;
    old.receive('SIP/2.0 200 OK\r\n\r\n');
    old.onopen?.();
    old.fail();
    expect(messages).toEqual([]);
    expect(states).toHaveLength(before);
  });

  it('starts over from minDelay when connect() follows disconnect()', () => {
    const { clock, net, transport } = setup({ reconnect: { minDelay: 1_000, maxDelay: 60_000 } });
    transport.connect();
    for (let i = 0; i < 5; i++) {
      net.last().fail();
      clock.advance(transport.reconnectAt! - clock.now());
    }
    transport.disconnect();
    transport.connect();
    net.last().fail();
    expect(transport.reconnectAt! - clock.now()).toBeLessThan(500);
  });

  it('opens no socket when a state listener disconnects as connecting begins', () => {
    const { clock, net, transport } = setup();
    transport.on('state', (state) => {
      if (state === 'connecting') transport.disconnect();
    });
    transport.connect();
    expect(net.sockets).toHaveLength(0);
    expect(transport.state).toBe('disconnected');
    expect(clock.pendingCount).toBe(0);
  });

  it('stops a retry cycle when a listener disconnects on failed', () => {
    const { clock, net, transport } = setup();
    transport.on('state', (state) => {
      if (state === 'failed') transport.disconnect();
    });
    transport.connect();
    net.last().fail();
    expect(transport.state).toBe('disconnected');
    expect(clock.pendingCount).toBe(0);
  });
});
