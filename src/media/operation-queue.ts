/**
 * Runs asynchronous operations one at a time, in the order they were queued.
 *
 * An RTCPeerConnection must not see a second createOffer/setRemoteDescription while one is in
 * flight (JSEP §4.1: the signalling state would change under the first), and a re-INVITE can
 * arrive while our own offer is still being made. Each operation starts when the previous one has
 * settled, whether it succeeded or failed; a failure reaches only its own caller.
 */
export class OperationQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  /** Queues `operation`; the returned promise settles with its result. */
  run<T>(operation: () => Promise<T>): Promise<T> {
    this.waiting++;
    const result = this.tail.then(() => operation()).finally(() => {
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
