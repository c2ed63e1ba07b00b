import type { IncomingRequest } from './incoming-request';
import type { MethodUsage } from './usage';

export interface Capabilities {
  allow(): string[];
  accept(): string[];
  supported(): string[];
}

/**
 * Answers out-of-dialog OPTIONS (§11.2) with what this UA can do right now:
 * Allow, Accept and Supported follow the registered usages. Max-Forwards 0 is
 * fine — we are the final recipient (RFC 4475 §3.3.11, the CUCM ping in reference 003).
 */
export class OptionsUsage implements MethodUsage {
  readonly method = 'OPTIONS';
  readonly #capabilities: Capabilities;

  constructor(capabilities: Capabilities) {
    this.#capabilities = capabilities;
  }

  receiveRequest(incoming: IncomingRequest): void {
    const { allow, accept, supported } = this.#capabilities;
    incoming.reply(200, {
      headers: [
        ['Allow', allow().join(', ')],
        // An empty Accept says no body type is accepted (§20.1), which is true until a usage takes bodies.
        ['Accept', accept().join(', ')],
        ['Supported', supported().join(', ')],
      ],
    });
  }
}
