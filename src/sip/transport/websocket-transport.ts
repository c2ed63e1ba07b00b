import { randomToken, silentLogger, type Logger, type Random, type TimerHandle, type Timers } from '../ports';
import { Emitter } from '../util/emitter';
import { DEFAULT_BACKOFF, reconnectDelay, type BackoffOptions } from './backoff';
import { frameText } from './frame-text';
import {
  CRLF_PING,
  CRLF_PONG,
  CrlfKeepAlive,
  DEFAULT_KEEP_ALIVE_INTERVAL,
  DEFAULT_PONG_TIMEOUT,
  keepAliveKind,
} from './keep-alive';
import { ServerList } from './server-list';
import { canTransition, type TransportState } from './transport-state';
import { WebSocketReadyState, type WebSocketFactory, type WebSocketLike } from './websocket-like';

/** RFC 7118 §4.1: the WebSocket subprotocol a SIP client asks for and must get. */
export const SIP_SUBPROTOCOL = 'sip';

/** How long a WebSocket may stay in CONNECTING before the attempt counts as failed. */
export const DEFAULT_CONNECT_TIMEOUT = 10_000;

/** Close code for every close we initiate: browsers only accept 1000 and 3000–4999. */
const NORMAL_CLOSURE = 1000;

export interface WebSocketTransportOptions {
  /** ws:// or wss:// URIs in failover order; ws:// only to loopback. */
  servers: string[];
  createWebSocket: WebSocketFactory;
  timers: Timers;
  random: Random;
  logger?: Logger;
  /** Milliseconds between CRLF pings before jitter (RFC 5626 §4.4.1); 0 turns them off. Default 25 s. */
  keepAliveInterval?: number;
  /** Milliseconds to wait for the pong to a ping. Default 10 s. */
  pongTimeout?: number;
  /** Milliseconds a WebSocket may take to open. Default 10 s. */
  connectTimeout?: number;
  /** Reconnect back-off bounds in milliseconds. Default 1 s and 30 s; the first retry comes within half of the minimum. */
  reconnect?: Partial<BackoffOptions>;
}

export interface TransportEvents {
  /**
   * Every state change. The cause is user-facing text:
   * - connecting: undefined for the first attempt after connect(); otherwise why the
   *   previous attempt or flow ended, so each retry and failover is visible;
   * - connected: undefined;
   * - disconnected: why the flow was lost (a retry is then due at `reconnectAt`), or
   *   undefined after disconnect();
   * - failed: the configuration error (no retry), or what went wrong with each
   *   server this round (a retry is due at `reconnectAt`).
   */
  state: [state: TransportState, cause?: string];
  /** One SIP message per WebSocket message, raw; parsing happens in the UA. */
  message: [text: string];
  /** Every SIP message sent or received (not keep-alives), for a diagnostics view; raw, so redact before showing. */
  trace: [entry: TransportTrace];
}

/** One SIP message on the flow, as it went out or came in. */
export interface TransportTrace {
  direction: 'in' | 'out';
  text: string;
  /** timers.now() when it was sent or received. */
  at: number;
  /** The server URI of the flow. */
  server: string | undefined;
}

/**
 * SIP over WebSocket (RFC 7118) with RFC 5626 CRLF keep-alive, reconnect with
 * back-off, and failover across several servers.
 *
 * Retry policy: an attempt that fails moves on to the next server at once. When
 * every server has failed in a row the state becomes 'failed' and the next round
 * starts after a back-off delay. A flow that drops after being open goes to
 * 'disconnected' and retries the same server after a back-off delay. A flow that
 * stayed open for at least maxDelay resets the back-off; shorter-lived flows keep
 * it growing, so a server that accepts and then drops every connection is not
 * hammered. Retries go on until disconnect(); only a configuration error (no
 * servers, a malformed URI, ws:// to a non-loopback host) is final.
 */
export class WebSocketTransport extends Emitter<TransportEvents> {
  /** RFC 7118 Appendix B.1: the client has no reachable address, so Via and Contact use a random .invalid name. */
  readonly viaHost: string;

  readonly #servers: ServerList | undefined;
  readonly #configError: string | undefined;
  readonly #createWebSocket: WebSocketFactory;
  readonly #timers: Timers;
  readonly #random: Random;
  readonly #log: Logger;
  readonly #connectTimeout: number;
  readonly #pongTimeout: number;
  readonly #backoff: BackoffOptions;
  readonly #keepAlive: CrlfKeepAlive;

  #currentState: TransportState = 'disconnected';
  #socket: WebSocketLike | undefined;
  #activeServer: string | undefined;
  #connectTimer: TimerHandle | undefined;
  #retryTimer: TimerHandle | undefined;
  #retryAt: number | undefined;
  #retryCause: string | undefined;
  /** Failed rounds and short-lived flows since the last stable one: picks the back-off delay. */
  #failures = 0;
  #openedAt = 0;
  #roundFailures: string[] = [];
  /** Bumped whenever the current socket is abandoned, so its late events and re-entrant calls are ignored. */
  #epoch = 0;

