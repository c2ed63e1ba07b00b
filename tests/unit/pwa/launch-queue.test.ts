import { describe, expect, it } from 'vitest';
import { consumeLaunches, type LaunchQueueLike } from '../../../src/pwa/launch-queue';

class FakeLaunchQueue implements LaunchQueueLike {
  private consumer: ((params: { targetURL?: string | null }) => void) | undefined;
  setConsumer(consumer: (params: { targetURL?: string | null }) => void): void {
    this.consumer = consumer;
  }
  launch(targetURL: string | null): void {
    this.consumer?.({ targetURL });
  }
}

const PAGE = 'http://127.0.0.1:8080/?dial=sip%3A1001%40127.0.0.1';

describe('the launch queue', () => {
  it('skips the launch that opened the page, then hands on each later one', () => {
    const queue = new FakeLaunchQueue();
    const seen: string[] = [];
    consumeLaunches(queue, PAGE, (search) => seen.push(search));
    queue.launch(PAGE);
    queue.launch('http://127.0.0.1:8080/?dial=tel%3A1002');
    queue.launch(PAGE);
    expect(seen).toEqual(['?dial=tel%3A1002', '?dial=sip%3A1001%40127.0.0.1']);
  });

  it('hands on a first launch that is not the page itself, and ignores launches without a URL', () => {
    const queue = new FakeLaunchQueue();
    const seen: string[] = [];
    consumeLaunches(queue, 'http://127.0.0.1:8080/', (search) => seen.push(search));
    queue.launch(null);
    queue.launch('http://127.0.0.1:8080/?screen=history');
    expect(seen).toEqual(['?screen=history']);
  });

  it('does nothing in a browser without a launch queue', () => {
    expect(() => consumeLaunches(undefined, PAGE, () => undefined)).not.toThrow();
  });
});
