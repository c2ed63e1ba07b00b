import { standardWebSocketFactory } from '../sip/transport';

/** The core's WebSocket port on the browser's own WebSocket. */
export const createBrowserWebSocket = standardWebSocketFactory(WebSocket);
