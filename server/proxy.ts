import { createResponse, SipRequest, type SipMessage, type SipResponse, type SipUri } from '../src/sip';
import { parseAuthorization } from '../src/sip/auth';
import type { Authenticator } from './authenticator';
import { branchRequest } from './forwarding';
import { sameName, withoutFirstValue } from './header-edit';
import type { Locator } from './locator';
import { ProxyTransaction } from './proxy-transaction';
import type { Registrar } from './registrar';
import type { SelfAddress } from './self-address';
import type { UserSecret } from './users-config';
import type { Logger } from '../src/sip/ports';

/** What the PBX carries, and what it answers to OPTIONS with. */
export const ALLOWED_METHODS = [
  'INVITE', 'ACK', 'CANCEL', 'BYE', 'REFER', 'NOTIFY', 'MESSAGE', 'OPTIONS', 'INFO', 'SUBSCRIBE', 'UPDATE', 'PRACK', 'REGISTER',
];

export interface ProxyOptions {
  self: SelfAddress;
  realm: string;
  users: ReadonlyMap<string, UserSecret>;
  registrar: Registrar;
  locator: Locator;
  authenticator: Authenticator;
  /** Serializes, logs and sends; false when the flow is gone. */
  send(flowId: number, message: SipMessage): boolean;
  /** Lower-case hex of `bytes` random bytes, for tags and branches. */
  token(bytes: number): string;
  logger: Logger;
}

/**
 * Routing for everything that arrives on a flow: REGISTER to the registrar, OPTIONS without a user
 * to ourselves, requests naming a known contact (in-dialog, through our Record-Route) down that
 * contact's flow, and new requests to a user forked to every binding of that user (RFC 3261 §16).
 */
export class SipProxy {
  private readonly transactions = new Map<string, ProxyTransaction>();
  private readonly byBranch = new Map<string, ProxyTransaction>();

  constructor(private readonly o: ProxyOptions) {}

  onRequest(request: SipRequest, flowId: number): void {
    if (request.method === 'CANCEL') return this.onCancel(request, flowId);
    if (request.method === 'ACK') return this.onAck(request);

    const existing = this.transactions.get(serverKey(request));
    if (existing) return existing.retransmission();

    // RFC 3261 §16.3 step 3: no hops left.
    if (request.maxForwards === 0) return this.reply(request, flowId, 483, 'Too Many Hops');

    const routed = this.withoutOwnRoutes(request);
    if (routed.method === 'REGISTER') return this.onRegister(routed, flowId);

    const inDialog = routed.to.tag !== undefined;
    const contactFlow = this.o.locator.find(routed.uri);
    if (contactFlow !== undefined) {
      if (!inDialog && !this.authenticateCaller(routed, flowId)) return;
      return this.forward(routed, flowId, [contactFlow], [routed.uri], !inDialog);
    }
    if (inDialog) return this.reply(routed, flowId, 480, 'Target Unreachable');
    if (!routed.uri.user) return this.answerForSelf(routed, flowId);

    if (!this.authenticateCaller(routed, flowId)) return;
    const user = routed.uri.user;
    if (!this.o.users.has(user)) return this.reply(routed, flowId, 404, 'Not Found');
    // A tab does not ring itself when its user calls its own number from it.
    const bindings = this.o.registrar.lookup(user).filter((b) => b.flowId !== flowId);
    if (bindings.length === 0) return this.reply(routed, flowId, 480, 'Temporarily Unavailable');
    this.forward(
      routed,
      flowId,
      bindings.map((b) => b.flowId),
      bindings.map((b) => b.contact.uri),
      true,
    );
  }

  onResponse(response: SipResponse, flowId: number): void {
    const branch = response.via[0]?.branch;
    const tx = branch === undefined ? undefined : this.byBranch.get(branch);
    if (!tx || branch === undefined) {
      this.o.logger.log('info', `dropped ${response.status} ${response.cseq.method} call-id=${response.callId}: no branch of ours`);
      return;
    }
    if (response.status > 100 && response.status < 300) this.learnContacts(response, flowId);
    tx.receive(branch, response);
  }

  /** RFC 5626 §7: a closed flow takes its bindings and pending branches with it. */
  flowClosed(flowId: number): void {
    this.o.registrar.removeFlow(flowId);
    this.o.locator.forgetFlow(flowId);
    for (const tx of new Set(this.transactions.values())) tx.flowClosed(flowId);
  }

  close(): void {
    for (const tx of this.transactions.values()) tx.dispose();
    this.transactions.clear();
    this.byBranch.clear();
  }

  private onRegister(request: SipRequest, flowId: number): void {
    const user = request.to.uri.user;
    const secret = user === undefined ? undefined : this.o.users.get(user);
    // RFC 3261 §10.3 step 3: an address-of-record we do not serve.
    if (user === undefined || !secret) return this.reply(request, flowId, 404, 'Not Found');
    const challenge = this.o.authenticator.check(request, user, secret, 'registrar', this.o.token(6));
    if (challenge) return void this.o.send(flowId, challenge);
    const response = this.o.registrar.register(request, user, flowId, this.o.token(6));
    if (response.status === 200) this.learnContacts(request, flowId);
    this.o.send(flowId, response);
  }

