import { WebSocketReadyState, type WebSocketLike } from '../../../src/sip/transport';

/**
 * A WebSocket as a user agent under test sees it, with the server side played by the test's
 * fake server: what the UA sends goes to `onSend`; the server opens, delivers and closes.
 */
export class ServerSideSocket implements WebSocketLike {
  readyState: number = WebSocketReadyState.CONNECTING;
  protocol = '';
  onopen: (() => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;

  constructor(private readonly onSend: (data: string) => void) {}

  send(data: string): void {
    if (this.readyState !== WebSocketReadyState.OPEN) throw new Error('socket is not open');
    this.onSend(data);
  }

  close(): void {
    this.readyState = WebSocketReadyState.CLOSED;
  }

  /** The server accepts the connection with the `sip` subprotocol. */
  open(): void {
    this.protocol = 'sip';
    this.readyState = WebSocketReadyState.OPEN;
    this.onopen?.();
  }

  /** The server sends a frame. */
  deliver(text: string): void {
    if (this.readyState === WebSocketReadyState.OPEN) this.onmessage?.({ data: text });
  }

  /** The server closes the connection, or refuses it (code 1006). */
  serverClose(): void {
    this.readyState = WebSocketReadyState.CLOSED;
    this.onclose?.({ code: 1006, reason: '' });
  }
}
