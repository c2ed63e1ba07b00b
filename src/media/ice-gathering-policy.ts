import type { IceGatheringReport, IceGatheringTimings } from '../sip/media-port';
import type { TimerHandle, Timers } from '../sip/ports';

/**
 * When an offer or answer has enough ICE candidates to be sent.
 *
 * SIP has no trickle ICE here: the candidates in the SDP are all the far end will ever get. Waiting
 * for gathering to complete is what makes other WebRTC phones take 10–40 s when a STUN server does
 * not answer. So we send at the first of:
 *
 *   1. the browser says gathering is complete;
 *   2. a server-reflexive or relay candidate is in and no candidate came for `quietMs`
 *      (the servers answered; what follows them is rarely better);
 *   2b. with no STUN/TURN server configured, host candidates are all that will come: send once they
 *      went quiet for `hostQuietMs`, rather than waiting ~100 ms more for Chromium's TCP host
 *      candidates, which SIP media servers do not use;
 *   3. the hard cap: `capMs` after the offer/answer was requested. That moment is before
 *      getUserMedia, so a slow microphone eats into the cap instead of adding to it; but the cap
 *      never ends sooner than `minGatherMs` after setLocalDescription, and never before at least
 *      one candidate exists, so the SDP always carries the host candidates.
 *
 * Relay-only policy (iceTransportPolicy "relay"): only relay candidates count. Send once one is in
 * and candidates went quiet; fail when gathering completes without one or `relayCapMs` after
 * setLocalDescription passes without one (a TURN server that fails or does not answer).
 *
 *   requested ──(getUserMedia, createOffer)── start ──┬─ complete ─────────────→ send
 *                                                     ├─ srflx/relay … quiet ──→ send
 *                                                     └─ cap (≥1 candidate) ──→ send
 */

export const DEFAULT_ICE_GATHERING_TIMINGS: Readonly<IceGatheringTimings> = {
  // Click → INVITE under 300 ms with a dead STUN server: 250 ms here plus SDP shaping and signalling.
  capMs: 250,
  // Chromium reports its host candidates within a few ms of setLocalDescription.
  minGatherMs: 30,
  quietMs: 100,
  // Chromium's UDP host candidates arrive within a few ms of each other; its TCP ones ~50 ms steps later.
  hostQuietMs: 20,
  // TURN over TCP/TLS needs several round trips and a credential challenge.
  relayCapMs: 5000,
};

export type CandidateType = 'host' | 'srflx' | 'prflx' | 'relay';

export type GatheringDecision =
  | ({ ok: true } & IceGatheringReport)
  | { ok: false; reason: 'no-relay'; elapsedMs: number; candidates: IceGatheringReport['candidates'] };

export interface IceGatheringPolicyOptions {
  timers: Timers;
  relayOnly: boolean;
  /** No STUN/TURN server is configured, so no server-reflexive or relay candidate will come. */
  hostOnly?: boolean;
  /** timers.now() when the offer or answer was asked for. */
  requestedAt: number;
  timings?: Partial<IceGatheringTimings>;
  /** Called once, with the decision. */
  onDecision: (decision: GatheringDecision) => void;
}

export class IceGatheringPolicy {
  private readonly timings: IceGatheringTimings;
  private readonly counts = { host: 0, srflx: 0, prflx: 0, relay: 0 };
  private capTimer: TimerHandle | undefined;
  private quietTimer: TimerHandle | undefined;
  private capPassed = false;
  private started = false;
  private done = false;

  constructor(private readonly options: IceGatheringPolicyOptions) {
    this.timings = { ...DEFAULT_ICE_GATHERING_TIMINGS, ...options.timings };
  }

  /** True once the decision was made (or the wait cancelled). */
  get decided(): boolean {
    return this.done;
  }

  /** Call right after setLocalDescription: gathering for this description runs from here. */
  start(): void {
    if (this.started || this.done) return;
    this.started = true;
    const { timers, requestedAt, relayOnly } = this.options;
    const now = timers.now();
    const capAt = relayOnly
      ? now + this.timings.relayCapMs
      : Math.max(requestedAt + this.timings.capMs, now + this.timings.minGatherMs);
    this.capTimer = timers.setTimeout(() => this.onCap(), capAt - now);
  }

  candidate(type: CandidateType): void {
    if (this.done) return;
    this.counts[type]++;
    if (this.options.relayOnly && type !== 'relay' && this.counts.relay === 0) return;
    if (this.capPassed) {
      // The cap passed with nothing to send; the first usable candidate ends the wait.
      this.decide('cap');
      return;
    }
    if (this.options.hostOnly && !this.options.relayOnly) {
      this.restartQuietTimer(this.timings.hostQuietMs);
      return;
    }
    const useful = this.options.relayOnly ? this.counts.relay > 0 : this.counts.srflx + this.counts.relay > 0;
    if (useful) this.restartQuietTimer(this.timings.quietMs);
  }

  /** The browser finished gathering (icegatheringstatechange "complete" or the null candidate). */
  complete(): void {
    if (this.done) return;
    if (this.options.relayOnly && this.counts.relay === 0) this.fail();
    else this.decide('complete');
  }

  /** Stops waiting without a decision (the session closed). */
  cancel(): void {
    this.done = true;
    this.clearTimers();
  }

  private onCap(): void {
    this.capTimer = undefined;
    if (this.options.relayOnly) {
      if (this.counts.relay > 0) this.decide('cap');
      else this.fail();
      return;
    }
    if (this.counts.host + this.counts.srflx + this.counts.prflx + this.counts.relay > 0) this.decide('cap');
    else this.capPassed = true;
  }

  private restartQuietTimer(quietMs: number): void {
    if (this.quietTimer !== undefined) this.options.timers.clearTimeout(this.quietTimer);
    this.quietTimer = this.options.timers.setTimeout(() => {
      this.quietTimer = undefined;
      this.decide('quiet');
    }, quietMs);
  }

  private decide(outcome: 'complete' | 'quiet' | 'cap'): void {
    this.finish({ ok: true, outcome, elapsedMs: this.elapsed(), candidates: { ...this.counts } });
  }

  private fail(): void {
    this.finish({ ok: false, reason: 'no-relay', elapsedMs: this.elapsed(), candidates: { ...this.counts } });
  }

  private finish(decision: GatheringDecision): void {
    if (this.done) return;
    this.done = true;
    this.clearTimers();
    this.options.onDecision(decision);
  }

  private elapsed(): number {
    return this.options.timers.now() - this.options.requestedAt;
  }

  private clearTimers(): void {
    if (this.capTimer !== undefined) this.options.timers.clearTimeout(this.capTimer);
    if (this.quietTimer !== undefined) this.options.timers.clearTimeout(this.quietTimer);
    this.capTimer = undefined;
    this.quietTimer = undefined;
  }
}
