/*
 * The transfers of one call, both ways: ours (a REFER we send, followed to its outcome) and the
 * far end's (a REFER we receive, answered by a new call). The call session owns one and routes
 * REFER and NOTIFY from its dialog here.
 */
import type { NameAddr, SipUri } from '../../message';
import type { CallDeps } from '../call/call-deps';
import type { CallDialog } from '../call/call-dialog';
import type { CallSession } from '../call/call-session';
import type { CallEnd, CallState } from '../call/call-types';
import type { IncomingRequest } from '../incoming-request';
import { ownAddress } from '../local-identity';
import { OutgoingRefer } from './refer-sender';
import { TRANSFERRED, TRANSFERRED_AWAY } from './transfer-messages';
import { acceptTransfer } from './transferee';
import type { TransferProgress, TransferResult } from './transfer-types';

/** What the transfers need of their call. */
export interface TransferHost {
  readonly state: CallState;
  readonly callDialog: CallDialog | undefined;
  /** We hold the call. */
  readonly heldLocally: boolean;
  setLocalHold(hold: boolean): Promise<boolean>;
  /** Ends the call (BYE, or CANCEL while it rings out) with `end` as its cause. */
  endWith(end: CallEnd): void;
  /** The call's 'transfer' event. */
  progress(step: TransferProgress): void;
  /** Places and announces the call a REFER asked for. */
  placeCall(target: SipUri, headers: [string, string][]): CallSession;
}

export class CallTransfers {
  /** Our REFER, while it runs. */
  #outgoing: OutgoingRefer | undefined;
  /** The far end is transferring us and the new call is not up yet. */
  #beingTransferred = false;
  /** A transfer of us connected: the transferor's BYE that follows ends the call as transferred. */
  #transferredAway = false;
  readonly #deps: CallDeps;
  readonly #host: TransferHost;

  constructor(
    host: TransferHost,
    deps: CallDeps,
  ) {
    this.#host = host;
    this.#deps = deps;
  }

  /**
   * REFERs the far end to `referTo` (RFC 5589 §6), holding the call meanwhile; on success our leg
   * ends ('transferred'), on failure the call goes on, resumed if we held it here.
   */
  async refer(referTo: NameAddr, accepted?: () => void): Promise<TransferResult> {
    const host = this.#host;
    const callDialog = host.callDialog;
    if (host.state !== 'established' || !callDialog) return this.refused('only a connected call can be transferred');
    if (this.#outgoing) return { state: 'failed', message: 'Transfer failed: this call is being transferred already' };
    const refer = new OutgoingRefer({ callDialog, deps: this.#deps, progress: (step) => host.progress(step), ...(accepted ? { accepted } : {}) });
    this.#outgoing = refer;
    // RFC 5589 §6: the transferee waits on hold while we transfer it.
    const heldHere = !host.heldLocally && (await host.setLocalHold(true));
    if (host.state === 'established') void refer.start(referTo, ownAddress(this.#deps.identity));
    else refer.callEnded();
    const result = await refer.done;
    this.#outgoing = undefined;
    if (result.state === 'succeeded') host.endWith(TRANSFERRED);
    else if (heldHere) void host.setLocalHold(false);
    return result;
  }

  /** A transfer that cannot start: reported as an event and returned. */
  refused(why: string): TransferResult {
    const result: TransferResult = { state: 'failed', message: `Transfer failed: ${why}` };
    this.#host.progress(result);
    return result;
  }

  /** A REFER in the call's dialog: the far end transfers us (transferee.ts). */
  referReceived(incoming: IncomingRequest): void {
    const callDialog = this.#host.callDialog;
    if (this.#host.state !== 'established' || !callDialog) {
      incoming.reply(403, { reason: 'Call Not Connected' });
      return;
    }
    if (this.#beingTransferred) {
      incoming.reply(491);
      return;
    }
    this.#beingTransferred = true;
    void acceptTransfer({ incoming, callDialog, deps: this.#deps, placeCall: (target, headers) => this.#host.placeCall(target, headers) }).then(
      (call) => {
        if (!call || call.state === 'ended' || call.state === 'established') {
          this.#beingTransferred = false;
          this.#transferredAway = call?.state === 'established';
          return;
        }
        const off = call.on('state', (state) => {
          if (state !== 'established' && state !== 'ended') return;
          this.#beingTransferred = false;
          this.#transferredAway = state === 'established';
          off();
        });
      },
    );
  }

  /** A NOTIFY in the call's dialog: only the implicit subscription of our REFER has them (RFC 3515 §2.4.4). */
  notifyReceived(incoming: IncomingRequest): void {
    let type: string | undefined;
    try {
      type = incoming.request.event?.type.toLowerCase();
    } catch {
      type = undefined;
    }
    if (type !== 'refer') {
      incoming.reply(489, { reason: 'Bad Event', headers: [['Allow-Events', 'refer']] });
      return;
    }
    if (!this.#outgoing) {
      incoming.reply(481, { reason: 'Subscription Does Not Exist' });
      return;
    }
    this.#outgoing.notify(incoming);
  }

  /** How the call reports `end`: the far end's BYE after it transferred us away is a transfer, not a hang-up. */
  endFor(end: CallEnd): CallEnd {
    return this.#transferredAway && end.originator === 'remote' && end.cause === 'hangup' ? TRANSFERRED_AWAY : end;
  }

  /** The call ended: a transfer of ours still running learns its outcome from that. */
  callEnded(): void {
    this.#outgoing?.callEnded();
  }
}
