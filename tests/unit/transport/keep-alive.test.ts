import { describe, it, expect } from 'vitest';
import { CrlfKeepAlive, keepAliveKind } from '../../../src/sip/transport/keep-alive';
import type { Random } from '../../../src/sip/ports';
import { FakeClock, seededRandom } from '../support/fake-clock';

/** Every draw at the bottom of its range: pings come at exactly 80% of the interval. */
const lowest: Random = { bytes: (n) => new Uint8Array(n) };

describe('keepAliveKind', () => {
  it('tells a double-CRLF ping from a single-CRLF pong', () => {
    expect(keepAliveKind('\r\n\r\n')).toBe('ping');
    expect(keepAliveKind('\r\n')).toBe('pong');
    expect(keepAliveKind('\r\n\r\n\r\n')).toBe('ping');
    expect(keepAliveKind('\n')).toBe('pong');
  });

  it('does not take a SIP message, even one that starts with CRLF, for a keep-alive', () => {
    expect(keepAliveKind('\r\nOPTIONS sip:a@b SIP/2.0\r\n\r\n')).toBeUndefined();
    expect(keepAliveKind('')).toBeUndefined();
  });
});

describe('CrlfKeepAlive', () => {
  function harness(interval = 1_000, pongTimeout = 300, random: Random = seededRandom(5)) {
    const clock = new FakeClock();
    const log: string[] = [];
    const keepAlive = new CrlfKeepAlive({
      timers: clock,
      random,
      interval,
      pongTimeout,
      sendPing: () => log.push(`ping@${clock.now()}`),
      onDead: () => log.push(`dead@${clock.now()}`),
    });
    return { clock, log, keepAlive };
  }

  it('declares the flow dead once, pongTimeout after an unanswered ping', () => {
    const { clock, log, keepAlive } = harness();
    keepAlive.start();
    clock.advance(1_000);
    expect(log).toHaveLength(1);
    const pingAt = Number(log[0]!.split('@')[1]);
    clock.advance(10_000);
    expect(log).toEqual([`ping@${pingAt}`, `dead@${pingAt + 300}`]);
    expect(clock.pendingCount).toBe(0);
  });

  it('leaves no timer behind after stop()', () => {
    const { clock, log, keepAlive } = harness();
    keepAlive.start();
    clock.advance(1_000);
    keepAlive.stop();
    expect(clock.pendingCount).toBe(0);
    clock.advance(10_000);
    expect(log).toHaveLength(1);
  });

  it('waits for the outstanding pong before using a changed interval', () => {
    const { clock, log, keepAlive } = harness(1_000, 300, lowest);
    keepAlive.start();
    clock.advance(800);
    expect(log).toEqual(['ping@800']);
    keepAlive.changeInterval(100_000);
    clock.advance(299);
    keepAlive.pongReceived();
    clock.advance(80_000);
    expect(log).toEqual(['ping@800', 'ping@81099']);
  });
});
