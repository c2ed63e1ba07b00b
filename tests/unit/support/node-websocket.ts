import WebSocket from 'ws';
import type { WebSocketFactory, WebSocketLike } from '../../../src/sip/transport';

/** The WebSocket port on Node's `ws`, for tests that talk to a real server. */
export const nodeWebSocket: WebSocketFactory = (url, protocols) => {
  const socket = new WebSocket(url, protocols);
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
  socket.on('open', () => like.onopen?.());
  socket.on('close', (code, reason) => like.onclose?.({ code, reason: reason.toString() }));
  socket.on('error', () => like.onerror?.());
  socket.on('message', (data, isBinary) => like.onmessage?.({ data: isBinary ? data : data.toString() }));
  return like;
};
