import { createStore, type StoreApi } from 'zustand/vanilla';

/** The part of navigator.locks (Web Locks API) used here. */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown>;
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
  /** Tells this tab's messages apart from other tabs' (crypto.randomUUID). */
  tabId: string;
  /** Registers the account in this tab. */
  start(): void;
  /** Un-registers it; the next owner registers only after this resolves. */
  stop(): Promise<void>;
  /** Resolves when this tab has no live call: a hand-over never cuts a call. */
  whenNoLiveCall(): Promise<void>;
  /** Resolves after `ms` (setTimeout). */
  sleep(ms: number): Promise<void>;
}

export interface TabLeadership {
  readonly role: StoreApi<TabRole>;
  /** "Use here": the owner tab un-registers, then this one registers. */
  takeOver(): void;
  dispose(): void;
}

/** How long a tab that handed over keeps the lock for the asking tab to steal (it may have closed). */
export const HAND_OVER_MS = 5_000;

type Message = { type: 'take-over'; from: string } | { type: 'handed-over'; to: string };

function asMessage(data: unknown): Message | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, from, to } = data as Record<string, unknown>;
  if (type === 'take-over' && typeof from === 'string') return { type, from };
  if (type === 'handed-over' && typeof to === 'string') return { type, to };
  return undefined;
}

/**
 * One registered tab per account. The tab holding the Web Lock `tabphone:account:<aor>` registers;
 * a tab opened later finds the lock held and does not register the same binding again (all tabs
 * of a browser profile share one instance id, so a second REGISTER would take the first tab's
 * calls). The other tabs wait in the lock's queue: when the owner closes, the next one registers.
 *
 * "Use here" asks the owner over a BroadcastChannel to let go. The owner waits for its calls to
 * end, un-registers, and answers; only then does the asking tab steal the lock and register, so
 * the PBX never holds both bindings and no other waiting tab jumps in between.
 */
export function createTabLeadership(options: TabLeadershipOptions): TabLeadership {
  const role = createStore<TabRole>()(() => 'claiming');
  const name = `tabphone:account:${options.aor}`;
  const { locks, tabId } = options;
  if (!locks) {
    role.setState('owner', true);
    options.start();
    return { role, takeOver: () => undefined, dispose: () => undefined };
  }

  let release: (() => void) | undefined;
  let disposed = false;
  let queued = false;

  const own = (): Promise<void> | undefined => {
    // A grant that arrives after this phone stopped (or while it already owns) goes straight back.
    if (disposed || role.getState() === 'owner') return undefined;
    role.setState('owner', true);
    options.start();
    return new Promise((resolve) => (release = resolve));
  };
  /** Holds the lock until released; a steal by another tab ends it early. */
  const hold = (request: Promise<unknown>) => {
    request.catch(() => {
      // Stolen: after a hand-over this tab is already 'elsewhere'; otherwise it lost the lock
      // to a tab that took over unasked, and must not stay registered beside it.
      if (disposed) return;
      if (role.getState() === 'owner') void options.stop();
      role.setState('elsewhere', true);
      wait();
    });
  };
  /** Queues for the lock: granted when the owner closes or stops. */
  const wait = () => {
    if (queued || disposed) return;
    queued = true;
    hold(
      locks.request(name, {}, () => {
        queued = false;
        return own();
      }),
    );
  };
  const handOver = async (to: string) => {
    const letGo = release;
    role.setState('handing-over', true);
    await options.whenNoLiveCall();
    await options.stop();
    role.setState('elsewhere', true);
    // The lock stays held for the asking tab to steal, so no other queued tab gets it first;
    // if that tab has gone meanwhile, the lock goes to the queue after a while.
    channel.postMessage({ type: 'handed-over', to } satisfies Message);
    await options.sleep(HAND_OVER_MS);
    letGo?.();
    wait();
  };

  const channel = options.openChannel(name);
  channel.addEventListener('message', ({ data }) => {
    const message = asMessage(data);
    if (message?.type === 'take-over' && role.getState() === 'owner') void handOver(message.from);
    else if (message?.type === 'handed-over' && role.getState() === 'taking-over') {
      if (message.to === tabId) hold(locks.request(name, { steal: true }, own));
      else role.setState('elsewhere', true);
    }
  });
  hold(
    locks.request(name, { ifAvailable: true }, (lock) => {
      if (lock !== null) return own();
      role.setState('elsewhere', true);
      wait();
      return undefined;
    }),
  );

  return {
    role,
    takeOver() {
      if (role.getState() !== 'elsewhere') return;
      role.setState('taking-over', true);
      channel.postMessage({ type: 'take-over', from: tabId } satisfies Message);
    },
    dispose() {
      disposed = true;
      channel.close();
      release?.();
    },
  };
}
