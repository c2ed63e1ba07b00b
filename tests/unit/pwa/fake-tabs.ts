import type { ChannelLike, LockManagerLike } from '../../../src/pwa/tab-leadership';

/** Web Locks of one browser profile, shared by the fake tabs: exclusive locks granted in order. */
export class FakeLocks implements LockManagerLike {
  private readonly held = new Set<string>();
  private readonly queues = new Map<string, (() => void)[]>();

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  request(name: string, options: { ifAvailable?: boolean }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown> {
    if (this.held.has(name) && options.ifAvailable) return Promise.resolve(callback(null));
    return new Promise((resolve, reject) => {
      const grant = () => {
        this.held.add(name);
        Promise.resolve(callback({ name }))
          .then(resolve, reject)
          .finally(() => {
            this.held.delete(name);
            this.queues.get(name)?.shift()?.();
          });
      };
      if (this.held.has(name)) this.queues.set(name, [...(this.queues.get(name) ?? []), grant]);
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
