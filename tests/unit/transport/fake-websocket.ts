import {
  WebSocketReadyState,
  type WebSocketFactory,
  type WebSocketLike,
} from '../../../src/sip/transport';

/** A WebSocket the test drives by hand: open it, push frames, close it from the "server". */
export class FakeWebSocket implements WebSocketLike {
  readyState: number = WebSocketReadyState.CONNECTING;
  protocol = '';
  readonly sent: string[] = [];
  closedBy: { code?: number; reason?: string } | undefined;
  failSends = false;
  /** Play a server that answers every CRLF ping with a pong. */
  answerPings = false;
  onopen: (() => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {}

  send(data: string): void {
    if (this.readyState !== WebSocketReadyState.OPEN || this.failSends) throw new Error('socket is not open');
    this.sent.push(data);
    if (this.answerPings && data === '\r\n\r\n') this.receive('\r\n');
  }

  close(code?: number, reason?: string): void {
    this.closedBy = { code, reason };
    this.readyState = WebSocketReadyState.CLOSED;
  }

  /** The handshake completes with the subprotocol the server chose. */
  accept(protocol = 'sip'): void {
    this.protocol = protocol;
    this.readyState = WebSocketReadyState.OPEN;
    this.onopen?.();
  }

  receive(data: unknown): void {
    this.onmessage?.({ data });
  }

  /** The server closes the connection (or it never opened: code 1006). */
  serverClose(code = 1006, reason = ''): void {
    this.readyState = WebSocketReadyState.CLOSED;
    this.onclose?.({ code, reason });
  }

  /** A network failure: error, then close, as browsers report it. */
  fail(): void {
    this.readyState = WebSocketReadyState.CLOSED;
    this.onerror?.();
    this.onclose?.({ code: 1006, reason: '' });
  }
}

/** A factory that records every socket it makes. */
export function fakeSockets(): { sockets: FakeWebSocket[]; factory: WebSocketFactory; last(): FakeWebSocket } {
  const sockets: FakeWebSocket[] = [];
  return {
    sockets,
    factory: (url, protocols) => {
      const socket = new FakeWebSocket(url, protocols);
      sockets.push(socket);
      return socket;
    },
    last() {
      const socket = sockets.at(-1);
      if (!socket) throw new Error('no socket was created');
      return socket;
    },
  };
}
