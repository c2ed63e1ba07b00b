/**
 * Platform ports: everything the UA core needs from its host, injected so the
 * same core runs in the browser, in Node under vitest, and against a fake clock.
 */

export type TimerHandle = unknown;

export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Milliseconds on a monotonic-enough clock (Date.now() or a fake). */
  now(): number;
}

export interface Random {
  /** Cryptographically random bytes (crypto.getRandomValues in browsers and Node). */
  bytes(length: number): Uint8Array;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, detail?: unknown): void;
}

/** A logger that drops everything: the default when the host gives none. */
export const silentLogger: Logger = { log() {} };

/** Lower-case hex token of `bytes` random bytes: tags, branches, Call-IDs, cnonces. */
export function randomToken(random: Random, bytes = 8): string {
  let out = '';
  for (const b of random.bytes(bytes)) out += b.toString(16).padStart(2, '0');
  return out;
}
