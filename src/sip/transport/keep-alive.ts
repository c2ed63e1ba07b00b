import type { Random, TimerHandle, Timers } from '../ports';
import { jitter } from './jitter';

/** RFC 5626 §3.5.1: a double CRLF is a ping, a single CRLF the pong that answers it. */
export const CRLF_PING = '\r\n\r\n';
export const CRLF_PONG = '\r\n';

/** RFC 5626 §4.4.1: a ping unanswered for 10 s means the flow has failed. */
export const DEFAULT_PONG_TIMEOUT = 10_000;
/** Well under the ~30 s idle timeout of common NATs and WebSocket proxies. */
export const DEFAULT_KEEP_ALIVE_INTERVAL = 25_000;

/**
 * Classifies a frame made only of CR and LF as a keep-alive; such a frame is never a
 * SIP message. Anything else (including text that merely starts with CRLF) is not.
 */
export function keepAliveKind(text: string): 'ping' | 'pong' | undefined {
  if (text === '' || !/^[\r\n]+$/.test(text)) return undefined;
  return text.includes(CRLF_PING) ? 'ping' : 'pong';
}

export interface CrlfKeepAliveOptions {
  timers: Timers;
  random: Random;
  /** Milliseconds between pings before jitter; 0 sends none. */
  interval: number;
  pongTimeout: number;
  sendPing(): void;
  /** The pong did not come: the flow is dead. Called once per start(). */
  onDead(): void;
}

/** The client side of RFC 5626 CRLF keep-alive for one flow. */
export class CrlfKeepAlive {
  #interval: number;
  #pingTimer: TimerHandle | undefined;
  #pongTimer: TimerHandle | undefined;
  #running = false;
  readonly #options: CrlfKeepAliveOptions;

  constructor(options: CrlfKeepAliveOptions) {
    this.#options = options;
    this.#interval = options.interval;
  }

  start(): void {
    this.stop();
    this.#running = true;
    this.#schedulePing();
  }

  stop(): void {
    this.#running = false;
    this.#clearTimers();
  }

  /** A pong ends the wait for it; the next ping is scheduled from now. */
  pongReceived(): void {
    if (this.#pongTimer === undefined) return;
    this.#options.timers.clearTimeout(this.#pongTimer);
    this.#pongTimer = undefined;
    this.#schedulePing();
  }

  /** RFC 5626 §4.4.1: a registrar's Flow-Timer can ask for more frequent pings. */
  changeInterval(interval: number): void {
    this.#interval = interval;
    if (this.#running && this.#pongTimer === undefined) this.#schedulePing();
  }

  #schedulePing(): void {
    this.#clearTimers();
    if (this.#interval <= 0) return;
    const { timers, random } = this.#options;
    // RFC 5626 §4.4.1: each wait is drawn between 80% and 100% of the interval.
    const wait = jitter(random, 0.8 * this.#interval, this.#interval);
    this.#pingTimer = timers.setTimeout(() => this.#ping(), Math.round(wait));
  }

  #ping(): void {
    this.#pingTimer = undefined;
    this.#pongTimer = this.#options.timers.setTimeout(() => {
      this.#pongTimer = undefined;
      this.#running = false;
      this.#options.onDead();
    }, this.#options.pongTimeout);
    this.#options.sendPing();
  }

  #clearTimers(): void {
    const { timers } = this.#options;
    if (this.#pingTimer !== undefined) timers.clearTimeout(this.#pingTimer);
    if (this.#pongTimer !== undefined) timers.clearTimeout(this.#pongTimer);
    this.#pingTimer = undefined;
    this.#pongTimer = undefined;
  }
}
