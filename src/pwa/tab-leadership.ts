import { createStore, type StoreApi } from 'zustand/vanilla';

/** The part of navigator.locks (Web Locks API) used here. */
export interface LockManagerLike {
  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

/** The part of a BroadcastChannel used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/**
 * claiming: asking whether another tab has the account; owner: this tab registers it;
 * elsewhere: another tab does; taking-over: this tab asked the owner to let go;
 * handing-over: this tab lets go (after its calls end) because another asked.
 */
export type TabRole = 'claiming' | 'owner' | 'elsewhere' | 'taking-over' | 'handing-over';

export interface TabLeadershipOptions {
  /** One name per account (its address of record): different accounts never compete. */
  aor: string;
  /** navigator.locks; undefined where the browser lacks Web Locks (every tab then registers). */
  locks: LockManagerLike | undefined;
  openChannel(name: string): ChannelLike;
  /** Registers the account in this tab. */
  start(): void;
  /** Un-registers it; the next owner registers only after this resolves. */
  stop(): Promise<void>;
  /** Resolves when this tab has no live call: a hand-over never cuts a call. */
  whenNoLiveCall(): Promise<void>;
}

export interface TabLeadership {
  readonly role: StoreApi<TabRole>;
  /** "Use here": the owner tab un-registers, then this one registers. */
  takeOver(): void;
  dispose(): void;
}

const TAKE_OVER = 'take-over';

/**
 * One registered tab per account. The tab holding the Web Lock `tabphone:account:<aor>` registers;
 * a tab opened later finds the lock held and does not register the same binding again (the
 * instance id is shared by all tabs of a browser profile, so a second REGISTER would steal the
 * first tab's calls). "Use here" asks the owner over a BroadcastChannel to un-register and let go
 * of the lock, which the asking tab is already queued for.
 */
export function createTabLeadership(options: TabLeadershipOptions): TabLeadership {
  const role = createStore<TabRole>()(() => 'claiming');
  const name = `tabphone:account:${options.aor}`;
  const { locks } = options;
  if (!locks) {
    role.setState('owner', true);
    options.start();
    return { role, takeOver: () => undefined, dispose: () => undefined };
  }

  let release: (() => void) | undefined;
  let disposed = false;
  const own = (): Promise<void> | undefined => {
    // A take-over still queued when this phone stopped: the lock goes straight back.
    if (disposed) return undefined;
    role.setState('owner', true);
    options.start();
    return new Promise((resolve) => (release = resolve));
  };
  const handOver = async () => {
    role.setState('handing-over', true);
    await options.whenNoLiveCall();
    await options.stop();
    role.setState('elsewhere', true);
    release?.();
    release = undefined;
  };

  const channel = options.openChannel(name);
  channel.addEventListener('message', ({ data }) => {
    if (data === TAKE_OVER && role.getState() === 'owner') void handOver();
  });
  void locks.request(name, { ifAvailable: true }, (lock) => {
    if (lock === null) {
      role.setState('elsewhere', true);
      return;
    }
    return own();
  });

  return {
    role,
    takeOver() {
      if (role.getState() !== 'elsewhere') return;
      role.setState('taking-over', true);
      channel.postMessage(TAKE_OVER);
      void locks.request(name, {}, own);
    },
    dispose() {
      disposed = true;
      channel.close();
      release?.();
    },
  };
}
