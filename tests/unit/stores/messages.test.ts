import { describe, expect, it } from 'vitest';
import { SipUri } from '../../../src/sip';
import {
  conversationTitle,
  createMessagesStore,
  deliveryText,
  peerKey,
  selectConversationList,
  selectConversationMessages,
  selectTotalUnread,
  type ChatMessage,
} from '../../../src/stores/messages';

const ACCOUNT = SipUri.parse('sip:1000@127.0.0.1');

function incoming(id: string, peer: string, time: number, body = `body ${id}`): ChatMessage {
  return { id, peer, direction: 'incoming', body, time, state: 'delivered' };
}

function outgoing(id: string, peer: string, time: number, state: ChatMessage['state'] = 'queued'): ChatMessage {
  return { id, peer, direction: 'outgoing', body: `body ${id}`, time, state };
}

describe('peerKey', () => {
  it('keys a peer in the account domain by user part, however it is written', () => {
    expect(peerKey('1001', ACCOUNT)).toBe('1001');
    expect(peerKey('sip:1001@127.0.0.1', ACCOUNT)).toBe('1001');
    expect(peerKey(' 1001@127.0.0.1 ', ACCOUNT)).toBe('1001');
    expect(peerKey('sip:1001@127.0.0.1;transport=ws', ACCOUNT)).toBe('1001');
  });

  it('keys a peer in another domain by its address of record', () => {
    expect(peerKey('bob@example.com', ACCOUNT)).toBe('sip:bob@example.com');
    expect(peerKey('sip:bob@example.com:5080;transport=tcp', ACCOUNT)).toBe('sip:bob@example.com');
  });

  it('gives no key for text that is no address', () => {
    expect(peerKey('', ACCOUNT)).toBeUndefined();
    expect(peerKey('not an address', ACCOUNT)).toBeUndefined();
  });
});

describe('the messages store', () => {
  it('counts a new incoming message as unread and creates its conversation with the display name', () => {
    const store = createMessagesStore();
    store.getState().putMessage(incoming('a', '1001', 1), 'Bob');
    expect(store.getState().conversations['1001']).toEqual({ peer: '1001', displayName: 'Bob', unread: 1 });
    expect(selectTotalUnread(store.getState())).toBe(1);
  });

  it('does not count a replaced message twice, nor our own messages', () => {
    const store = createMessagesStore();
    store.getState().putMessage(incoming('a', '1001', 1));
    store.getState().putMessage(incoming('a', '1001', 1));
    store.getState().putMessage(outgoing('b', '1001', 2));
    expect(store.getState().conversations['1001']?.unread).toBe(1);
  });

  it('marks a conversation read when it opens and counts nothing that arrives while it is open', () => {
    const store = createMessagesStore();
    store.getState().putMessage(incoming('a', '1001', 1));
    store.getState().putMessage(incoming('b', '1002', 2));
    store.getState().openConversation('1001');
    store.getState().putMessage(incoming('c', '1001', 3));
    expect(store.getState().conversations['1001']?.unread).toBe(0);
    expect(selectTotalUnread(store.getState())).toBe(1);
    store.getState().openConversation(undefined);
    store.getState().putMessage(incoming('d', '1001', 4));
    expect(store.getState().conversations['1001']?.unread).toBe(1);
  });

  it('creates an empty conversation when one is opened for a new peer', () => {
    const store = createMessagesStore();
    store.getState().openConversation('1009');
    expect(store.getState().openPeer).toBe('1009');
    expect(selectConversationList(store.getState())).toEqual([{ peer: '1009', unread: 0, last: undefined }]);
  });

  it('keeps what arrived before the saved messages were loaded when it hydrates', () => {
    const store = createMessagesStore();
    store.getState().putMessage(outgoing('a', '1001', 5, 'delivered'));
    store.getState().hydrate(
      [{ peer: '1001', unread: 3 }, { peer: '1002', unread: 1 }],
      [outgoing('a', '1001', 5, 'queued'), incoming('b', '1002', 1)],
    );
    const state = store.getState();
    expect(state.messages['a']?.state).toBe('delivered');
    expect(state.conversations['1001']?.unread).toBe(0);
    expect(state.conversations['1002']?.unread).toBe(1);
    expect(state.messages['b']?.body).toBe('body b');
  });
});

describe('the messages selectors', () => {
  it('lists conversations by their last message, the most recent first', () => {
    const store = createMessagesStore();
    store.getState().putMessage(incoming('a', '1001', 10));
    store.getState().putMessage(incoming('b', '1002', 20));
    store.getState().putMessage(outgoing('c', '1001', 30));
    const list = selectConversationList(store.getState());
    expect(list.map((c) => [c.peer, c.last?.id])).toEqual([
      ['1001', 'c'],
      ['1002', 'b'],
    ]);
  });

  it("gives a conversation's messages oldest first, and only that conversation's", () => {
    const store = createMessagesStore();
    store.getState().putMessage(outgoing('late', '1001', 30));
    store.getState().putMessage(incoming('other', '1002', 20));
    store.getState().putMessage(incoming('early', '1001', 10));
    expect(selectConversationMessages(store.getState(), '1001').map((m) => m.id)).toEqual(['early', 'late']);
  });

  it('says what happened to each of our messages and nothing under theirs', () => {
    expect(deliveryText(outgoing('a', '1001', 1, 'queued'))).toBe('Queued');
    expect(deliveryText(outgoing('a', '1001', 1, 'sending'))).toBe('Sent');
    expect(deliveryText(outgoing('a', '1001', 1, 'delivered'))).toBe('Delivered');
    expect(deliveryText(outgoing('a', '1001', 1, 'failed'))).toBe('Failed');
    expect(deliveryText(incoming('a', '1001', 1))).toBeUndefined();
  });

  it('titles a conversation by the address book name, else the name the peer sent, else the peer', () => {
    const conversation = { peer: '1001', displayName: 'Robert', unread: 0 };
    expect(conversationTitle(conversation, 'Bob')).toBe('Bob');
    expect(conversationTitle(conversation)).toBe('Robert');
    expect(conversationTitle({ peer: '1001', unread: 0 })).toBe('1001');
  });
});
