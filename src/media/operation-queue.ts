/**
 * Runs asynchronous operations one at a time, in the order they were queued.
 *
 * An RTCPeerConnection must not see a second createOffer/setRemoteDescription while one is in
 * flight (JSEP §4.1: the signalling state would change under the first), and a re-INVITE can
 * arrive while our own offer is still being made. Each operation starts when the previous one has
 * settled, whether it succeeded or failed (at once when none is in flight); a failure reaches only
 * its own caller.
 */
export class OperationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Queues `operation`; the returned promise settles with its result. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    // With nothing in flight the operation starts now, not a microtask later behind whatever else
    // (a UI render) was queued meanwhile.
    const started = this.waiting === 0 ? startNow(operation) : this.tail.then(() => operation());
    this.waiting++;
    const result = started.finally(() => {
      this.waiting--;
    });
    // The chain must continue after a failure, without reporting it a second time.
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Operations queued or running. */
  get size(): number {
    return this.waiting;
  }
}

function startNow<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error);
  }
}
