import { standardWebSocketFactory, type WebSocketFactory } from '../sip/transport';

/** The core's WebSocket port on the browser's own WebSocket, looked up when a socket is opened. */
export const createBrowserWebSocket: WebSocketFactory = (url, protocols) => standardWebSocketFactory(WebSocket)(url, protocols);