  /** Requests to the PBX itself: OPTIONS is answered (RFC 3261 §11.2), nothing else is served. */
  private answerForSelf(request: SipRequest, flowId: number): void {
    const response = createResponse(request, request.method === 'OPTIONS' ? 200 : 405, undefined, this.o.token(6));
    response.set('Allow', ALLOWED_METHODS.join(', '));
    if (request.method === 'OPTIONS') response.set('Accept', 'application/sdp');
    this.o.send(flowId, response);
  }

  /** RFC 3261 §16.10: 200 to the CANCEL itself, then CANCEL down every unanswered branch. */
  private onCancel(request: SipRequest, flowId: number): void {
    const tx = this.transactions.get(serverKey(request));
    if (!tx) return this.reply(request, flowId, 481, 'Call/Transaction Does Not Exist');
    this.reply(request, flowId, 200, 'OK');
    tx.cancel();
  }

  /**
   * ACK for a non-2xx we sent belongs to that transaction and stops here; ACK for a 2xx is end to end
   * (RFC 3261 §13.2.2.4) and is passed on statelessly like any in-dialog request: nothing answers it.
   */
  private onAck(request: SipRequest): void {
    if (this.transactions.get(serverKey(request))?.absorbsAck()) return;
    if (request.maxForwards === 0) return;
    const routed = this.withoutOwnRoutes(request);
    const flowId = this.o.locator.find(routed.uri);
    if (flowId === undefined) {
      this.o.logger.log('info', `dropped ACK for ${routed.uri.toString()}: no flow for that target`);
      return;
    }
    this.o.send(flowId, branchRequest(routed, routed.uri, this.o.self.via(this.newBranch())));
  }

  /** Out-of-dialog requests must come from a configured user with its credentials (RFC 3261 §22.3). */
  private authenticateCaller(request: SipRequest, flowId: number): boolean {
    const user = request.from.uri.user;
    const secret = user === undefined ? undefined : this.o.users.get(user);
    if (user === undefined || !secret) {
      this.reply(request, flowId, 403, 'Forbidden - caller is not a configured user');
      return false;
    }
    const challenge = this.o.authenticator.check(request, user, secret, 'proxy', this.o.token(6));
    if (!challenge) return true;
    this.o.send(flowId, challenge);
    return false;
  }

  private forward(request: SipRequest, sourceFlowId: number, flowIds: number[], targets: SipUri[], recordRoute: boolean): void {
    this.learnContacts(request, sourceFlowId);
    const clean = this.withoutOwnCredentials(request);
    const key = serverKey(request);
    const tx: ProxyTransaction = new ProxyTransaction(clean, sourceFlowId, {
      send: (flowId, message) => this.o.send(flowId, message),
      newTag: () => this.o.token(6),
      finished: () => this.forget(key, tx),
    });
    this.transactions.set(key, tx);
    // RFC 3261 §16.2: an INVITE gets 100 Trying before the search starts.
    if (request.method === 'INVITE') tx.respond(100);
    const rr = recordRoute ? this.o.self.recordRoute : undefined;
    const branches = flowIds.map((flowId, i) => {
      const branchId = this.newBranch();
      this.byBranch.set(branchId, tx);
      return { branchId, flowId, request: branchRequest(clean, targets[i]!, this.o.self.via(branchId), rr) };
    });
    tx.fork(branches);
  }

  private forget(key: string, tx: ProxyTransaction): void {
    if (this.transactions.get(key) === tx) this.transactions.delete(key);
    for (const id of tx.branchIds) this.byBranch.delete(id);
  }

  /** RFC 3261 §16.4: Route entries naming us are consumed (loose routing). */
  private withoutOwnRoutes(request: SipRequest): SipRequest {
    let current = request;
    for (;;) {
      const top = current.route[0];
      if (!top || top.uri.user !== undefined || !this.o.self.isSelf(top.uri)) return current;
      current = new SipRequest(current.method, current.uri, withoutFirstValue(current, 'Route'), current.body);
    }
  }

  /** Credentials for our realm are consumed here; the callee never sees them (RFC 3261 §22.3). */
  private withoutOwnCredentials(request: SipRequest): SipRequest {
    const headers = request.headers.filter((h) => {
      if (!sameName(h.name, 'Proxy-Authorization')) return true;
      const parsed = parseAuthorization(h.value);
      return !parsed.ok || parsed.params.realm !== this.o.realm;
    });
    return new SipRequest(request.method, request.uri, headers, request.body);
  }

  private learnContacts(message: SipMessage, flowId: number): void {
    for (const contact of message.contact) {
      if (contact.uri.user === undefined && this.o.self.isSelf(contact.uri)) continue;
      this.o.locator.learn(contact.uri, flowId);
    }
  }

  private reply(request: SipRequest, flowId: number, status: number, reason: string): void {
    this.o.send(flowId, createResponse(request, status, reason, this.o.token(6)));
  }

  private newBranch(): string {
    // RFC 3261 §8.1.1.7: the magic cookie marks a branch unique across space and time.
    return `z9hG4bK${this.o.token(10)}`;
  }
}

/**
 * RFC 3261 §17.2.3 matching: top Via branch and sent-by, with the method, except that ACK and CANCEL
 * find the INVITE they belong to.
 */
function serverKey(request: SipRequest): string {
  const via = request.via[0];
  const method = request.method === 'ACK' || request.method === 'CANCEL' ? 'INVITE' : request.method;
  const sentBy = via ? `${via.host}:${via.port ?? ''}` : '';
  const branch = via?.branch ?? `${request.callId} ${request.cseq.seq} ${request.from.tag ?? ''}`;
  return `${branch} ${sentBy} ${method}`;
}
