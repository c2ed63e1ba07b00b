import type { ChannelLike, LockManagerLike } from '../../../src/pwa/tab-leadership';

interface Holder {
  abort(): void;
}

/** Web Locks of one browser profile, shared by the fake tabs: exclusive locks, granted in order, stealable. */
export class FakeLocks implements LockManagerLike {
  private readonly holders = new Map<string, Holder>();
  private readonly queues = new Map<string, (() => void)[]>();

  isHeld(name: string): boolean {
    return this.holders.has(name);
  }

  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<void> | void,
  ): Promise<unknown> {
    if (this.holders.has(name) && options.ifAvailable) return Promise.resolve(callback(null));
    return new Promise((resolve, reject) => {
      const grant = () => {
        let done = false;
        const holder: Holder = {
          abort: () => {
            done = true;
            reject(new DOMException('The lock was stolen', 'AbortError'));
          },
        };
        this.holders.set(name, holder);
        Promise.resolve(callback({ name }))
          .then(resolve, reject)
          .finally(() => {
            // A stolen holder's late release must not free the thief's lock.
            if (done || this.holders.get(name) !== holder) return;
            this.holders.delete(name);
            this.queues.get(name)?.shift()?.();
          });
      };
      if (options.steal) {
        this.holders.get(name)?.abort();
        grant();
      } else if (this.holders.has(name)) this.queues.set(name, [...(this.queues.get(name) ?? []), grant]);
      else grant();
    });
  }
}

/** BroadcastChannels of one origin: a message reaches every other channel of the same name, later. */
export class FakeChannels {
  private readonly open = new Set<{ name: string; listeners: ((event: { data: unknown }) => void)[] }>();

  channel(name: string): ChannelLike {
    const entry = { name, listeners: [] as ((event: { data: unknown }) => void)[] };
    this.open.add(entry);
    return {
      postMessage: (data) => {
        for (const other of this.open) {
          if (other === entry || other.name !== name) continue;
          setTimeout(() => other.listeners.forEach((listener) => listener({ data })), 0);
        }
      },
      addEventListener: (_type, listener) => void entry.listeners.push(listener),
      close: () => void this.open.delete(entry),
    };
  }
}
