import { createResponse, type SipRequest, type SipResponse } from '../message';
import type { AnyServerTransaction } from '../transaction/transaction-layer';

export interface ReplyOptions {
  reason?: string;
  headers?: [string, string][];
  body?: string;
}

/**
 * A request handed to a usage, with the server transaction that answers it.
 * Every response but a 100 carries the same To tag (§8.2.6.2): the request's
 * own inside a dialog, else `toTag`, which a usage that creates a dialog keeps
 * as its local tag.
 */
export class IncomingRequest {
  readonly #userAgent: string;
  constructor(
    readonly request: SipRequest,
    readonly transaction: AnyServerTransaction,
    readonly toTag: string,
    userAgent: string,
  ) {
    this.#userAgent = userAgent;
  }

  /** A response with the UA's common headers, not sent yet (for a usage that adds more). */
  createResponse(status: number, options: ReplyOptions = {}): SipResponse {
    const response = createResponse(this.request, status, options.reason, status === 100 ? undefined : this.toTag);
    response.append('User-Agent', this.#userAgent);
    for (const [name, value] of options.headers ?? []) response.append(name, value);
    if (options.body !== undefined) response.body = options.body;
    return response;
  }

  /** Builds and sends a response; returns it. */
  reply(status: number, options: ReplyOptions = {}): SipResponse {
    const response = this.createResponse(status, options);
    this.transaction.respond(response);
    return response;
  }

  /** Whether a final response went out already. */
  get answered(): boolean {
    return (this.transaction.lastResponse?.status ?? 0) >= 200;
  }
}
