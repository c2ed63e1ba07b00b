/*
 * A dialog (RFC 3261 §12): the peer-to-peer relationship that in-dialog
 * requests travel on. Usages (the INVITE session, a REFER subscription) share it.
 *
 *          1xx with To tag (UAC) / 101-199 sent (UAS)
 *                       |
 *                       v
 *                     early ----- non-2xx final / terminate() ----+
 *                       |                                          |
 *                       | 2xx: confirm()                           |
 *                       v                                          v
 *   2xx (created) --> confirmed ------- terminate() ---------> terminated
 */
import { NameAddr, SipRequest, type SipMessage, type SipResponse, type SipUri } from '../message';
import type { Random } from '../ports';
import { checkTransition, type StateTable } from '../transaction/state-table';
import { initialCseq } from './cseq-number';
import { dialogKey, type DialogId } from './dialog-id';
import { parsedOrUndefined } from './parsed-or-undefined';

export type DialogState = 'early' | 'confirmed' | 'terminated';

const TRANSITIONS: StateTable<DialogState> = {
  early: ['confirmed', 'terminated'],
  confirmed: ['terminated'],
  terminated: [],
};

export interface DialogInit {
  state: 'early' | 'confirmed';
  id: DialogId;
  localUri: NameAddr;
  remoteUri: NameAddr;
  remoteTarget: SipUri;
  routeSet: NameAddr[];
  localSeq: number | undefined;
  remoteSeq: number | undefined;
  random: Random;
}

export interface InDialogRequestOptions {
  headers?: [string, string][];
  body?: string;
}

export class Dialog {
  readonly id: DialogId;
  readonly key: string;
  /** Our address (From of our requests), without tag. */
  readonly localUri: NameAddr;
  /** The peer's address (To of our requests), without tag. */
  readonly remoteUri: NameAddr;
  #target: SipUri;
  #routes: NameAddr[];
  #local: number | undefined;
  #remote: number | undefined;
  #current: DialogState;
  readonly #random: Random;

  constructor(init: DialogInit) {
    this.id = init.id;
    this.key = dialogKey(init.id);
    this.localUri = withoutTag(init.localUri);
    this.remoteUri = withoutTag(init.remoteUri);
    this.#target = init.remoteTarget.clone();
    this.#routes = init.routeSet.map((r) => r.clone());
    this.#local = init.localSeq;
    this.#remote = init.remoteSeq;
    this.#current = init.state;
    this.#random = init.random;
  }

  /**
   * §12.1.2: the UAC side, from our request and a 1xx (early) or 2xx (confirmed)
   * response with a To tag. Undefined when the response cannot form a dialog:
   * no To tag, or no Contact to send later requests to.
   */
  static asUac(request: SipRequest, response: SipResponse, random: Random): Dialog | undefined {
    const remoteTag = response.to.tag;
    const localTag = request.from.tag;
    const contact = parsedOrUndefined(() => response.contact[0]);
    const recordRoute = parsedOrUndefined(() => response.recordRoute);
    if (remoteTag === undefined || localTag === undefined || !contact || !recordRoute) return undefined;
    return new Dialog({
      state: response.status < 200 ? 'early' : 'confirmed',
      id: { callId: request.callId, localTag, remoteTag },
      localUri: request.from,
      remoteUri: response.to,
      remoteTarget: contact.uri,
      routeSet: [...recordRoute].reverse(),
      localSeq: request.cseq.seq,
      remoteSeq: undefined,
      random,
    });
  }

  /**
   * §12.1.1: the UAS side, from the request we answer with a 1xx (early) or
   * 2xx (confirmed) carrying `localTag`. Undefined when the request has no
   * From tag or no Contact.
   */
  static asUas(request: SipRequest, localTag: string, state: 'early' | 'confirmed', random: Random): Dialog | undefined {
    const remoteTag = request.from.tag;
    const contact = request.contact[0];
    const recordRoute = parsedOrUndefined(() => request.recordRoute);
    if (remoteTag === undefined || !contact || !recordRoute) return undefined;
    return new Dialog({
      state,
      id: { callId: request.callId, localTag, remoteTag },
      localUri: request.to,
      remoteUri: request.from,
      remoteTarget: contact.uri,
      routeSet: recordRoute,
      localSeq: undefined,
      remoteSeq: request.cseq.seq,
      random,
    });
  }

