import WebSocket from 'ws';
import { standardWebSocketFactory } from '../../../src/sip/transport';

/** The WebSocket port on Node's `ws`, for tests that talk to a real server. */
export const nodeWebSocket = standardWebSocketFactory(WebSocket);
