/*
 * Our reliable provisional responses (RFC 3262 §3), sent when the caller's INVITE has
 * Require: 100rel. Each carries Require: 100rel and an RSeq one higher than the last, and is
 * re-sent until a PRACK with the matching RAck arrives.
 *
 *   send(180): RSeq n, sent ---- every T1, 2·T1, 4·T1 … re-sent
 *        |--- PRACK with RAck "n <INVITE CSeq> INVITE": 200 to the PRACK, re-sending stops
 *        |--- 64·T1 without PRACK: the giveUp given to stamp() (the INVITE gets a 5xx)
 *        +--- stop(): a final response went out, or the call ended
 */
import type { RAck, SipMessage, SipRequest, SipResponse } from '../../message';
import type { Random, Timers } from '../../ports';
import { TimerSlots } from '../../transaction/timer-slots';
import { T1 } from '../../transaction/timers';

/** §3: a UAS gives up on a reliable provisional response after 64·T1 without PRACK. */
export const PRACK_WAIT = 64 * T1;

export interface ReliableProvisionalOptions {
  timers: Timers;
  random: Random;
  /** Sends the response text again; false when the transport is down. */
  send(text: string): boolean;
}

/** Require: 100rel — on an INVITE, every 101-199 of ours must be reliable (§3); on a 1xx, it is reliable (§4). */
export function requires100rel(message: SipMessage): boolean {
  try {
    return message.require.some((tag) => tag.toLowerCase() === '100rel');
  } catch {
    return false;
  }
}

export class ReliableProvisionals {
  #nextRseq: number;
  #unacknowledged: { rseq: number; cseq: number } | undefined;
  #interval = T1;
  readonly #slots: TimerSlots<'retransmit' | 'give-up'>;
  readonly #options: ReliableProvisionalOptions;

  constructor(options: ReliableProvisionalOptions) {
    this.#options = options;
    // §3: the first RSeq is chosen between 1 and 2^31 - 1.
    const [a, b, c, d] = options.random.bytes(4);
    this.#nextRseq = ((((a! << 24) | (b! << 16) | (c! << 8) | d!) >>> 0) % 0x7fffffff) + 1;
    this.#slots = new TimerSlots(options.timers);
  }

  /**
   * Stamps Require: 100rel and the next RSeq on a 1xx to `invite` and keeps re-sending it; send it
   * once yourself. `giveUp` runs when no PRACK came within 64·T1.
   */
  stamp(invite: SipRequest, response: SipResponse, giveUp: () => void): SipResponse {
    // §3: each reliable response of the INVITE takes the next RSeq.
    const rseq = this.#nextRseq++;
    response.append('Require', '100rel');
    response.append('RSeq', String(rseq));
    this.#unacknowledged = { rseq, cseq: invite.cseq.seq };
    this.#interval = T1;
    const text = response.toString();
    this.#slots.start('give-up', PRACK_WAIT, () => {
      this.stop();
      giveUp();
    });
    this.#schedule(text);
    return response;
  }

  /** §3: a PRACK whose RAck matches the response awaiting it; false means 481. */
  acknowledge(rack: RAck | undefined): boolean {
    const waiting = this.#unacknowledged;
    if (!rack || !waiting || rack.method !== 'INVITE' || rack.rseq !== waiting.rseq || rack.seq !== waiting.cseq) return false;
    this.stop();
    return true;
  }

  stop(): void {
    this.#unacknowledged = undefined;
    this.#slots.clearAll();
  }

  #schedule(text: string): void {
    // §3: the interval doubles with no upper bound, unlike Timer G.
    this.#slots.start('retransmit', this.#interval, () => {
      this.#interval *= 2;
      if (this.#options.send(text)) this.#schedule(text);
    });
  }
}
