/**
 * The slice of the WHATWG WebSocket the transport needs. The platform layer
 * adapts the browser's WebSocket (or Node's `ws` in tests) to it, so the core
 * never names a DOM or Node type.
 */
export interface WebSocketLike {
  readonly readyState: number;
  /** The subprotocol the server selected; "" when it selected none. */
  readonly protocol: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: (() => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: (() => void) | null;
  /** `data` is a string for text frames; binary frames may arrive as ArrayBuffer or a byte view. */
  onmessage: ((ev: { data: unknown }) => void) | null;
}

export type WebSocketFactory = (url: string, protocols: string[]) => WebSocketLike;

/** `readyState` values, as numbered by the WHATWG WebSocket interface. */
export const WebSocketReadyState = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 } as const;
