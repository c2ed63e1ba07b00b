/*
 * One proxied request: the server side facing the sender and one client branch per target
 * (RFC 3261 §16, stateful forking). Each branch moves
 *
 *   calling ──1xx──> proceeding ──final──> completed
 *      └──────────────final────────────────────┘
 *
 * and the transaction answers upstream once: every 2xx is passed on at once (§16.7 step 5), other
 * finals wait until every branch has one and the best is sent (§16.7 step 6).
 */
import { createResponse, SipResponse, type SipMessage, type SipRequest } from '../src/sip';
import { ackRequest, cancelRequest } from './forwarding';
import { withoutFirstValue } from './header-edit';
import { CANCEL_WAIT, TIMER_B, TIMER_C, TIMER_F, TIMER_L } from './sip-timers';

type BranchState = 'calling' | 'proceeding' | 'completed';

interface Branch {
  readonly id: string;
  readonly flowId: number;
  /** The request as sent down this branch. */
  readonly request: SipRequest;
  state: BranchState;
  /** Status to make up if the branch never answers: 408 after a timeout, 487 after our CANCEL. */
  giveUpStatus: 408 | 487;
  /** A CANCEL is owed but waits for a provisional response (RFC 3261 §9.1). */
  cancelPending: boolean;
  cancelSent: boolean;
  final?: SipResponse;
  timer?: ReturnType<typeof setTimeout>;
}

export interface ProxyTransactionDeps {
  send(flowId: number, message: SipMessage): boolean;
  newTag(): string;
  /** Called once, when the transaction has lingered long enough to be forgotten. */
  finished(): void;
}

export class ProxyTransaction {
  private readonly branches = new Map<string, Branch>();
  private lastUpstream: SipResponse | undefined;
  private finalSent = false;
  private lingerTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly isInvite: boolean;

  constructor(
    readonly request: SipRequest,
    readonly sourceFlowId: number,
    private readonly deps: ProxyTransactionDeps,
  ) {
    this.isInvite = request.method === 'INVITE';
  }

  get branchIds(): string[] {
    return [...this.branches.keys()];
  }

  /**
   * Sends each request (already carrying our Via with the branch id) down its flow. All branches are
   * registered before the first is sent, so a flow that fails at once cannot end the search early.
   */
  fork(targets: { branchId: string; flowId: number; request: SipRequest }[]): void {
    for (const { branchId, flowId, request } of targets) {
      this.branches.set(branchId, {
        id: branchId,
        flowId,
        request,
        state: 'calling',
        giveUpStatus: 408,
        cancelPending: false,
        cancelSent: false,
      });
    }
    for (const branch of [...this.branches.values()]) {
      this.arm(branch, this.isInvite ? TIMER_B : TIMER_F);
      if (!this.deps.send(branch.flowId, branch.request)) this.giveUp(branch, 480, 'Temporarily Unavailable');
    }
  }

  /** A response made here (100 Trying, 487 for a CANCEL with nothing left to cancel). */
  respond(status: number, reason?: string): void {
    const response = createResponse(this.request, status, reason, status === 100 ? undefined : this.deps.newTag());
    this.sendUpstream(response);
  }

  /** A response that came back on one of our branches (our Via still on top). */
  receive(branchId: string, response: SipResponse): void {
    const branch = this.branches.get(branchId);
    if (!branch || response.cseq.method === 'CANCEL') return; // a 200 to our CANCEL ends there
    this.onResponse(branch, response, false);
  }

  /** The sender's CANCEL (RFC 3261 §16.10): cancel every branch that has not answered. */
  cancel(): void {
    if (this.finalSent) return;
    for (const branch of this.branches.values()) this.cancelBranch(branch, 487);
  }

  /** ACK with the INVITE's branch: ours to absorb when it acknowledges the non-2xx we sent (§16.7). */
  absorbsAck(): boolean {
    return this.lastUpstream !== undefined && this.lastUpstream.status >= 300;
  }

  /** The same request again from the sender: repeat what we last said, if anything. */
  retransmission(): void {
    if (this.lastUpstream) this.deps.send(this.sourceFlowId, this.lastUpstream);
  }

  /** A flow went away: its branches end as 480; if it was the sender's, the others are cancelled. */
  flowClosed(flowId: number): void {
    for (const branch of this.branches.values()) {
      if (branch.flowId === flowId && branch.state !== 'completed') this.giveUp(branch, 480, 'Temporarily Unavailable');
    }
    if (flowId === this.sourceFlowId) this.cancel();
  }

