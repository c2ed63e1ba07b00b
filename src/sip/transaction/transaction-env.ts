import type { Logger, Timers } from '../ports';

/** What a transaction needs from the layer that owns it. */
export interface TransactionEnv {
  timers: Timers;
  logger: Logger;
  /** Hands one serialized message to the transport; false when it could not be sent. */
  send(text: string): boolean;
}
