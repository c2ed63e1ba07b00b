import WebSocket from 'ws';
import type { WebSocketFactory, WebSocketLike } from '../../../src/sip/transport';

/**
 * The `ws` client behind the transport's WebSocketLike port. Its handler
 * properties take event objects, so they forward to the port's handlers, which
 * the transport sets and clears after the socket is made.
 */
export const nodeWebSocketFactory: WebSocketFactory = (url, protocols) => {
  const ws = new WebSocket(url, protocols);
  const port: WebSocketLike = {
    get readyState() {
      return ws.readyState;
    },
    get protocol() {
      return ws.protocol;
    },
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
    onopen: null,
    onclose: null,
    onerror: null,
    onmessage: null,
  };
  ws.onopen = () => port.onopen?.();
  ws.onclose = (ev) => port.onclose?.({ code: ev.code, reason: ev.reason });
  ws.onerror = () => port.onerror?.();
  ws.onmessage = (ev) => port.onmessage?.({ data: ev.data });
  return port;
};
