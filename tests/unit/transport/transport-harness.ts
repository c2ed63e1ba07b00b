import {
  WebSocketTransport,
  type TransportState,
  type WebSocketTransportOptions,
} from '../../../src/sip/transport';
import { FakeClock, seededRandom } from '../support/fake-clock';
import { fakeSockets, type FakeWebSocket } from './fake-websocket';

export const LOCAL = 'ws://127.0.0.1:5070';

/** A WebSocketTransport on a FakeClock and fake sockets, with its events recorded. */
export function setup(overrides: Partial<WebSocketTransportOptions> = {}) {
  const clock = new FakeClock();
  const net = fakeSockets();
  const transport = new WebSocketTransport({
    servers: [LOCAL],
    createWebSocket: net.factory,
    timers: clock,
    random: seededRandom(7),
    ...overrides,
  });
  const states: [TransportState, string | undefined][] = [];
  const messages: string[] = [];
  transport.on('state', (state, cause) => states.push([state, cause]));
  transport.on('message', (text) => messages.push(text));
  return { clock, net, transport, states, messages };
}

/** Steps the fake clock until `done` holds; returns the milliseconds it took. */
export function advanceUntil(clock: FakeClock, done: () => boolean, step = 10, limit = 120_000): number {
  let elapsed = 0;
  while (!done()) {
    if (elapsed >= limit) throw new Error(`condition not met within ${limit} ms`);
    clock.advance(step);
    elapsed += step;
  }
  return elapsed;
}

export function connected(overrides: Partial<WebSocketTransportOptions> = {}) {
  const env = setup(overrides);
  env.transport.connect();
  env.net.last().accept();
  return env;
}

export function pings(socket: FakeWebSocket): number {
  return socket.sent.filter((frame) => frame === '\r\n\r\n').length;
}

