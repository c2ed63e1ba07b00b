import { dialogIdOf } from '../dialog/dialog-id';
import { SipParseError, SipRequest, parseMessage, type SipMessage, type SipResponse } from '../message';
import { randomToken, type Logger, type Random } from '../ports';
import type { TransactionLayer } from '../transaction/transaction-layer';
import type { DialogRegistry } from './dialog-registry';
import { IncomingRequest } from './incoming-request';
import { malformedRequestResponse } from './malformed-request';
import type { MethodUsage } from './usage';

/** Option tags the UA core implements itself: RFC 5626 outbound (instance, reg-id, CRLF keep-alive). */
const CORE_OPTION_TAGS = ['outbound'];

export interface DispatcherDeps {
  transactions: TransactionLayer;
  dialogs: DialogRegistry;
  /** Sends raw text on the transport (the 400 for an unparsable request has no transaction). */
  send(text: string): boolean;
  /** The Via host we put on requests: a response with any other is not for us (§18.1.2). */
  viaHost: string;
  userAgent: string;
  random: Random;
  logger: Logger;
}

/**
 * The UA core's intake: parses each frame, lets the transaction layer absorb
 * retransmissions, answers what no usage can (400, 405, 416, 420, 481, 500)
 * and hands the rest to usages — out-of-dialog requests by method, in-dialog
 * requests by dialog. Nothing a peer sends makes it throw.
 */
export class Dispatcher {
  readonly #usages = new Map<string, MethodUsage>();
  readonly #deps: DispatcherDeps;

  constructor(deps: DispatcherDeps) {
    this.#deps = deps;
  }