  get state(): DialogState {
    return this.#current;
  }

  get remoteTarget(): SipUri {
    return this.#target;
  }

  get routeSet(): readonly NameAddr[] {
    return this.#routes;
  }

  get localSeq(): number | undefined {
    return this.#local;
  }

  get remoteSeq(): number | undefined {
    return this.#remote;
  }

  /**
   * early → confirmed. For the UAC pass the 2xx: §13.2.2.4 recomputes the
   * route set from it, and its Contact is the target from now on.
   */
  confirm(response?: SipResponse): void {
    this.#transition('confirmed');
    if (!response) return;
    const recordRoute = parsedOrUndefined(() => response.recordRoute);
    if (recordRoute) this.#routes = [...recordRoute].reverse();
    this.refreshTarget(response);
  }

  terminate(): void {
    if (this.#current !== 'terminated') this.#transition('terminated');
  }

  /** Target refresh (§12.2.1.2, §12.2.2): a re-INVITE, UPDATE or their 2xx may move the peer. */
  refreshTarget(message: SipMessage): void {
    const contact = parsedOrUndefined(() => message.contact[0]);
    if (contact) this.#target = contact.uri.clone();
  }

  /**
   * §12.2.2: an in-dialog request with a CSeq below the last one is out of
   * order and must be rejected with a 500. ACK and CANCEL reuse the CSeq of the
   * request they refer to, so they are not counted.
   */
  acceptRemoteCseq(request: SipRequest): boolean {
    if (request.method === 'ACK' || request.method === 'CANCEL') return true;
    const seq = request.cseq.seq;
    if (this.#remote !== undefined && seq < this.#remote) return false;
    this.#remote = seq;
    return true;
  }

  /** §12.2.1.1: a new in-dialog request with the next local CSeq. The UA core adds Via and its own headers. */
  createRequest(method: string, options: InDialogRequestOptions = {}): SipRequest {
    if (method === 'ACK' || method === 'CANCEL') throw new Error(`${method} is not a new in-dialog request`);
    if (this.#current === 'terminated') throw new Error(`dialog is terminated: cannot send ${method}`);
    this.#local = this.#local === undefined ? initialCseq(this.#random) : this.#local + 1;
    return this.#build(method, this.#local, options);
  }

  /** §13.2.2.4: the ACK for a 2xx carries the INVITE's CSeq number and follows the route set. */
  createAck(inviteSeq: number, options: InDialogRequestOptions = {}): SipRequest {
    return this.#build('ACK', inviteSeq, options);
  }

  #build(method: string, seq: number, options: InDialogRequestOptions): SipRequest {
    const { requestUri, routes } = this.#routing();
    const from = this.localUri.clone();
    from.params.set('tag', this.id.localTag);
    const to = this.remoteUri.clone();
    to.params.set('tag', this.id.remoteTag);
    const headers: [string, string][] = [
      ['Max-Forwards', '70'],
      ['From', from.toString()],
      ['To', to.toString()],
      ['Call-ID', this.id.callId],
      ['CSeq', `${seq} ${method}`],
      ...routes.map((route): [string, string] => ['Route', route]),
      ...(options.headers ?? []),
    ];
    return new SipRequest(method, requestUri, headers, options.body ?? '');
  }

  /**
   * §12.2.1.1: with a loose router first (lr) the request goes to the remote
   * target through the whole route set; a strict router takes the target's
   * place in the Request-URI and the target goes last in the Route set.
   */
  #routing(): { requestUri: SipUri; routes: string[] } {
    const first = this.#routes[0];
    if (!first || first.uri.params.has('lr')) {
      return { requestUri: this.#target.clone(), routes: this.#routes.map((r) => r.toString()) };
    }
    const requestUri = first.uri.clone();
    // §12.2.1.1: parameters not allowed in a Request-URI are stripped.
    requestUri.headers.clear();
    requestUri.params.delete('method');
    const routes = this.#routes.slice(1).map((r) => r.toString());
    routes.push(new NameAddr(this.#target.clone()).toString());
    return { requestUri, routes };
  }

  #transition(to: DialogState): void {
    checkTransition(TRANSITIONS, 'dialog', this.#current, to);
    this.#current = to;
  }
}

function withoutTag(address: NameAddr): NameAddr {
  const copy = address.clone();
  copy.params.delete('tag');
  return copy;
}
