import type { Timers } from '../../ports';

/**
 * DTMF in SIP INFO, the way PBXs and MicroSIP send it: `application/dtmf-relay` with
 * `Signal=5` and `Duration=160` lines, one INFO per digit; `application/dtmf` (a bare digit) is
 * accepted too. A digit goes out only after the previous INFO was answered, so they arrive in order.
 */

export const DTMF_RELAY = 'application/dtmf-relay';
export const DTMF_PLAIN = 'application/dtmf';
export const INFO_DTMF_TYPES = [DTMF_RELAY, DTMF_PLAIN];

/** Tone duration in an INFO, as MicroSIP and most phones send it. */
export const INFO_DTMF_DURATION = 160;
/** "," in a dial string: a 2 s pause, as RTCDTMFSender treats it. */
export const DTMF_PAUSE = 2000;

const DIGIT = /^[0-9*#A-D]$/;
export const DTMF_TONES = /^[0-9*#A-Da-d,]+$/;

export function dtmfRelayBody(digit: string, durationMs = INFO_DTMF_DURATION): string {
  return `Signal=${digit}\r\nDuration=${durationMs}\r\n`;
}

/** RFC 4733 event numbers some senders put in Signal= instead of the character. */
function digitOf(signal: string): string | undefined {
  const value = signal.trim().toUpperCase();
  if (DIGIT.test(value)) return value;
  const event = /^\d{2}$/.test(value) ? Number(value) : NaN;
  if (event === 10) return '*';
  if (event === 11) return '#';
  if (event >= 12 && event <= 15) return 'ABCD'[event - 12];
  return undefined;
}

/** The digit in an INFO body of one of INFO_DTMF_TYPES; undefined when there is none. */
export function parseDtmfInfo(contentType: string, body: string): string | undefined {
  if (contentType === DTMF_PLAIN) return digitOf(body);
  const signal = /^\s*signal\s*=\s*(\S+)\s*$/im.exec(body);
  return signal ? digitOf(signal[1]!) : undefined;
}

/** Sends tones one INFO at a time; `send` resolves when the INFO was answered (false: give up the rest). */
export class InfoDtmfSender {
  #queue: string[] = [];
  #running = false;
  readonly #send: (body: string) => Promise<boolean>;
  readonly #timers: Timers;

  constructor(
    send: (body: string) => Promise<boolean>,
    timers: Timers,
  ) {
    this.#send = send;
    this.#timers = timers;
  }

  enqueue(tones: string): void {
    this.#queue.push(...tones.toUpperCase());
    if (!this.#running) void this.#run();
  }

  stop(): void {
    this.#queue = [];
  }

  async #run(): Promise<void> {
    this.#running = true;
    for (let tone = this.#queue.shift(); tone !== undefined; tone = this.#queue.shift()) {
      if (tone === ',') await new Promise<void>((resolve) => this.#timers.setTimeout(resolve, DTMF_PAUSE));
      else if (!(await this.#send(dtmfRelayBody(tone)))) this.#queue = [];
    }
    this.#running = false;
  }
}
