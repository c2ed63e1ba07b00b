import { describe, expect, it } from 'vitest';
import { createTypingNotices, type TypingAgent } from '../../../src/services/typing-notices';
import { IS_COMPOSING_TYPE, parseIsComposing, SipUri, type MessageOutcome, type UserAgentEvents } from '../../../src/sip';
import { Emitter } from '../../../src/sip/util/emitter';
import { createMessagesStore } from '../../../src/stores/messages';
import { FakeClock } from '../support/fake-clock';

const ACCOUNT = SipUri.parse('sip:1000@127.0.0.1');
const quiet = { log: () => {} };

/** Records each isComposing MESSAGE; each is answered with `answer` (200 unless told). */
class FakeAgent extends Emitter<UserAgentEvents> implements TypingAgent {
  sent: { target: string; state: string | undefined }[] = [];
  answer: MessageOutcome = { delivered: true, status: 200, reason: 'OK' };

  sendMessage(target: string, body: string, contentType: string) {
    expect(contentType).toBe(IS_COMPOSING_TYPE);
    this.sent.push({ target, state: parseIsComposing(body)?.state });
    return { done: Promise.resolve(this.answer) };
  }

  notice(user: string, state: 'active' | 'idle', refresh = 120) {
    this.safeEmit('composing', { from: { uri: `sip:${user}@127.0.0.1`, user }, state, refresh, receivedAt: 0 });
  }

  message(user: string) {
    this.safeEmit('message', { from: { uri: `sip:${user}@127.0.0.1`, user }, body: 'hi', contentType: 'text/plain', receivedAt: 0 } as never);
  }
}

function setUp() {
  const agent = new FakeAgent();
  const store = createMessagesStore();
  const clock = new FakeClock();
  const typing = createTypingNotices({ agent, store, account: ACCOUNT, timers: clock, logger: quiet });
  return { agent, store, clock, typing };
}

describe('typing notices (RFC 3994)', () => {
  it('shows a peer typing until it goes idle, sends its message, or lets the refresh lapse', () => {
    const { agent, store, clock } = setUp();
    agent.notice('1001', 'active');
    expect(store.getState().typing).toEqual({ '1001': true });
    agent.notice('1001', 'idle');
    expect(store.getState().typing).toEqual({});

    agent.notice('1001', 'active');
    agent.message('1001');
    expect(store.getState().typing).toEqual({});

    agent.notice('1001', 'active', 60);
    clock.advance(59_999);
    expect(store.getState().typing).toEqual({ '1001': true });
    agent.notice('1001', 'active', 60); // refreshed: a new 60 s
    clock.advance(59_999);
    expect(store.getState().typing).toEqual({ '1001': true });
    clock.advance(1);
    expect(store.getState().typing).toEqual({});
  });

  it('sends active on the first keystroke, refreshes it after 90 s of typing, and idle after 15 s without one', () => {
    const { agent, clock, typing } = setUp();
    typing.typed('1001');
    typing.typed('1001');
    expect(agent.sent).toEqual([{ target: '1001', state: 'active' }]);
    for (let i = 0; i < 10; i++) {
      clock.advance(10_000);
      typing.typed('1001');
    }
    expect(agent.sent.map((s) => s.state)).toEqual(['active', 'active']);
    clock.advance(14_999);
    expect(agent.sent).toHaveLength(2);
    clock.advance(1);
    expect(agent.sent.at(-1)).toEqual({ target: '1001', state: 'idle' });
  });

  it('sends no idle once the message itself went out', () => {
    const { agent, clock, typing } = setUp();
    typing.typed('1001');
    typing.sent('1001');
    clock.advance(60_000);
    expect(agent.sent.map((s) => s.state)).toEqual(['active']);
  });

  it('stops sending notices to a peer that refuses them, but not to one that is only offline', async () => {
    const { agent, clock, typing } = setUp();
    agent.answer = { delivered: false, cause: 'rejected', status: 480, reason: 'Temporarily Unavailable', message: 'offline' };
    typing.typed('1001');
    await Promise.resolve();
    clock.advance(15_000);
    agent.answer = { delivered: false, cause: 'rejected', status: 415, reason: 'Unsupported Media Type', message: 'refused' };
    typing.typed('1001');
    await Promise.resolve();
    clock.advance(15_000);
    typing.typed('1001');
    expect(agent.sent.map((s) => s.state)).toEqual(['active', 'idle', 'active', 'idle']);
  });

  it('forgets every timer when disposed', () => {
    const { agent, store, clock, typing } = setUp();
    agent.notice('1002', 'active');
    typing.typed('1002');
    typing.dispose();
    expect(store.getState().typing).toEqual({});
    clock.advance(200_000);
    expect(agent.sent).toHaveLength(1);
  });
});
