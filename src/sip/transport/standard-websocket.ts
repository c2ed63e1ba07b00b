import type { WebSocketFactory, WebSocketLike } from './websocket-like';

// Method syntax makes the handler parameter bivariant, so the DOM's (ev: CloseEvent) and
// ws's (ev: WebSocket.CloseEvent) handlers both fit this narrower view of the event.
type Handler<E> = { bivariance(event: E): void }['bivariance'] | null;

/** The WHATWG WebSocket surface that browsers and Node's `ws` share; only what the adapter uses. */
export interface StandardWebSocket {
  readonly readyState: number;
  readonly protocol: string;
  binaryType: string;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown>;
  onclose: Handler<{ code: number; reason: string }>;
  onerror: Handler<unknown>;
  onmessage: Handler<{ data: unknown }>;
}

export type StandardWebSocketConstructor = new (url: string, protocols: string[]) => StandardWebSocket;

/**
 * The transport's WebSocket port on a standard WebSocket class (the browser's global, or `ws` in
 * Node). The standard handlers take event objects, so they forward to the port's plain handlers.
 */
export function standardWebSocketFactory(WebSocketClass: StandardWebSocketConstructor): WebSocketFactory {
  return (url, protocols) => {
    const socket = new WebSocketClass(url, protocols);
    // The transport decodes binary frames itself; a Blob would need an async read.
    socket.binaryType = 'arraybuffer';
    const port: WebSocketLike = {
      get readyState() {
        return socket.readyState;
      },
      get protocol() {
        return socket.protocol;
      },
      send: (data) => socket.send(data),
      close: (code, reason) => socket.close(code, reason),
      onopen: null,
      onclose: null,
      onerror: null,
      onmessage: null,
    };
    socket.onopen = () => port.onopen?.();
    socket.onclose = (ev) => port.onclose?.({ code: ev.code, reason: ev.reason });
    socket.onerror = () => port.onerror?.();
    socket.onmessage = (ev) => port.onmessage?.({ data: ev.data });
    return port;
  };
}
