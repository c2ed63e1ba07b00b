import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMessageService, notifyWhenHidden, type MessageNotice, type MessageServiceAgent } from '../../../src/services/message-service';
import { createMemoryMessageRepository, type MessageRepository } from '../../../src/services/persistence/message-repository';
import {
  SipUri,
  type IncomingMessage,
  type MessageAttempt,
  type MessageOutcome,
  type OutboxEntry,
  type RegistrationState,
  type UserAgentEvents,
} from '../../../src/sip';
import { Emitter } from '../../../src/sip/util/emitter';
import { createMessagesStore, selectConversationMessages, selectTotalUnread } from '../../../src/stores/messages';
import { seededRandom } from '../support/fake-clock';

interface Sent {
  target: string;
  body: string;
  resend: MessageAttempt | undefined;
  answer(outcome: MessageOutcome): void;
}

const DELIVERED: MessageOutcome = { delivered: true, status: 200, reason: 'OK' };
const NOT_ONLINE: MessageOutcome = { delivered: false, cause: 'rejected', status: 480, reason: 'Temporarily Unavailable', message: 'Not delivered: user 1001 is not online (480)' };
const LOST: MessageOutcome = { delivered: false, cause: 'transport', message: 'Not delivered: the connection to the server was lost' };

/** The slice of UserAgent the service uses; the test registers it and answers each MESSAGE by hand. */
class FakeAgent extends Emitter<UserAgentEvents> implements MessageServiceAgent {
  registrationState: RegistrationState = 'unregistered';
  readonly sent: Sent[] = [];
  private cseq = 1;

  sendMessage(target: string, body: string, _contentType: string, resend?: MessageAttempt) {
    let answer!: (outcome: MessageOutcome) => void;
    const done = new Promise<MessageOutcome>((resolve) => (answer = resolve));
    this.sent.push({ target, body, resend, answer });
    return { attempt: resend ?? { callId: `call-${this.cseq}`, fromTag: 'tag', cseq: this.cseq++ }, done };
  }

  register(state: RegistrationState): void {
    this.registrationState = state;
    this.safeEmit('registration', state);
  }

  receive(message: Partial<IncomingMessage> & Pick<IncomingMessage, 'from' | 'body'>): void {
    this.safeEmit('message', { contentType: 'text/plain', receivedAt: 0, callId: 'x', ...message });
  }
}

