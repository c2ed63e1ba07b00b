import type { AccountStore } from '../stores/account';
import type { AccountConfig } from './account-config';
import type { RunningPhone } from './start-phone';

/** What the phone should run: an account, or nothing, with the reason shown in its place. */
export type PhoneTarget = { account: AccountConfig } | { problem: string };

/** 'now': the switch has begun. 'after-call': a call is live, and the switch waits for it to end. */
export type SwitchOutcome = 'now' | 'after-call';

/** A zustand store that can be put back to how it was made. */
interface ResettableStore {
  getInitialState(): object;
  setState(state: object, replace: true): void;
}

export interface PhoneControllerOptions {
  account: AccountStore;
  /** Stores that belong to one account (its calls, messages …): emptied before another account starts. */
  sessionStores: ResettableStore[];
  /** Starts the phone for an account (startPhone, or startPhone wrapped by whoever needs to). */
  start(account: AccountConfig): Promise<RunningPhone>;
  hasLiveCall(): boolean;
  /** Calls `listener` whenever the calls change, so a waiting switch can go once the last call ends. */
  watchCalls(listener: () => void): () => void;
  /** Told when a switch starts or stops waiting for a call to end. */
  onWaitingChange?(waiting: boolean): void;
}

export interface PhoneController {
  /** The phone now running, or the one starting; undefined when there is no account. */
  current(): Promise<RunningPhone | undefined>;
  /** `listener` runs each time another phone takes over (to hand its services to the UI). */
  subscribe(listener: () => void): () => void;
  /**
   * Stops the running phone (un-REGISTER) and starts `target` in its place, without a page
   * reload. Never during a call: the switch then waits until no call is live.
   */
  switchTo(target: PhoneTarget): SwitchOutcome;
  /** Runs the current target afresh: the "Retry" after a failed registration. */
  restart(): SwitchOutcome;
  /** Un-registers for good (the page is going away). */
  stop(): Promise<void>;
}

/** Runs one account's phone at a time and switches between them; switches queue, never overlap. */
export function createPhoneController(options: PhoneControllerOptions): PhoneController {
  const listeners = new Set<() => void>();
  let phone: Promise<RunningPhone | undefined> = Promise.resolve(undefined);
  let target: PhoneTarget | undefined;
  let waiting: PhoneTarget | undefined;
  let unwatch: (() => void) | undefined;

  const run = (next: PhoneTarget) => {
    target = next;
    const previous = phone;
    phone = (async () => {
      await (await previous)?.stop();
      for (const store of options.sessionStores) store.setState(store.getInitialState(), true);
      const account = options.account;
      account.setState(account.getInitialState(), true);
      if ('problem' in next) {
        account.getState().setSetupProblem(next.problem);
        return undefined;
      }
      try {
        return await options.start(next.account);
      } catch (error) {
        account.getState().setSetupProblem(`The phone could not start: ${(error as Error).message}`);
        return undefined;
      }
    })();
    for (const listener of listeners) listener();
  };

  const setWaiting = (next: PhoneTarget | undefined) => {
    const changed = (waiting === undefined) !== (next === undefined);
    waiting = next;
    if (next && !unwatch) {
      unwatch = options.watchCalls(() => {
        if (waiting && !options.hasLiveCall()) {
          const go = waiting;
          setWaiting(undefined);
          run(go);
        }
      });
    } else if (!next) {
      unwatch?.();
      unwatch = undefined;
    }
    if (changed) options.onWaitingChange?.(next !== undefined);
  };

  const switchTo = (next: PhoneTarget): SwitchOutcome => {
    if (options.hasLiveCall()) {
      setWaiting(next);
      return 'after-call';
    }
    setWaiting(undefined);
    run(next);
    return 'now';
  };

  return {
    current: () => phone,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    switchTo,
    restart: () => switchTo(waiting ?? target ?? { problem: 'No account is set up.' }),
    async stop() {
      setWaiting(undefined);
      await (await phone)?.stop();
    },
  };
}
