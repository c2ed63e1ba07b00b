import type { PingResult, UserAgent } from '../sip';
import type { AccountStore } from '../stores/account';

/** The slice of the user agent the phone service drives (a fake can stand in for it in tests). */
export type PhoneAgent = Pick<UserAgent, 'on' | 'start' | 'stop' | 'registrationState' | 'registrationCause' | 'ping'>;

export interface PhoneService {
  start(): void;
  /** Un-registers and disconnects; the store keeps reporting what the agent says meanwhile. */
  stop(): Promise<void>;
  /** OPTIONS to any address: the reachability check. */
  ping(target: string): Promise<PingResult>;
}

/** Wires the user agent's events into the account store. */
export function createPhoneService(agent: PhoneAgent, store: AccountStore): PhoneService {
  const { setRegistration, setTransport } = store.getState();
  const unsubscribe = [
    agent.on('registration', (state, cause) => setRegistration(state, cause)),
    agent.on('transport', (state, cause) => setTransport(state, cause)),
  ];
  setRegistration(agent.registrationState, agent.registrationCause);

  let stopped = false;
  return {
    start: () => agent.start(),
    ping: (target) => agent.ping(target),
    async stop() {
      if (stopped) return;
      stopped = true;
      await agent.stop();
      for (const off of unsubscribe) off();
    },
  };
}