/** Lets the service's promise callbacks (outcomes, loads, writes) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(repository: MessageRepository = createMemoryMessageRepository()) {
  const agent = new FakeAgent();
  const store = createMessagesStore();
  const notices: MessageNotice[] = [];
  let clock = 1_000;
  const service = createMessageService({
    agent,
    store,
    repository,
    account: SipUri.parse('sip:1000@127.0.0.1'),
    random: seededRandom(),
    now: () => clock++,
    notify: (notice) => notices.push(notice),
    logger: { log() {} },
  });
  return { agent, store, repository, service, notices };
}

describe('the message service', () => {
  it('stores an incoming message under the sender\'s user part, unread, saved, and notifies', async () => {
    const { agent, store, repository, service, notices } = setup();
    await service.ready;
    agent.receive({ from: { uri: 'sip:1001@127.0.0.1', user: '1001', displayName: 'Bob' }, body: 'hi' });
    expect(selectConversationMessages(store.getState(), '1001').map((m) => [m.direction, m.body, m.state])).toEqual([['incoming', 'hi', 'delivered']]);
    expect(selectTotalUnread(store.getState())).toBe(1);
    expect(notices).toEqual([{ peer: '1001', title: 'Bob', body: 'hi' }]);
    await settle();
    const saved = await repository.load();
    expect(saved.messages.map((m) => m.body)).toEqual(['hi']);
    expect(saved.conversations).toEqual([{ peer: '1001', displayName: 'Bob', unread: 1 }]);
  });

  it('marks a conversation read when it is opened, and saves that', async () => {
    const { agent, store, repository, service } = setup();
    await service.ready;
    agent.receive({ from: { uri: 'sip:1001@127.0.0.1', user: '1001' }, body: 'hi' });
    service.openConversation('1001');
    expect(selectTotalUnread(store.getState())).toBe(0);
    await settle();
    expect((await repository.load()).conversations).toEqual([{ peer: '1001', unread: 0 }]);
  });

  it('queues messages written while unregistered and sends them in order, one at a time, once registered', async () => {
    const { agent, store, repository, service } = setup();
    await service.ready;
    expect(service.send('sip:1001@127.0.0.1', 'first')).toEqual({ ok: true, peer: '1001' });
    service.send('1001', 'second');
    expect(agent.sent).toEqual([]);
    expect(selectConversationMessages(store.getState(), '1001').map((m) => m.state)).toEqual(['queued', 'queued']);

    agent.register('registered');
    expect(agent.sent.map((s) => [s.target, s.body])).toEqual([['1001', 'first']]);
    expect(selectConversationMessages(store.getState(), '1001').map((m) => m.state)).toEqual(['sending', 'queued']);
    agent.sent[0]!.answer(DELIVERED);
    await settle();
    expect(agent.sent.map((s) => s.body)).toEqual(['first', 'second']);
    agent.sent[1]!.answer({ delivered: true, status: 202, reason: 'Accepted' });
    await settle();
    expect(selectConversationMessages(store.getState(), '1001').map((m) => m.state)).toEqual(['delivered', 'delivered']);
    const saved = await repository.load();
    expect(saved.outbox).toEqual([]);
    expect(saved.messages.map((m) => m.state)).toEqual(['delivered', 'delivered']);
  });

  it('keeps a failed message with the reason, and sends it again on retry', async () => {
    const { agent, store, service } = setup();
    await service.ready;
    agent.register('registered');
    service.send('1001', 'hello');
    agent.sent[0]!.answer(NOT_ONLINE);
    await settle();
    const [failed] = selectConversationMessages(store.getState(), '1001');
    expect(failed).toMatchObject({ state: 'failed', failure: 'Not delivered: user 1001 is not online (480)' });

    expect(service.retry(failed!.id)).toBe(true);
    expect(agent.sent.map((s) => s.body)).toEqual(['hello', 'hello']);
    agent.sent[1]!.answer(DELIVERED);
    await settle();
    expect(store.getState().messages[failed!.id]).not.toHaveProperty('failure');
    expect(store.getState().messages[failed!.id]?.state).toBe('delivered');
    expect(service.retry(failed!.id)).toBe(false);
  });

  it('saves the outbox so a new page sends what the last one left, in order, with the same SIP identity', async () => {
    const repository = createMemoryMessageRepository();
    const before = setup(repository);
    await before.service.ready;
    before.agent.register('registered');
    before.service.send('1001', 'in flight');
    before.service.send('1002', 'waiting');
    before.service.send('1001', 'behind it');
    expect(before.agent.sent.map((s) => s.body)).toEqual(['in flight', 'waiting']);
    before.agent.sent[1]!.answer(DELIVERED);
    await settle();
    // The page goes away with 'in flight' unanswered.
    before.service.dispose();
    const firstAttempt = (await repository.load()).outbox[0]?.entry.attempt;

    const after = setup(repository);
    await after.service.ready;
    expect(selectConversationMessages(after.store.getState(), '1001').map((m) => [m.body, m.state])).toEqual([
      ['in flight', 'queued'],
      ['behind it', 'queued'],
    ]);
    after.agent.register('registered');
    expect(after.agent.sent.map((s) => [s.body, s.resend])).toEqual([['in flight', firstAttempt]]);
    after.agent.sent[0]!.answer(DELIVERED);
    await settle();
    expect(after.agent.sent.map((s) => s.body)).toEqual(['in flight', 'behind it']);
    after.agent.sent[1]!.answer(DELIVERED);
    await settle();
    expect((await repository.load()).outbox).toEqual([]);
  });

  it('puts a message the lost connection took back in the queue and sends it again once registered', async () => {
    const { agent, store, service } = setup();
    await service.ready;
    agent.register('registered');
    service.send('1001', 'hello');
    agent.register('unregistered');
    agent.sent[0]!.answer(LOST);
    await settle();
    expect(selectConversationMessages(store.getState(), '1001').map((m) => m.state)).toEqual(['queued']);
    agent.register('registered');
    expect(agent.sent.map((s) => s.resend)).toEqual([undefined, { callId: 'call-1', fromTag: 'tag', cseq: 1 }]);
  });

  it('refuses an empty message or a target that is no address, and queues nothing', async () => {
    const { agent, store, service } = setup();
    await service.ready;
    agent.register('registered');
    expect(service.send('1001', '  ')).toEqual({ ok: false, problem: 'Type a message first' });
    expect(service.send('not an address', 'hi').ok).toBe(false);
    expect(service.conversationFor('')).toEqual({ ok: false, problem: 'Enter a number or SIP URI' });
    expect(agent.sent).toEqual([]);
    expect(store.getState().messages).toEqual({});
  });

  it('restores saved entries ahead of what was sent before the load finished', async () => {
    const saved: OutboxEntry = { id: 'old', target: '1001', body: 'older', contentType: 'text/plain;charset=utf-8', state: 'queued' };
    const repository = createMemoryMessageRepository();
    await repository.putMessage({ id: 'old', peer: '1001', direction: 'outgoing', body: 'older', time: 1, state: 'queued' });
    await repository.putOutboxEntry({ id: 'old', seq: 1, entry: saved });
    const { agent, service } = setup(repository);
    service.send('1001', 'newer');
    await service.ready;
    agent.register('registered');
    expect(agent.sent.map((s) => s.body)).toEqual(['older']);
  });
});

describe('the message notification', () => {
  afterEach(() => vi.unstubAllGlobals());

  /** A browser whose window is hidden (or not) and whose notifications are allowed. */
  function browser(hidden: boolean) {
    const shown: { title: string; options: NotificationOptions; onclick: (() => void) | null; closed: boolean }[] = [];
    vi.stubGlobal('document', { hidden });
    vi.stubGlobal('window', { focus: vi.fn() });
    vi.stubGlobal(
      'Notification',
      class {
        static permission = 'granted';
        onclick: (() => void) | null = null;
        closed = false;
        constructor(
          readonly title: string,
          readonly options: NotificationOptions,
        ) {
          shown.push(this);
        }
        close() {
          this.closed = true;
        }
      },
    );
    return shown;
  }

  it('shows one per conversation while the window is hidden; a click brings the window and the conversation forward', () => {
    const shown = browser(true);
    const open = vi.fn();
    notifyWhenHidden({ peer: '1001', title: 'Bob', body: 'hi' }, open);
    expect(shown.map((n) => [n.title, n.options])).toEqual([['Bob', { body: 'hi', tag: 'message:1001' }]]);
    shown[0]!.onclick?.();
    expect(window.focus).toHaveBeenCalled();
    expect(open).toHaveBeenCalledOnce();
    expect(shown[0]!.closed).toBe(true);
  });

  it('shows nothing while the window is in view', () => {
    const shown = browser(false);
    notifyWhenHidden({ peer: '1001', title: 'Bob', body: 'hi' }, () => {});
    expect(shown).toEqual([]);
  });
});
