import { createResponse, parseMessage, SipRequest, type SipResponse } from '../../../src/sip';
import type { Timers } from '../../../src/sip/ports';
import type { WebSocketFactory } from '../../../src/sip/transport';
import { ServerSideSocket } from './server-side-socket';

/** One WebSocket as the UA sees it; the FakeWsServer plays the other end. */
export class FakeServerSocket extends ServerSideSocket {
  constructor(
    readonly url: string,
    server: FakeWsServer,
  ) {
    super((data) => server.received(this, data));
  }
}

/**
 * A SIP-over-WebSocket server a test plays by hand on a fake clock: it accepts
 * connections on the next tick (or refuses them), answers CRLF keep-alive
 * pings, and queues the SIP messages the UA sends so the test can answer them.
 */
export class FakeWsServer {
  readonly sockets: FakeServerSocket[] = [];
  /** Requests the UA sent, parsed, in order. */
  readonly requests: SipRequest[] = [];
  /** When each CRLF keep-alive arrived (the clock's time). */
  readonly pings: number[] = [];
  /** Responses the UA sent, parsed, in order. */
  readonly responses: SipResponse[] = [];
  /** When set, new connections fail instead of opening. */
  refuse = false;
  private readonly unanswered: SipRequest[] = [];

  readonly factory: WebSocketFactory = (url) => {
    const socket = new FakeServerSocket(url, this);
    this.sockets.push(socket);
    this.timers.setTimeout(() => (this.refuse ? socket.serverClose() : socket.open()), 0);
    return socket;
  };

  constructor(private readonly timers: Timers) {}

  get socket(): FakeServerSocket {
    const socket = this.sockets.at(-1);
    if (!socket) throw new Error('the UA opened no WebSocket');
    return socket;
  }

  received(socket: FakeServerSocket, data: string): void {
    if (data === '\r\n\r\n') {
      this.pings.push(this.timers.now());
      this.timers.setTimeout(() => socket.deliver('\r\n'), 0);
      return;
    }
    const message = parseMessage(data);
    if (message instanceof SipRequest) {
      this.requests.push(message);
      if (message.method !== 'ACK') this.unanswered.push(message);
    } else this.responses.push(message);
  }

  /** How many requests of `method` (all when omitted) the UA sent. */
  count(method?: string): number {
    return this.requests.filter((r) => method === undefined || r.method === method).length;
  }

  /** The oldest request not answered yet; throws when there is none. */
  next(method?: string): SipRequest {
    const index = this.unanswered.findIndex((r) => method === undefined || r.method === method);
    if (index < 0) throw new Error(`no unanswered ${method ?? 'request'}`);
    return this.unanswered.splice(index, 1)[0]!;
  }

  get pending(): number {
    return this.unanswered.length;
  }

  /** Answers `request` on the current connection. */
  reply(request: SipRequest, status: number, headers: [string, string][] = [], toTag = 'srv1'): void {
    const response = createResponse(request, status, undefined, status === 100 ? undefined : toTag);
    for (const [name, value] of headers) response.append(name, value);
    this.deliver(response.toString());
  }

  deliver(text: string): void {
    this.socket.deliver(text);
  }
}
