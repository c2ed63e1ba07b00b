/**
 * The one exception the message layer throws for malformed input. `fault` names the
 * problem in words a log reader (and a 400 reason phrase) can use.
 */
export class SipParseError extends Error {
  readonly fault: string;

  constructor(fault: string) {
    super(`malformed SIP message: ${fault}`);
    this.name = 'SipParseError';
    this.fault = fault;
  }
}

/** Throws a SipParseError; typed `never` so callers can use it in expressions. */
export function fail(fault: string): never {
  throw new SipParseError(fault);
}
