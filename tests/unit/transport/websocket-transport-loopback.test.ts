import { describe, it, expect, afterEach } from 'vitest';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { WebSocketTransport, type TransportState, type WebSocketTransportOptions } from '../../../src/sip/transport';
import { cryptoRandom, RealTimers } from '../support/real-timers';
import { nodeWebSocket as nodeWebSocketFactory } from '../support/node-websocket';

/** A loopback SIP WebSocket server that records what it sees. */
interface TestServer {
  url: string;
  port: number;
  connections: WebSocket[];
  requestedProtocols: string[][];
  received: string[];
  close(): Promise<void>;
}

async function startServer(options: { port?: number; acceptSip?: boolean; answerPings?: boolean } = {}): Promise<TestServer> {
  const { acceptSip = true, answerPings = true } = options;
  const requestedProtocols: string[][] = [];
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    handleProtocols: (protocols) => {
      requestedProtocols.push([...protocols]);
      return acceptSip && protocols.has('sip') ? 'sip' : false;
    },
  });
  await once(wss, 'listening');
  const port = (wss.address() as AddressInfo).port;
  const server: TestServer = {
    url: `ws://127.0.0.1:${port}`,
    port,
    connections: [],
    requestedProtocols,
    received: [],
    close: async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
  wss.on('connection', (ws) => {
    server.connections.push(ws);
    ws.on('message', (data, isBinary) => {
      const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : data.toString();
      if (text === '\r\n\r\n') {
        if (answerPings) ws.send('\r\n');
        return;
      }
      server.received.push(text);
    });
  });
  cleanups.push(() => server.close());
  return server;
}

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function makeTransport(servers: string[], overrides: Partial<WebSocketTransportOptions> = {}) {
  const timers = new RealTimers();
  const transport = new WebSocketTransport({
    servers,
    createWebSocket: nodeWebSocketFactory,
    timers,
    random: cryptoRandom,
    reconnect: { minDelay: 30, maxDelay: 150 },
    connectTimeout: 1_000,
    ...overrides,
  });
  const states: [TransportState, string | undefined][] = [];
  transport.on('state', (state, cause) => states.push([state, cause]));
  cleanups.push(() => {
    transport.disconnect();
    timers.clearAll();
  });
  return { transport, timers, states };
}

/** Resolves with the cause of the next change to `state`. */
function nextState(transport: WebSocketTransport, state: TransportState, within = 2_000): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`transport did not reach ${state} within ${within} ms`));
    }, within);
    const off = transport.on('state', (reached, cause) => {
      if (reached !== state) return;
      clearTimeout(timer);
      off();
      resolve(cause);
    });
  });
}

function nextMessage(transport: WebSocketTransport): Promise<string> {
  return new Promise((resolve) => {
    const off = transport.on('message', (text) => {
      off();
      resolve(text);
    });
  });
}

