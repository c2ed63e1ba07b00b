import type { DigestAuthorization } from '../../auth';
import type { Dialog } from '../../dialog/dialog';
import type { RAck, SipRequest, SipResponse } from '../../message';
import type { ResponseSource } from '../../transaction/client-transaction';
import type { IncomingRequest } from '../incoming-request';
import { Invite2xxRetransmitter } from '../invite-2xx-retransmitter';
import type { DialogUsage } from '../usage';
import type { CallControl } from './call-control';
import { dialogHeaders, type CallDeps } from './call-deps';
import type { CallEnd } from './call-types';
import { answerChallenge, isChallenge } from './digest-retry';
import { REMOTE_HANGUP } from './end-causes';
import { INFO_DTMF_TYPES, parseDtmfInfo } from './dtmf-info';
import { offerDirection } from './hold';
import { LocalReinvite } from './local-reinvite';
import { ReliableProvisionals } from './reliable-provisional';
import { RemoteReinvite } from './remote-reinvite';

/** A body to send: its Content-Type and text. */
export interface Body {
  type: string;
  content: string;
}

export interface FinalResponse {
  request: SipRequest;
  response: SipResponse;
  source: ResponseSource;
}

interface PendingAck {
  retransmitter: Invite2xxRetransmitter;
  onAck(ack: SipRequest): void;
}

/**
 * The INVITE dialog usage (RFC 3261 §12–15): the requests the far end sends inside the call's
 * dialog (BYE, re-INVITE, UPDATE, INFO) and the ACKs for our 2xx, and the requests we send in it.
 * Registered with the UA's dialog registry for as long as the call lasts.
 */
export class CallDialog implements DialogUsage {
  readonly remoteReinvites: RemoteReinvite;
  readonly localReinvites: LocalReinvite;
  /** Our reliable 1xx to the INVITE that made this dialog, for calls to us (RFC 3262 §3). */
  readonly reliableProvisionals: ReliableProvisionals;
  readonly #unregister: () => void;
  /** Our 2xx responses to INVITEs waiting for their ACK, by CSeq number. */
  readonly #pendingAcks = new Map<number, PendingAck>();
  #byeSent = false;
  /** We hung up while an ACK was due: the BYE goes once it is in. */
  #byeAfterAck: CallEnd | undefined;
  readonly #control: CallControl;
  readonly #deps: CallDeps;

  constructor(
    readonly dialog: Dialog,
    control: CallControl,
    deps: CallDeps,
    /** We sent the initial INVITE: it decides the §14.1 glare back-off. */
    readonly ownsCallId: boolean,
  ) {
    this.#deps = deps;
    this.#control = control;
    this.#unregister = deps.dialogs.add(dialog, this);
    this.remoteReinvites = new RemoteReinvite(this, control, deps);
    this.localReinvites = new LocalReinvite(this, control, deps);
    this.reliableProvisionals = new ReliableProvisionals({
      timers: deps.timers,
      random: deps.random,
      send: (text) => deps.send(text),
    });
  }

