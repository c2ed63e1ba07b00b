export { WebSocketTransport, SIP_SUBPROTOCOL, DEFAULT_CONNECT_TIMEOUT } from './websocket-transport';
export type { WebSocketTransportOptions, TransportEvents } from './websocket-transport';
export type { TransportState } from './transport-state';
export { WebSocketReadyState } from './websocket-like';
export type { WebSocketLike, WebSocketFactory } from './websocket-like';
export { DEFAULT_BACKOFF, reconnectDelay } from './backoff';
export type { BackoffOptions } from './backoff';
export { CRLF_PING, CRLF_PONG, DEFAULT_KEEP_ALIVE_INTERVAL, DEFAULT_PONG_TIMEOUT } from './keep-alive';
export { isLoopbackHost } from './server-uri';
