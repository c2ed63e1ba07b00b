import { parseMessage, type SipMessage } from '../../../src/sip';
import { silentLogger } from '../../../src/sip/ports';
import type { TransactionEnv } from '../../../src/sip/transaction/transaction-env';
import { FakeClock } from '../support/fake-clock';

/** A transaction environment on a FakeClock whose "transport" records what is sent and can be cut. */
export function transactionHarness() {
  const clock = new FakeClock();
  const sent: string[] = [];
  let transportUp = true;
  const env: TransactionEnv = {
    timers: clock,
    logger: silentLogger,
    send(text) {
      if (!transportUp) return false;
      sent.push(text);
      return true;
    },
  };
  return {
    clock,
    env,
    sent,
    /** What was sent, parsed. */
    sentMessages: (): SipMessage[] => sent.map((text) => parseMessage(text)),
    cutTransport() {
      transportUp = false;
    },
  };
}