async function until(condition: () => boolean, within = 2_000): Promise<void> {
  const deadline = Date.now() + within;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${within} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('WebSocketTransport against a real ws server on 127.0.0.1', () => {
  it('connects with the "sip" subprotocol and exchanges messages in both directions', async () => {
    const server = await startServer();
    const { transport } = makeTransport([server.url]);
    const up = nextState(transport, 'connected');
    transport.connect();
    await up;
    expect(server.requestedProtocols).toEqual([['sip']]);
    expect(server.connections[0]!.protocol).toBe('sip');

    const register = `REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/${transport.viaTransport} ${transport.viaHost};branch=z9hG4bK1\r\n\r\n`;
    expect(transport.send(register)).toBe(true);
    await until(() => server.received.length === 1);
    expect(server.received).toEqual([register]);

    const ok = 'SIP/2.0 200 OK\r\nContact: <sip:1000@x.invalid;transport=ws>;expires=600\r\nX-Note: grüß\r\n\r\n';
    let message = nextMessage(transport);
    server.connections[0]!.send(ok);
    expect(await message).toBe(ok);
    message = nextMessage(transport);
    server.connections[0]!.send(Buffer.from(ok, 'utf8'), { binary: true });
    expect(await message).toBe(ok);
  });

  it('reconnects after the server closes the connection', async () => {
    const server = await startServer();
    const { transport } = makeTransport([server.url]);
    let up = nextState(transport, 'connected');
    transport.connect();
    await up;
    const down = nextState(transport, 'disconnected');
    up = nextState(transport, 'connected');
    server.connections[0]!.close(1001, 'going away');
    expect(await down).toBe(`connection to ${server.url} lost (code 1001: going away)`);
    await up;
    expect(server.connections).toHaveLength(2);
    expect(transport.send('OPTIONS sip:127.0.0.1 SIP/2.0\r\n\r\n')).toBe(true);
  });

  it('keeps retrying while the server is down and reconnects when it is back on the same port', async () => {
    const first = await startServer();
    const { transport, states } = makeTransport([first.url]);
    let up = nextState(transport, 'connected');
    transport.connect();
    await up;

    const failed = nextState(transport, 'failed');
    await first.close();
    expect(await failed).toBe(`cannot connect to ${first.url}`);
    const failuresWhileDown = () => states.filter(([state]) => state === 'failed').length;
    await until(() => failuresWhileDown() >= 2);

    up = nextState(transport, 'connected');
    const second = await startServer({ port: first.port });
    await up;
    expect(second.connections).toHaveLength(1);
    expect(transport.server).toBe(first.url);
  });

  it('fails without ever connecting when the server refuses the "sip" subprotocol', async () => {
    const server = await startServer({ acceptSip: false });
    const { transport, states } = makeTransport([server.url]);
    const failed = nextState(transport, 'failed');
    transport.connect();
    expect(await failed).toContain(server.url);
    expect(server.requestedProtocols[0]).toEqual(['sip']);
    expect(states.some(([state]) => state === 'connected')).toBe(false);
  });

  it('keeps a flow whose server answers CRLF pings', async () => {
    const server = await startServer();
    const { transport, states } = makeTransport([server.url], { keepAliveInterval: 30, pongTimeout: 100 });
    const up = nextState(transport, 'connected');
    transport.connect();
    await up;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(transport.state).toBe('connected');
    expect(states.map(([state]) => state)).toEqual(['connecting', 'connected']);
    expect(server.received).toEqual([]);
  });

  it('drops a flow whose server stops answering CRLF pings and connects again', async () => {
    const server = await startServer({ answerPings: false });
    const { transport } = makeTransport([server.url], { keepAliveInterval: 30, pongTimeout: 100 });
    let up = nextState(transport, 'connected');
    transport.connect();
    await up;
    up = nextState(transport, 'connected');
    expect(await nextState(transport, 'disconnected')).toBe(`no keep-alive pong from ${server.url} in 0.1 s`);
    await up;
    expect(server.connections).toHaveLength(2);
  });

  it('fails over to the second server when the first refuses connections', async () => {
    const dead = await startServer();
    const deadUrl = dead.url;
    await dead.close();
    const live = await startServer();
    const { transport, states } = makeTransport([deadUrl, live.url]);
    const up = nextState(transport, 'connected');
    transport.connect();
    await up;
    expect(transport.server).toBe(live.url);
    expect(states).toEqual([
      ['connecting', undefined],
      ['connecting', `cannot connect to ${deadUrl}`],
      ['connected', undefined],
    ]);
  });

  it('leaves no timer running after disconnect()', async () => {
    const server = await startServer();
    const { transport, timers } = makeTransport([server.url], { keepAliveInterval: 30 });
    const up = nextState(transport, 'connected');
    transport.connect();
    await up;
    expect(timers.pendingCount).toBeGreaterThan(0);
    transport.disconnect();
    expect(timers.pendingCount).toBe(0);
    await until(() => server.connections[0]!.readyState === server.connections[0]!.CLOSED);
  });
});
