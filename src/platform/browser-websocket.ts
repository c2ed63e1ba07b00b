import type { WebSocketFactory, WebSocketLike } from '../sip/transport';

/**
 * Adapts the browser's WebSocket to the core's WebSocketLike. The DOM handler signatures
 * (this-bound, Event arguments) differ from the port's, so events are forwarded.
 */
export const createBrowserWebSocket: WebSocketFactory = (url, protocols) => {
  const socket = new WebSocket(url, protocols);
  // The transport decodes binary frames itself; a Blob would need an async read.
  socket.binaryType = 'arraybuffer';
  const like: WebSocketLike = {
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
  socket.onopen = () => like.onopen?.();
  socket.onclose = (ev) => like.onclose?.({ code: ev.code, reason: ev.reason });
  socket.onerror = () => like.onerror?.();
  socket.onmessage = (ev: MessageEvent<unknown>) => like.onmessage?.({ data: ev.data });
  return like;
};
