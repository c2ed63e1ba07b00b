/*
 * One call, as the app sees it: state, the far end, hold and mute, and how it ended.
 *
 *   outgoing:  calling --18x--> early --2xx--> established --BYE (either side)--> ended
 *   incoming:  incoming --answer()--> established
 *
 *   calling / early --hangup(): CANCEL--> terminating --487 (or 200: ACK, BYE)--> ended
 *   established --hangup(): BYE--> terminating --BYE answered--> ended
 *   any state --failure, decline, CANCEL or BYE received--> ended
 *
 * The signalling lives in OutgoingInvite / IncomingInvite (the initial INVITE) and CallDialog
 * (everything inside the dialog); they drive this session through CallControl. Media is a
 * MediaSession from the engine, closed when the call ends. Transfers (REFER both ways, Replaces)
 * live in ../transfer; the session only starts them and ends its leg when they succeed.
 */
import type { Dialog } from '../../dialog/dialog';
import { formatReplaces, NameAddr, type Replaces, type SipUri } from '../../message';
import { mediaFailure, type MediaSession, type MediaStatsSummary } from '../../media-port';
import { randomToken } from '../../ports';
import { checkTransition, type StateTable } from '../../transaction/state-table';
import { Emitter } from '../../util/emitter';
import type { IncomingRequest } from '../incoming-request';
import { CallTransfers } from '../transfer/call-transfers';
import type { ReplacesRole } from '../transfer/replaces-matching';
import { REPLACED, TRANSFERRED } from '../transfer/transfer-messages';
import type { TransferResult } from '../transfer/transfer-types';
import type { CallControl } from './call-control';
import type { CallDeps } from './call-deps';
import { CallDialog } from './call-dialog';
import { parseCallTarget } from './call-target';
import type { CallDirection, CallEnd, CallEvents, CallParty, CallState, HoldState } from './call-types';
import { DTMF_RELAY } from './dtmf-info';
import { CallDtmfSender } from './dtmf-sender';
import { endForMediaFailure, LOCAL_CANCEL, LOCAL_HANGUP, SESSION_EXPIRED } from './end-causes';
import { offerDirection } from './hold';
import { IncomingInvite } from './incoming-invite';
import { OfferAnswer } from './offer-answer';
import { OutgoingInvite } from './outgoing-invite';
import { partyOf, remotePartyOf } from './remote-party';
import { SessionTimer } from './session-timer';

const TRANSITIONS: StateTable<CallState> = {
  calling: ['early', 'established', 'terminating', 'ended'],
  incoming: ['established', 'ended'],
  early: ['established', 'terminating', 'ended'],
  established: ['terminating', 'ended'],
  terminating: ['ended'],
  ended: [],
};

/** Where a call comes from; made by the call usage. */
export type CallOrigin =
  | { direction: 'outgoing'; target: SipUri | undefined; dialled: string; extraHeaders: [string, string][] }
  | { direction: 'incoming'; incoming: IncomingRequest; dialog: Dialog; /** It replaces a call of ours (RFC 3891): answered without ringing. */ replacing?: boolean };

export interface CallSessionInit {
  deps: CallDeps;
  origin: CallOrigin;
  /** The call ended: the usage forgets it. */
  onEnded(call: CallSession): void;
  /** A REFER in `from` was accepted: the usage places the new call to `target` and announces it. */
  placeTransferCall(target: SipUri, headers: [string, string][], from: CallSession): CallSession;
}

/** Starts a call the usage made, once the app has had the chance to listen to it. */
const starters = new WeakMap<CallSession, () => void>();

export function startCall(call: CallSession): void {
  const start = starters.get(call);
  starters.delete(call);
  start?.();
}

export class CallSession extends Emitter<CallEvents> {
  readonly id: string;
  readonly direction: CallDirection;
  #current: CallState;
  #party: CallParty;
  #establishedAt: number | undefined;
  #holdState: HoldState = { local: false, remote: false };
  #isMuted = false;
  /** Decided when we started ending the call (CANCEL, BYE sent); reported once that is over. */
  #ending: CallEnd | undefined;
  #final: CallEnd | undefined;
  #ringbackPlaying = false;
  readonly #deps: CallDeps;
  readonly #media: MediaSession;
  readonly #offerAnswer: OfferAnswer;
  readonly #sessionTimer: SessionTimer;
  readonly #control: CallControl;
  readonly #outgoing: OutgoingInvite | undefined;
  readonly #incoming: IncomingInvite | undefined;
  #callDialog: CallDialog | undefined;
  #dtmf: CallDtmfSender | undefined;
  /** What an outgoing call dialled: a semi-attended transfer sends the transferee there. */
  readonly #dialled: SipUri | undefined;
  readonly #transfers: CallTransfers;
  readonly #detachMedia: (() => void)[];
  readonly #init: CallSessionInit;