  constructor(options: WebSocketTransportOptions) {
    super(options.logger);
    this.#createWebSocket = options.createWebSocket;
    this.#timers = options.timers;
    this.#random = options.random;
    this.#log = options.logger ?? silentLogger;
    this.#connectTimeout = options.connectTimeout ?? DEFAULT_CONNECT_TIMEOUT;
    this.#pongTimeout = options.pongTimeout ?? DEFAULT_PONG_TIMEOUT;
    this.#backoff = {
      minDelay: options.reconnect?.minDelay ?? DEFAULT_BACKOFF.minDelay,
      maxDelay: options.reconnect?.maxDelay ?? DEFAULT_BACKOFF.maxDelay,
    };
    this.viaHost = `${randomToken(options.random, 8)}.invalid`;
    const parsed = ServerList.parse(options.servers);
    if (parsed.ok) this.#servers = parsed.list;
    else this.#configError = parsed.reason;
    this.#keepAlive = new CrlfKeepAlive({
      timers: options.timers,
      random: options.random,
      interval: options.keepAliveInterval ?? DEFAULT_KEEP_ALIVE_INTERVAL,
      pongTimeout: this.#pongTimeout,
      sendPing: () => this.#sendRaw(CRLF_PING),
      onDead: () => this.#flowLost(`no keep-alive pong from ${this.#activeServer} in ${seconds(this.#pongTimeout)}`),
    });
  }

  get state(): TransportState {
    return this.#currentState;
  }

  /** RFC 7118 §5: WSS when the server in use (or else the first configured) is wss://. */
  get viaTransport(): 'WS' | 'WSS' {
    return this.#servers?.current.secure === false ? 'WS' : 'WSS';
  }

  /** URI of the server being tried or in use; undefined before connect() and after disconnect(). */
  get server(): string | undefined {
    return this.#activeServer;
  }

  /** timers.now() at which the next retry is due, when one is scheduled. */
  get reconnectAt(): number | undefined {
    return this.#retryAt;
  }

  /**
   * What follows the "@" of a Contact SIP URI: the .invalid host and the transport
   * parameter, which RFC 7118 §5 defines as "ws" for WS and WSS alike.
   */
  contactHostPart(): string {
    return `${this.viaHost};transport=ws`;
  }

  /**
   * Starts connecting. While a retry is pending (state 'disconnected' or 'failed')
   * it retries now instead of waiting; while connecting or connected it does nothing.
   */
  connect(): void {
    if (this.#configError !== undefined) {
      if (this.#currentState !== 'failed') this.#transition('failed', this.#configError);
      return;
    }
    if (this.#currentState === 'connecting' || this.#currentState === 'connected') return;
    if (this.#retryTimer !== undefined) {
      const cause = this.#retryCause;
      this.#cancelRetry();
      this.#attempt(cause);
      return;
    }
    this.#failures = 0;
    this.#attempt(undefined);
  }

  /** Closes the flow and cancels every retry; only connect() starts again. */
  disconnect(): void {
    this.#cancelRetry();
    this.#abandonSocket();
    this.#keepAlive.stop();
    this.#servers?.resetRound();
    this.#roundFailures = [];
    this.#failures = 0;
    this.#activeServer = undefined;
    if (this.#currentState !== 'disconnected') this.#transition('disconnected');
  }

  /** Sends one SIP message as one text frame; false when there is no open flow. */
  send(text: string): boolean {
    if (this.#currentState !== 'connected') return false;
    const sent = this.#sendRaw(text);
    if (sent) this.safeEmit('trace', { direction: 'out', text, at: this.#timers.now(), server: this.#activeServer });
    return sent;
  }

  /** RFC 5626 §4.4.1: follow a registrar's Flow-Timer (milliseconds; 0 stops pinging). */
  setKeepAliveInterval(interval: number): void {
    this.#keepAlive.changeInterval(interval);
  }

  #attempt(cause: string | undefined): void {
    const server = this.#servers!.current;
    const epoch = ++this.#epoch;
    this.#activeServer = server.uri;
    this.#transition('connecting', cause);
    // A state listener may have called disconnect() or connect() meanwhile.
    if (epoch !== this.#epoch) return;

    let socket: WebSocketLike;
    try {
      socket = this.#createWebSocket(server.uri, [SIP_SUBPROTOCOL]);
    } catch (error) {
      this.#attemptFailed(`cannot open a WebSocket to ${server.uri}: ${describeError(error)}`);
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      if (epoch === this.#epoch) this.#opened(socket);
    };
    socket.onmessage = (ev) => {
      if (epoch === this.#epoch) this.#received(ev.data);
    };
    socket.onerror = () => {
      if (epoch === this.#epoch) this.#socketEnded(undefined);
    };
    socket.onclose = (ev) => {
      if (epoch === this.#epoch) this.#socketEnded(ev);
    };
    this.#connectTimer = this.#timers.setTimeout(() => {
      this.#connectTimer = undefined;
      this.#attemptFailed(`no answer from ${server.uri} within ${seconds(this.#connectTimeout)}`);
    }, this.#connectTimeout);
  }

  #opened(socket: WebSocketLike): void {
    this.#clearConnectTimer();
    // RFC 7118 §4.1: a server that did not choose "sip" does not speak SIP here.
    if (socket.protocol !== SIP_SUBPROTOCOL) {
      const chosen = socket.protocol ? `it chose "${socket.protocol}"` : 'it chose none';
      this.#attemptFailed(`${this.#activeServer} did not accept the WebSocket subprotocol "sip" (${chosen})`);
      return;
    }
    this.#servers!.resetRound();
    this.#roundFailures = [];
    this.#openedAt = this.#timers.now();
    this.#keepAlive.start();
    this.#transition('connected');
  }

  #received(data: unknown): void {
    const text = frameText(data);
    if (text === undefined) {
      this.#log.log('warn', 'transport: dropped a WebSocket message that is neither text nor bytes');
      return;
    }
    if (text === '') return;
    const keepAlive = keepAliveKind(text);
    if (keepAlive === 'ping') this.#sendRaw(CRLF_PONG);
    else if (keepAlive === 'pong') this.#keepAlive.pongReceived();
    else {
      this.safeEmit('trace', { direction: 'in', text, at: this.#timers.now(), server: this.#activeServer });
      this.safeEmit('message', text);
    }
  }

  /** close or error: an attempt that never opened failed; an open flow was lost. */
  #socketEnded(ev: { code: number; reason: string } | undefined): void {
    const closed = ev ? ` (${describeClose(ev)})` : '';
    if (this.#currentState === 'connected') this.#flowLost(`connection to ${this.#activeServer} lost${closed}`);
    else this.#attemptFailed(`cannot connect to ${this.#activeServer}${closed}`);
  }

  #attemptFailed(cause: string): void {
    this.#abandonSocket();
    this.#log.log('info', `transport: ${cause}`);
    this.#roundFailures.push(cause);
    if (!this.#servers!.failCurrent()) {
      this.#attempt(cause);
      return;
    }
    const summary = this.#roundFailures.join('; ');
    this.#roundFailures = [];
    this.#scheduleRetry(summary);
    this.#transition('failed', summary);
  }

  #flowLost(cause: string): void {
    this.#abandonSocket();
    this.#keepAlive.stop();
    this.#log.log('info', `transport: ${cause}`);
    if (this.#timers.now() - this.#openedAt >= this.#backoff.maxDelay) this.#failures = 0;
    this.#scheduleRetry(cause);
    this.#transition('disconnected', cause);
  }

  #scheduleRetry(cause: string): void {
    const delay = reconnectDelay(this.#failures, this.#backoff, this.#random);
    this.#failures++;
    this.#retryCause = cause;
    this.#retryAt = this.#timers.now() + delay;
    this.#retryTimer = this.#timers.setTimeout(() => {
      this.#retryTimer = undefined;
      this.#retryAt = undefined;
      this.#attempt(cause);
    }, delay);
  }

  #cancelRetry(): void {
    if (this.#retryTimer !== undefined) this.#timers.clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
    this.#retryAt = undefined;
    this.#retryCause = undefined;
  }

  /** Detaches and closes the current socket; its later events are ignored. */
  #abandonSocket(): void {
    this.#epoch++;
    this.#clearConnectTimer();
    const socket = this.#socket;
    this.#socket = undefined;
    if (!socket) return;
    socket.onopen = socket.onmessage = socket.onerror = socket.onclose = null;
    if (socket.readyState === WebSocketReadyState.CLOSING || socket.readyState === WebSocketReadyState.CLOSED) return;
    try {
      socket.close(NORMAL_CLOSURE);
    } catch (error) {
      this.#log.log('debug', 'transport: closing a WebSocket threw', error);
    }
  }

  #clearConnectTimer(): void {
    if (this.#connectTimer !== undefined) this.#timers.clearTimeout(this.#connectTimer);
    this.#connectTimer = undefined;
  }

  #sendRaw(text: string): boolean {
    const socket = this.#socket;
    if (!socket || socket.readyState !== WebSocketReadyState.OPEN) return false;
    try {
      socket.send(text);
      return true;
    } catch (error) {
      this.#log.log('warn', 'transport: WebSocket send failed', error);
      return false;
    }
  }

  #transition(to: TransportState, cause?: string): void {
    const from = this.#currentState;
    if (!canTransition(from, to)) throw new Error(`transport: invalid transition ${from} → ${to}`);
    this.#currentState = to;
    this.#log.log('debug', `transport: ${from} → ${to}${cause ? ` (${cause})` : ''}`);
    this.safeEmit('state', to, cause);
  }
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

function describeClose(ev: { code: number; reason: string }): string {
  return ev.reason ? `code ${ev.code}: ${ev.reason}` : `code ${ev.code}`;
}

function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