  dispose(): void {
    clearTimeout(this.lingerTimer);
    for (const branch of this.branches.values()) clearTimeout(branch.timer);
  }

  private onResponse(branch: Branch, response: SipResponse, madeUp: boolean): void {
    const { status } = response;
    if (branch.state === 'completed') {
      // Only 2xx is retransmitted end to end by the answering UA (RFC 3261 §13.3.1.4).
      if (status >= 200 && status < 300 && this.isInvite) this.sendUpstream(this.stripVia(response));
      return;
    }
    if (status < 200) {
      branch.state = 'proceeding';
      if (branch.cancelPending) this.sendCancel(branch);
      // RFC 3261 §16.7 step 2: a provisional response restarts Timer C.
      else if (this.isInvite && !branch.cancelSent) this.arm(branch, TIMER_C);
      // 100 Trying is hop-by-hop; we sent our own (§16.7 step 3).
      if (status > 100 && !this.finalSent) this.sendUpstream(this.stripVia(response));
      return;
    }

    branch.state = 'completed';
    branch.final = response;
    clearTimeout(branch.timer);
    if (this.isInvite && status >= 300 && !madeUp) this.deps.send(branch.flowId, ackRequest(branch.request, response));

    if (status < 300) {
      if (this.isInvite) this.cancelOthers(branch, 487);
      if (this.isInvite || !this.finalSent) this.sendFinal(this.stripVia(response));
      return;
    }
    // RFC 3261 §16.7 step 5: a 6xx ends the search; the other branches are cancelled.
    if (status >= 600 && this.isInvite) this.cancelOthers(branch, 487);
    if (!this.finalSent && [...this.branches.values()].every((b) => b.state === 'completed')) {
      this.sendFinal(this.stripVia(this.best()));
    }
  }

  /** RFC 3261 §16.7 step 6: any 6xx, else the lowest class, first come first served within it. */
  private best(): SipResponse {
    const finals = [...this.branches.values()].map((b) => b.final!);
    const chosen =
      finals.find((r) => r.status >= 600) ??
      finals.reduce((a, b) => (Math.floor(b.status / 100) < Math.floor(a.status / 100) ? b : a));
    // §16.7 step 6: a 503 would tell the sender to avoid this proxy; pass it on as 500.
    return chosen.status === 503 ? new SipResponse(500, 'Server Internal Error', chosen.headers, chosen.body) : chosen;
  }

  private cancelOthers(except: Branch, status: 487): void {
    for (const branch of this.branches.values()) if (branch !== except) this.cancelBranch(branch, status);
  }

  private cancelBranch(branch: Branch, status: 487): void {
    if (branch.state === 'completed' || branch.cancelSent || branch.cancelPending) return;
    branch.giveUpStatus = status;
    if (branch.state === 'calling') branch.cancelPending = true;
    else this.sendCancel(branch);
  }

  private sendCancel(branch: Branch): void {
    branch.cancelPending = false;
    branch.cancelSent = true;
    this.deps.send(branch.flowId, cancelRequest(branch.request));
    this.arm(branch, CANCEL_WAIT);
  }

  private arm(branch: Branch, ms: number): void {
    clearTimeout(branch.timer);
    branch.timer = setTimeout(() => this.expire(branch), ms);
  }

  private expire(branch: Branch): void {
    // Timer C on a ringing branch: cancel it and give it CANCEL_WAIT to answer (RFC 3261 §16.8).
    if (this.isInvite && branch.state === 'proceeding' && !branch.cancelSent) {
      this.sendCancel(branch);
      return;
    }
    this.giveUp(branch, branch.giveUpStatus, branch.giveUpStatus === 487 ? 'Request Terminated' : 'Request Timeout');
  }

  /** Ends a branch with a response made up here, as if the target had sent it. */
  private giveUp(branch: Branch, status: number, reason: string): void {
    if (branch.state === 'completed') return;
    this.onResponse(branch, createResponse(branch.request, status, reason, this.deps.newTag()), true);
  }

  private stripVia(response: SipResponse): SipResponse {
    return new SipResponse(response.status, response.reason, withoutFirstValue(response, 'Via'), response.body);
  }

  private sendFinal(response: SipResponse): void {
    this.sendUpstream(response);
    if (this.finalSent) return;
    this.finalSent = true;
    this.lingerTimer = setTimeout(() => {
      this.dispose();
      this.deps.finished();
    }, TIMER_L);
  }

  private sendUpstream(response: SipResponse): void {
    this.lastUpstream = response;
    this.deps.send(this.sourceFlowId, response);
  }
}