  constructor(init: CallSessionInit) {
    super(init.deps.logger);
    this.#init = init;
    const { deps, origin } = init;
    this.#deps = deps;
    this.id = randomToken(deps.random, 8);
    this.direction = origin.direction;
    this.#media = deps.media.engine.createSession(deps.media.options);
    this.#offerAnswer = new OfferAnswer(this.#media);
    this.#sessionTimer = new SessionTimer({
      timers: deps.timers,
      expires: deps.sessionExpires,
      refresh: (method) => this.#callDialog?.refreshSession(method),
      expired: () => this.#callDialog?.bye(SESSION_EXPIRED),
    });
    this.#control = this.#createControl();
    this.#transfers = this.#createTransfers();
    this.#detachMedia = [
      this.#media.on('state', (state, failure) => {
        if (state === 'failed' && this.#current === 'established') this.#callDialog?.bye(endForMediaFailure(failure ?? mediaFailure('ice-failed')));
      }),
      // SIPconnect 2.0 §14.9: the far end's own tones or announcements replace our ringback.
      this.#media.on('remote-audio', (flowing) => {
        if (flowing) this.#control.ringback(false);
      }),
    ];
    if (origin.direction === 'outgoing') {
      this.#current = 'calling';
      const target = origin.target;
      this.#dialled = target;
      this.#party = target ? partyOf(new NameAddr(target)) : { uri: origin.dialled };
      if (!target) {
        starters.set(this, () => this.#failLater(`Not a number or SIP address: "${origin.dialled}"`));
        return;
      }
      const outgoing = new OutgoingInvite(this.#control, deps, target, origin.extraHeaders, (dialog) => this.#attach(new CallDialog(dialog, this.#control, deps, true)));
      this.#outgoing = outgoing;
      starters.set(this, () => void outgoing.start());
    } else {
      this.#current = 'incoming';
      const { incoming, dialog } = origin;
      this.#party = remotePartyOf(incoming.request, incoming.request.from);
      const callDialog = this.#attach(new CallDialog(dialog, this.#control, deps, false));
      const flow = new IncomingInvite(this.#control, deps, incoming, callDialog, !origin.replacing);
      this.#incoming = flow;
      starters.set(this, () => flow.start());
    }
  }

  get state(): CallState {
    return this.#current;
  }

  get remote(): CallParty {
    return { ...this.#party };
  }

  /** When the call was answered (timers.now()); undefined before. */
  get startedAt(): number | undefined {
    return this.#establishedAt;
  }

  get hold(): HoldState {
    return { ...this.#holdState };
  }

  get muted(): boolean {
    return this.#isMuted;
  }

  get end(): CallEnd | undefined {
    return this.#final;
  }

  /** The media's quality figures now (loss, jitter, round trip, MOS); after the end, the last ones taken. */
  stats(): Promise<MediaStatsSummary> {
    return this.#media.stats();
  }

  /** Incoming only: 200 with our answer (or our offer, when the INVITE had none). Resolves once the 200 is out or the call ended. */
  answer(): Promise<void> {
    if (!this.#incoming) throw new Error('answer() is for incoming calls');
    return this.#incoming.answer();
  }

  /** Incoming only, before answering: 603 Decline (default) or 486 Busy Here. */
  decline(status: 486 | 603 = 603): void {
    if (!this.#incoming) throw new Error('decline() is for incoming calls');
    this.#incoming.decline(status);
  }

  /** Ends the call whatever its state: CANCEL while it rings out, decline while it rings in, BYE once up. */
  hangup(): void {
    switch (this.#current) {
      case 'calling':
      case 'early':
        if (this.#outgoing) this.#outgoing.cancel();
        else this.#control.finish(LOCAL_CANCEL); // an invalid target, ending on the next tick anyway
        return;
      case 'incoming':
        return this.#incoming?.decline(603);
      case 'established':
        return this.#callDialog?.bye(LOCAL_HANGUP);
      default:
        return;
    }
  }

  /**
   * Blind transfer (RFC 5589 §6): holds the call, REFERs the far end to `target` ("1002",
   * "sip:1002@host") and reports progress as 'transfer' events. On success our leg ends with a
   * BYE ('transferred'); on failure the call goes on, taken off hold again if transfer() held it.
   */
  transfer(target: string): Promise<TransferResult> {
    const uri = parseCallTarget(target, this.#deps.identity.aor);
    if (!uri) return Promise.resolve(this.#transfers.refused(`not a number or SIP address: "${target}"`));
    return this.#transfers.refer(new NameAddr(uri));
  }

  /**
   * Attended transfer (RFC 5589 §7): connects this call's far end with the far end of `other`, our
   * consultation call. When `other` is answered, Refer-To carries Replaces naming its dialog
   * (RFC 3891), so the target swaps our call for the transferee's without ringing; both our calls
   * end ('transferred'). While `other` still rings (semi-attended) it is a blind transfer to what
   * `other` dialled, and `other` is cancelled once the transferee accepts the REFER: the target is
   * the UAS of that early dialog and must refuse a Replaces for it (RFC 3891 §3: 481).
   */
  async transferTo(other: CallSession): Promise<TransferResult> {
    if (other === this) throw new Error('transferTo() needs another call');
    const otherDialog = other.#callDialog?.dialog;
    if (other.#current === 'established' && otherDialog) {
      // The far end's address of record, not its Contact: a WebSocket client's Contact host (….invalid) routes nowhere.
      const uri = otherDialog.remoteUri.uri.clone();
      uri.headers.clear();
      const { callId, localTag, remoteTag } = otherDialog.id;
      uri.headers.set('Replaces', formatReplaces({ callId, toTag: remoteTag, fromTag: localTag, earlyOnly: false }));
      const result = await this.#transfers.refer(new NameAddr(uri));
      // The target normally hangs up the replaced call itself; this covers one that does not.
      if (result.state === 'succeeded') other.#endWith(TRANSFERRED);
      return result;
    }
    if ((other.#current === 'calling' || other.#current === 'early') && other.#dialled) {
      return this.#transfers.refer(new NameAddr(other.#dialled.clone()), () => other.#endWith(TRANSFERRED));
    }
    return this.#transfers.refused('the other call is not connected');
  }

  /**
   * @internal How this call's dialogs relate to the Replaces of an incoming INVITE (to-tag is our
   * tag): see transfer/replaces-matching.ts.
   */
  replacesMatch(replaces: Replaces): ReplacesRole | undefined {
    const dialog = this.#callDialog?.dialog;
    const { callId, toTag, fromTag } = replaces;
    if (dialog && dialog.id.callId === callId && dialog.id.localTag === toTag && dialog.id.remoteTag === fromTag) {
      if (this.#current === 'terminating' || this.#current === 'ended' || dialog.state === 'terminated') return 'ending';
      return dialog.state === 'confirmed' ? 'confirmed' : 'early-uas';
    }
    if (this.#outgoing?.matchesEarly(callId, toTag, fromTag)) return this.#current === 'terminating' ? 'ending' : 'early-uac';
    return undefined;
  }

  /** @internal An INVITE with Replaces took this call over and was answered: end it ('replaced'). */
  replacedByAnotherCall(): void {
    this.#endWith(REPLACED);
  }

  /** Puts the call on hold by re-INVITE (sendonly, or inactive when they hold us); false if refused. */
  holdCall(): Promise<boolean> {
    return this.#changeHold(true);
  }

  /** Takes the call off hold (sendrecv, or recvonly while they still hold us); false if refused. */
  resumeCall(): Promise<boolean> {
    return this.#changeHold(false);
  }

  /**
   * DTMF ("0-9*#A-D", "," a 2 s pause) per the account's dtmfMode: RFC 4733 in the media, one SIP
   * INFO per digit, or tones mixed into our audio (dtmf-sender.ts). False when the call is not up,
   * the tones are not DTMF, or the mode cannot carry them now.
   */
  sendDtmf(tones: string): boolean {
    const callDialog = this.#callDialog;
    if (this.#current !== 'established' || !callDialog) return false;
    this.#dtmf ??= new CallDtmfSender(
      this.#deps.media.dtmfMode,
      this.#media,
      (body) => callDialog.info({ type: DTMF_RELAY, content: body }),
      this.#deps.timers,
    );
    return this.#dtmf.send(tones);
  }

  setMuted(muted: boolean): void {
    if (muted === this.#isMuted) return;
    this.#isMuted = muted;
    this.#media.setMuted(muted);
    this.safeEmit('muted', muted);
  }

  async #changeHold(local: boolean): Promise<boolean> {
    const callDialog = this.#callDialog;
    if (this.#current !== 'established' || !callDialog) return false;
    if (this.#holdState.local === local) return true;
    return callDialog.localReinvites.offer(
      () => offerDirection({ ...this.#holdState, local }),
      () => this.#control.setHold({ local }),
    );
  }

  /** Ends the call with `end` as its cause: BYE once it is up, CANCEL while it rings out. */
  #endWith(end: CallEnd): void {
    if (this.#current === 'established') {
      this.#callDialog?.bye(end);
    } else if ((this.#current === 'calling' || this.#current === 'early') && this.#outgoing) {
      this.#control.terminating(end);
      this.#outgoing.cancel();
    }
  }

  #attach(callDialog: CallDialog): CallDialog {
    this.#callDialog = callDialog;
    return callDialog;
  }

  /** An outgoing call that cannot start ends on the next tick, after call() returned it. */
  #failLater(message: string): void {
    this.#deps.timers.setTimeout(() => this.#control.finish({ originator: 'local', cause: 'failed', message }), 0);
  }

  #transition(to: CallState): void {
    if (to === this.#current) return;
    checkTransition(TRANSITIONS, 'call', this.#current, to);
    this.#current = to;
    this.safeEmit('state', to);
  }

  #createControl(): CallControl {
    const state = () => this.#current;
    const hold = () => ({ ...this.#holdState });
    return {
      get state() {
        return state();
      },
      get hold() {
        return hold();
      },
      media: this.#media,
      offerAnswer: this.#offerAnswer,
      sessionTimer: this.#sessionTimer,
      early: () => {
        if (this.#current === 'calling') this.#transition('early');
      },
      established: () => {
        if (this.#current === 'ended' || this.#current === 'terminating') return;
        this.#establishedAt = this.#deps.timers.now();
        this.#transition('established');
      },
      terminating: (end) => {
        if (this.#current === 'ended' || this.#current === 'terminating') return;
        this.#ending = end;
        this.#sessionTimer.stop();
        this.#stopRingback();
        this.#media.close();
        this.#transition('terminating');
      },
      finish: (end) => this.#finish(end),
      progress: (status, reason) => this.safeEmit('progress', status, reason),
      ringback: (play) => {
        if (play === this.#ringbackPlaying) return;
        this.#ringbackPlaying = play;
        if (play) this.#deps.media.engine.playTone('ringback');
        else this.#deps.media.engine.stopTone();
        this.safeEmit('ringback', play);
      },
      setRemote: (party) => {
        this.#party = party;
      },
      setHold: (change) => {
        const next = { ...this.#holdState, ...change };
        if (next.local === this.#holdState.local && next.remote === this.#holdState.remote) return;
        this.#holdState = next;
        this.safeEmit('hold', { ...next });
      },
      dtmfReceived: (digit) => this.safeEmit('dtmf', digit),
      referReceived: (incoming) => this.#transfers.referReceived(incoming),
      notifyReceived: (incoming) => this.#transfers.notifyReceived(incoming),
    };
  }

  #createTransfers(): CallTransfers {
    const state = () => this.#current;
    const callDialog = () => this.#callDialog;
    const heldLocally = () => this.#holdState.local;
    return new CallTransfers(
      {
        get state() {
          return state();
        },
        get callDialog() {
          return callDialog();
        },
        get heldLocally() {
          return heldLocally();
        },
        setLocalHold: (hold) => this.#changeHold(hold),
        endWith: (end) => this.#endWith(end),
        progress: (step) => this.safeEmit('transfer', step),
        placeCall: (target, headers) => this.#init.placeTransferCall(target, headers, this),
      },
      this.#deps,
    );
  }

  #stopRingback(): void {
    if (this.#ringbackPlaying) this.#control.ringback(false);
  }

  #finish(end: CallEnd): void {
    if (this.#current === 'ended') return;
    const final = this.#ending ?? this.#transfers.endFor(end);
    this.#final = final;
    this.#stopRingback();
    this.#sessionTimer.stop();
    // SIPconnect 2.0 §14.8: a call that fails before it is answered gets a local tone.
    if (this.direction === 'outgoing' && this.#establishedAt === undefined && final.originator !== 'local') {
      this.#deps.media.engine.playTone(final.cause === 'busy' ? 'busy' : 'failure');
    }
    this.#media.close();
    for (const detach of this.#detachMedia) detach();
    this.#outgoing?.dispose();
    this.#incoming?.dispose();
    this.#callDialog?.dispose();
    this.#dtmf?.stop();
    this.#offerAnswer.rejectOffer();
    this.#transfers.callEnded();
    this.#transition('ended');
    this.safeEmit('ended', { ...final });
    this.#init.onEnded(this);
  }
}
