// Bundle-size entry: JsSIP's UA with its WebSocket transport, as a JsSIP app imports them.
export { UA, WebSocketInterface } from 'jssip';
