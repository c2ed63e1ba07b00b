import type { SipRequest } from '../message';
import type { IncomingRequest } from './incoming-request';

/**
 * A usage that takes new out-of-dialog requests of one method (OPTIONS now;
 * INVITE, MESSAGE, SUBSCRIBE, REFER… later). Registering it with the
 * dispatcher is what puts its methods in Allow and its option tags in Supported.
 */
export interface MethodUsage {
  /** The method of the out-of-dialog requests it takes. */
  readonly method: string;
  /** Methods it only receives inside its dialogs (BYE, ACK and CANCEL for INVITE; NOTIFY for SUBSCRIBE). */
  readonly inDialogMethods?: readonly string[];
  /** Body types it accepts (the Accept header of an OPTIONS answer). */
  readonly accepts?: readonly string[];
  /** Option tags it implements (Supported; a Require for them passes). */
  readonly optionTags?: readonly string[];
  /** A new request of `method` with no To tag. The usage must answer it. */
  receiveRequest(incoming: IncomingRequest): void;
}

/** The owner of a dialog: receives the requests that arrive inside it. */
export interface DialogUsage {
  /** An in-dialog request whose CSeq passed the §12.2.2 order check. The usage must answer it. */
  receiveRequest(incoming: IncomingRequest): void;
  /** The ACK for a 2xx we sent: it has no transaction (§17.1.1.3). */
  receiveAck(ack: SipRequest): void;
}