  /** Plugs in a usage for out-of-dialog requests of its method; returns the function that removes it. */
  addUsage(usage: MethodUsage): () => void {
    const method = usage.method.toUpperCase();
    if (this.#usages.has(method)) throw new Error(`a usage for ${method} is registered already`);
    this.#usages.set(method, usage);
    return () => {
      if (this.#usages.get(method) === usage) this.#usages.delete(method);
    };
  }

  /** Methods we accept (Allow), in the order usages were added. */
  allow(): string[] {
    return unique([...this.#usages.values()].flatMap((u) => [u.method, ...(u.inDialogMethods ?? [])]));
  }

  /** Option tags we implement (Supported). */
  supported(): string[] {
    return unique([...CORE_OPTION_TAGS, ...[...this.#usages.values()].flatMap((u) => u.optionTags ?? [])]);
  }

  /** Body types some usage accepts (Accept). */
  accept(): string[] {
    return unique([...this.#usages.values()].flatMap((u) => u.accepts ?? []));
  }

  /** One frame from the transport. */
  receive(text: string): void {
    let message: SipMessage;
    try {
      message = parseMessage(text);
    } catch (error) {
      this.#rejectUnparsable(text, error);
      return;
    }
    try {
      if (message instanceof SipRequest) this.#receiveRequest(message);
      else this.#receiveResponse(message);
    } catch (error) {
      this.#deps.logger.log('error', 'dispatcher: failed to process a message', error);
    }
  }

  #rejectUnparsable(text: string, error: unknown): void {
    const fault = error instanceof SipParseError ? error.fault : 'unreadable message';
    const response = malformedRequestResponse(text, fault, randomToken(this.#deps.random, 8));
    if (!response) {
      this.#deps.logger.log('warn', `dispatcher: dropped a malformed message (${fault})`);
      return;
    }
    this.#deps.logger.log('warn', `dispatcher: answered a malformed request with 400 (${fault})`);
    this.#deps.send(response.toString());
  }

  #receiveResponse(response: SipResponse): void {
    // §8.1.3.3: a response for us carries exactly one Via, and (§18.1.2) it is ours.
    const vias = response.via;
    if (vias.length !== 1 || vias[0]!.host !== this.#deps.viaHost) {
      this.#deps.logger.log('warn', `dispatcher: dropped a ${response.status} response not addressed to us`);
      return;
    }
    if (!this.#deps.transactions.receiveResponse(response)) {
      this.#deps.logger.log('debug', `dispatcher: dropped a stray ${response.status} to ${response.cseq.method}`);
    }
  }

  #receiveRequest(request: SipRequest): void {
    const disposition = this.#deps.transactions.receiveRequest(request);
    if (disposition.kind === 'absorbed') return;
    if (disposition.kind === 'ack') {
      this.#routeAck(request);
      return;
    }
    const incoming = new IncomingRequest(request, disposition.transaction, this.#toTagFor(request), this.#deps.userAgent);
    try {
      this.#handle(incoming);
    } catch (error) {
      this.#deps.logger.log('error', `dispatcher: handling ${request.method} failed`, error);
      if (!incoming.answered) incoming.reply(500);
    }
  }

  /** §8.2.6.2, §9.2: in a dialog the To tag is given; a CANCEL's 200 reuses the tag of the INVITE's responses. */
  #toTagFor(request: SipRequest): string {
    const cancelled = request.method === 'CANCEL' ? this.#deps.transactions.findInviteServerTransaction(request) : undefined;
    return request.to.tag ?? cancelled?.lastResponse?.to.tag ?? randomToken(this.#deps.random, 8);
  }

  #handle(incoming: IncomingRequest): void {
    const { request } = incoming;
    // §8.1.1: Max-Forwards is mandatory; a value of 0 is fine for us, the final recipient (RFC 4475 §3.3.11).
    if (request.maxForwards === undefined) {
      incoming.reply(400, { reason: 'Missing Max-Forwards' });
      return;
    }
    if (request.method === 'CANCEL') {
      this.#cancel(incoming);
      return;
    }
    const inDialog = request.to.tag !== undefined;
    const usage = this.#usages.get(request.method);
    if (!inDialog && !usage) {
      // §8.2.1; a method we know only inside dialogs (a BYE) has no dialog to go to here (§15.1.2).
      if (this.allow().includes(request.method)) incoming.reply(481);
      else incoming.reply(405, { headers: [['Allow', this.allow().join(', ')]] });
      return;
    }
    // §8.2.2.1: we only route sip: and sips: Request-URIs.
    if (!request.uri.isSip) {
      incoming.reply(416);
      return;
    }
    // §8.2.2.3: every option the sender requires must be one we implement.
    const supported = new Set(this.supported().map((tag) => tag.toLowerCase()));
    const unsupported = request.require.filter((tag) => !supported.has(tag.toLowerCase()));
    if (unsupported.length > 0) {
      incoming.reply(420, { headers: [['Unsupported', unsupported.join(', ')]] });
      return;
    }
    if (inDialog) this.#routeInDialog(incoming);
    else usage!.receiveRequest(incoming);
  }

  /** §12.2.2: a request with a To tag belongs to a dialog we know, or gets a 481. */
  #routeInDialog(incoming: IncomingRequest): void {
    const id = dialogIdOf(incoming.request, 'request')!;
    const entry = this.#deps.dialogs.find(id);
    if (!entry) {
      incoming.reply(481);
      return;
    }
    if (!entry.dialog.acceptRemoteCseq(incoming.request)) {
      incoming.reply(500, { reason: 'CSeq Out of Order' });
      return;
    }
    entry.usage.receiveRequest(incoming);
  }

  /** The ACK of a 2xx goes to the dialog's usage; one for no dialog is dropped (§17.2.3). */
  #routeAck(ack: SipRequest): void {
    const id = dialogIdOf(ack, 'request');
    const entry = id && this.#deps.dialogs.find(id);
    if (entry) entry.usage.receiveAck(ack);
    else this.#deps.logger.log('debug', 'dispatcher: dropped an ACK that matches no dialog');
  }

  /** §9.2: 481 unless the CANCEL matches an INVITE server transaction; 200, then the INVITE's owner hears of it. */
  #cancel(incoming: IncomingRequest): void {
    const invite = this.#deps.transactions.findInviteServerTransaction(incoming.request);
    if (!invite) {
      incoming.reply(481);
      return;
    }
    incoming.reply(200);
    invite.receiveCancel(incoming.request);
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
