import { describe, expect, it } from 'vitest';
import { OperationQueue } from '../../../src/media/operation-queue';

/** A promise the test settles by hand. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

async function flush(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

describe('OperationQueue', () => {
  it('starts an operation only after the previous one has settled', async () => {
    const queue = new OperationQueue();
    const log: string[] = [];
    const first = deferred<string>();
    const a = queue.run(async () => {
      log.push('a start');
      const value = await first.promise;
      log.push('a end');
      return value;
    });
    const b = queue.run(async () => {
      log.push('b start');
      return 'b';
    });
    await flush();
    expect(log).toEqual(['a start']);
    first.resolve('a');
    expect(await a).toBe('a');
    expect(await b).toBe('b');
    expect(log).toEqual(['a start', 'a end', 'b start']);
  });

  it('starts an operation at once when none is in flight, and queues one behind another', async () => {
    const queue = new OperationQueue();
    const log: string[] = [];
    const gate = deferred<void>();
    const a = queue.run(async () => {
      log.push('a');
      await gate.promise;
    });
    expect(log).toEqual(['a']);
    const b = queue.run(async () => void log.push('b'));
    await flush();
    expect(log).toEqual(['a']);
    gate.resolve();
    await Promise.all([a, b]);
    queue.run(async () => void log.push('c')).catch(() => undefined);
    expect(log).toEqual(['a', 'b', 'c']);
  });

  it('runs operations in the order they were queued', async () => {
    const queue = new OperationQueue();
    const order: number[] = [];
    await Promise.all([1, 2, 3, 4].map((n) => queue.run(async () => void order.push(n))));
    expect(order).toEqual([1, 2, 3, 4]);
  });

  it('rejects only the failing operation and goes on with the next', async () => {
    const queue = new OperationQueue();
    const failing = queue.run(async () => {
      throw new Error('boom');
    });
    const next = queue.run(async () => 'next');
    await expect(failing).rejects.toThrow('boom');
    expect(await next).toBe('next');
  });

  it('turns an operation that throws synchronously into a rejection', async () => {
    const queue = new OperationQueue();
    const failing = queue.run((() => {
      throw new Error('sync');
    }) as () => Promise<void>);
    await expect(failing).rejects.toThrow('sync');
    expect(await queue.run(async () => 1)).toBe(1);
  });

  it('counts queued and running operations', async () => {
    const queue = new OperationQueue();
    const gate = deferred<void>();
    const a = queue.run(() => gate.promise);
    const b = queue.run(async () => undefined);
    expect(queue.size).toBe(2);
    gate.resolve();
    await Promise.all([a, b]);
    expect(queue.size).toBe(0);
  });
});
