import type { MediaDirection } from '../../media-port';
import type { SipRequest, SipResponse } from '../../message';
import { TimerSlots } from '../../transaction/timer-slots';
import type { CallControl } from './call-control';
import type { CallDeps } from './call-deps';
import type { CallDialog } from './call-dialog';
import { credentialsOf } from './digest-retry';
import { glareRetryDelay } from './glare';
import { SDP_CONTENT_TYPE, sdpOf } from './sdp-body';

/**
 * Our re-INVITEs (RFC 3261 §14.1): one at a time, each an offer of ours. A 491 (the far end's
 * offer crossed ours) is retried after the §14.1 random delay; so is an attempt that finds an
 * exchange of theirs still open. A 408 or 481 means the dialog is gone: the call ends with a BYE.
 * Any other refusal leaves the session as it was.
 */
export class LocalReinvite {
  #inFlight = false;
  #queue: Promise<unknown> = Promise.resolve();
  readonly #slots: TimerSlots<'retry'>;
  #wakeEarly: (() => void) | undefined;
  /** §13.2.2.4: every 2xx to a re-INVITE, retransmissions too, gets the same ACK. */
  readonly #acks = new WeakMap<SipRequest, SipRequest>();
  readonly #owner: CallDialog;
  readonly #control: CallControl;
  readonly #deps: CallDeps;

  constructor(
    owner: CallDialog,
    control: CallControl,
    deps: CallDeps,
  ) {
    this.#deps = deps;
    this.#owner = owner;
    this.#control = control;
    this.#slots = new TimerSlots(deps.timers);
  }

  /** Our re-INVITE is on the wire. */
  get outstanding(): boolean {
    return this.#inFlight;
  }

  /**
   * Re-offers with the direction `direction()` gives when the attempt starts; `accepted` runs when
   * the far end's answer is applied, before any queued re-INVITE starts. Resolves true on success.
   */
  offer(direction: () => MediaDirection, accepted: () => void): Promise<boolean> {
    const run = this.#queue.then(() => this.#attempt(direction, accepted));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.#slots.clearAll();
    this.#wakeEarly?.();
  }

  async #attempt(direction: () => MediaDirection, accepted: () => void): Promise<boolean> {
    const { offerAnswer } = this.#control;
    for (;;) {
      if (this.#control.state !== 'established') return false;
      if (offerAnswer.state !== 'stable' || this.#owner.remoteReinvites.busy) {
        if (!(await this.#backOff())) return false;
        continue;
      }
      const offer = await offerAnswer.createOffer(direction());
      if (!offer.ok) return false;
      if (this.#control.state !== 'established') return false;
      this.#inFlight = true;
      const { response, source } = await this.#owner.request('INVITE', { type: SDP_CONTENT_TYPE, content: offer.sdp }, (request, final) =>
        this.#acknowledge(request, final),
      );
      this.#inFlight = false;
      if (response.status < 300) return this.#answered(response, accepted);
      await offerAnswer.cancelOffer();
      if (response.status === 491) {
        if (!(await this.#backOff())) return false;
        continue;
      }
      if (response.status === 408 || response.status === 481 || source !== 'network') {
        this.#owner.bye({ originator: 'system', cause: 'failed', status: response.status, reason: response.reason, message: 'The call was lost: the far end no longer knows it' });
      }
      return false;
    }
  }

  async #answered(response: SipResponse, accepted: () => void): Promise<boolean> {
    this.#owner.dialog.refreshTarget(response);
    const answer = sdpOf(response);
    if (answer === undefined) {
      this.#deps.logger.log('warn', 'call: the 2xx to our re-INVITE has no SDP answer; keeping the previous media');
      await this.#control.offerAnswer.cancelOffer();
      return false;
    }
    const applied = await this.#control.offerAnswer.receiveAnswer(answer);
    if (!applied.ok) {
      this.#deps.logger.log('warn', `call: the answer to our re-INVITE was not usable: ${applied.failure.message}`);
      return false;
    }
    accepted();
    return true;
  }

  #acknowledge(request: SipRequest, response: SipResponse): void {
    if (response.status >= 300) return;
    const sent = this.#acks.get(request);
    if (sent) {
      this.#deps.send(sent.toString());
      return;
    }
    const ack = this.#owner.dialog.createAck(request.cseq.seq, { headers: credentialsOf(request) });
    this.#acks.set(request, ack);
    this.#deps.sender.sendAck(ack);
  }

  /** §14.1: wait a random time before trying again; false when the call ended meanwhile. */
  #backOff(): Promise<boolean> {
    return new Promise((resolve) => {
      this.#wakeEarly = () => resolve(false);
      this.#slots.start('retry', glareRetryDelay(this.#deps.random, this.#owner.ownsCallId), () => {
        this.#wakeEarly = undefined;
        resolve(this.#control.state === 'established');
      });
    });
  }
}