  receiveRequest(incoming: IncomingRequest): void {
    switch (incoming.request.method) {
      case 'BYE':
        return this.#byeReceived(incoming);
      case 'INVITE':
        return this.remoteReinvites.invite(incoming);
      case 'UPDATE':
        return this.remoteReinvites.update(incoming);
      case 'INFO':
        return this.#infoReceived(incoming);
      case 'PRACK':
        return this.#prackReceived(incoming);
      case 'REFER':
        return this.#control.referReceived(incoming);
      case 'NOTIFY':
        return this.#control.notifyReceived(incoming);
      default:
        // §12.2.2: a method this usage does not handle inside its dialog.
        incoming.reply(405, { headers: [['Allow', this.#deps.allow().join(', ')]] });
    }
  }

  receiveAck(ack: SipRequest): void {
    const pending = this.#pendingAcks.get(ack.cseq.seq);
    if (!pending) return; // a repeated ACK, or one for a 2xx we gave up on
    this.#pendingAcks.delete(ack.cseq.seq);
    pending.retransmitter.ackReceived();
    pending.onAck(ack);
    if (this.#byeAfterAck) this.bye(this.#byeAfterAck);
  }

  /**
   * Sends our 2xx to an INVITE and re-sends it until the ACK comes (§13.3.1.4). Without an ACK
   * within 64·T1 the call is ended with a BYE, as that section asks.
   */
  send2xx(incoming: IncomingRequest, response: SipResponse, onAck: (ack: SipRequest) => void): void {
    incoming.transaction.respond(response);
    const text = response.toString();
    const seq = incoming.request.cseq.seq;
    const retransmitter = new Invite2xxRetransmitter({
      timers: this.#deps.timers,
      send: () => this.#deps.send(text),
      onTimeout: () => {
        this.#pendingAcks.delete(seq);
        this.bye(this.#byeAfterAck ?? { originator: 'system', cause: 'failed', message: 'Call failed: the far end never confirmed the answer (no ACK)' });
      },
    });
    this.#pendingAcks.set(seq, { retransmitter, onAck });
    retransmitter.start();
  }

  /** A new request in the dialog with the UA's headers; INVITE and UPDATE refresh our target (§12.2.1.1). */
  createRequest(method: string, body?: Body, authorization?: DigestAuthorization, extraHeaders: [string, string][] = []): SipRequest {
    const refresh = method === 'INVITE' || method === 'UPDATE';
    // RFC 4028 §7.4: every re-INVITE and UPDATE is a session refresh request.
    const headers: [string, string][] = refresh ? [...dialogHeaders(this.#deps), ...this.#control.sessionTimer.requestHeaders()] : [];
    headers.push(...extraHeaders, ['User-Agent', this.#deps.identity.userAgent]);
    if (authorization) headers.push([authorization.header, authorization.value]);
    if (body) headers.push(['Content-Type', body.type]);
    return this.dialog.createRequest(method, { headers, body: body?.content ?? '' });
  }

  /**
   * Sends a request in the dialog and resolves with its final response, retrying once with
   * credentials after a 401/407 and once with a longer session interval after a 422 (RFC 4028
   * §7.4). `onFinal` sees every final response, 2xx retransmissions of a re-INVITE included, so it
   * can acknowledge each. The 2xx of a re-INVITE or UPDATE sets the session timer (RFC 4028 §7.2).
   */
  async request(
    method: string,
    body?: Body,
    onFinal?: (request: SipRequest, response: SipResponse) => void,
    extraHeaders: [string, string][] = [],
  ): Promise<FinalResponse> {
    let authorization: DigestAuthorization | undefined;
    let intervalRaised = false;
    const { sessionTimer } = this.#control;
    for (;;) {
      const request = this.createRequest(method, body, authorization, extraHeaders);
      const final = await new Promise<FinalResponse>((resolve) => {
        this.#deps.sender.send(request, (response, source) => {
          if (response.status < 200) return;
          onFinal?.(request, response);
          resolve({ request, response, source });
        });
      });
      const { response, source } = final;
      if ((method === 'INVITE' || method === 'UPDATE') && response.status < 300) sessionTimer.responded(response);
      if (source === 'network' && response.status === 422 && !intervalRaised && sessionTimer.tooSmall(response)) {
        intervalRaised = true;
        continue;
      }
      if (authorization || source !== 'network' || !isChallenge(response)) return final;
      const answer = answerChallenge(this.#deps.digest, request, final.response);
      if (!answer.ok) return final;
      authorization = answer.authorization;
    }
  }

  /** Ends the call with a BYE (§15.1.1); the call reports `end` once the BYE is answered or times out. */
  bye(end: CallEnd): void {
    if (this.#control.state === 'ended' || this.#byeSent) return;
    this.#control.terminating(end);
    // §15: no BYE before the ACK of our 2xx arrived, or stopped being awaited.
    if (this.#pendingAcks.size > 0) {
      this.#byeAfterAck = end;
      return;
    }
    this.#byeSent = true;
    void this.request('BYE').then(() => this.#control.finish(end));
  }

  /**
   * RFC 4028 §10: our turn to refresh the session — an UPDATE without a body, or a re-INVITE that
   * offers the same SDP as before (its o= version stays). A refresh the far end no longer knows
   * (408, 481, no answer) ends the call.
   */
  refreshSession(method: 'UPDATE' | 'INVITE'): void {
    if (this.#control.state !== 'established') return;
    if (method === 'INVITE') {
      void this.localReinvites.offer(() => offerDirection(this.#control.hold), () => undefined);
      return;
    }
    void this.request('UPDATE').then(({ response, source }) => {
      if (response.status === 408 || response.status === 481 || source !== 'network') {
        this.bye({ originator: 'system', cause: 'failed', status: response.status, reason: response.reason, message: 'The call was lost: the far end no longer knows it' });
      }
    });
  }

  /** Sends one SIP INFO; true when the far end accepted it. */
  async info(body: Body): Promise<boolean> {
    if (this.#control.state !== 'established') return false;
    const { response } = await this.request('INFO', body);
    return response.status >= 200 && response.status < 300;
  }

  /** The call is over: nothing more is sent or received in this dialog. */
  dispose(): void {
    this.#unregister();
    this.reliableProvisionals.stop();
    for (const pending of this.#pendingAcks.values()) pending.retransmitter.stop();
    this.#pendingAcks.clear();
    this.localReinvites.dispose();
    this.dialog.terminate();
  }

  /** RFC 3262 §3: a PRACK for our reliable 1xx gets 200, any other 481. */
  #prackReceived(incoming: IncomingRequest): void {
    let rack: RAck | undefined;
    try {
      rack = incoming.request.rack;
    } catch {
      rack = undefined; // a RAck that does not parse matches nothing
    }
    if (this.reliableProvisionals.acknowledge(rack)) incoming.reply(200);
    else incoming.reply(481, { reason: 'No Matching Reliable Provisional Response' });
  }

  #byeReceived(incoming: IncomingRequest): void {
    incoming.reply(200);
    this.#control.finish(REMOTE_HANGUP);
  }

  /** INFO (RFC 6086 legacy use): DTMF in application/dtmf-relay or application/dtmf; an empty one is a keep-alive. */
  #infoReceived(incoming: IncomingRequest): void {
    const { request } = incoming;
    if (request.body.trim() === '') {
      incoming.reply(200);
      return;
    }
    let type: string | undefined;
    try {
      type = request.contentType;
    } catch {
      type = undefined;
    }
    if (type === undefined || !INFO_DTMF_TYPES.includes(type)) {
      incoming.reply(415, { headers: [['Accept', INFO_DTMF_TYPES.join(', ')]] });
      return;
    }
    incoming.reply(200);
    const digit = parseDtmfInfo(type, request.body);
    if (digit !== undefined) this.#control.dtmfReceived(digit);
  }
}
