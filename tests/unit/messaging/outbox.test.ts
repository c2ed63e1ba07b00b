import { describe, expect, it } from 'vitest';
import { Outbox, SipRequest, type OutboxEntry, type SipMessage } from '../../../src/sip';
import { elapse, settle } from '../call/call-harness';
import { seededRandom } from '../support/fake-clock';
import { texterOn, twoTexters, type Texter } from './messaging-harness';

/** An outbox over `phone`'s user agent, with every change it announced as "id state". */
function outboxOf(phone: Texter) {
  const outbox = new Outbox({ agent: phone.ua, random: seededRandom(7) });
  const changes: OutboxEntry[] = [];
  outbox.on('change', (entry) => changes.push(entry));
  const states = (id: string) => changes.filter((e) => e.id === id).map((e) => e.state);
  return { outbox, changes, states };
}

function isResponseToMessage(message: SipMessage, status: number): boolean {
  return !(message instanceof SipRequest) && message.cseq.method === 'MESSAGE' && message.status === status;
}

/** Lets the severed UA reconnect (back-off of 2 s and jitter) and register again. */
const RECONNECT = 6_000;

describe('the outbox', () => {
  it('sends a message at once when registered and drops it once delivered', async () => {
    const { clock, alice, bob } = await twoTexters();
    const { outbox, states } = outboxOf(alice);
    const entry = outbox.send('1001', 'straight through');
    expect(entry.state).toBe('queued');
    await settle(clock);
    expect(states(entry.id)).toEqual(['queued', 'sending', 'delivered']);
    expect(outbox.entries).toEqual([]);
    expect(bob.inbox.map((m) => m.body)).toEqual(['straight through']);
  });

  it('queues messages while unregistered and sends them in order once registered again', async () => {
    const { clock, pbx, alice, bob } = await twoTexters();
    const { outbox, states } = outboxOf(alice);
    pbx.sever('1000');
    await settle(clock);
    expect(alice.ua.registrationState).toBe('failed');
    const sent = ['one', 'two', 'three'].map((text) => outbox.send('1001', text));
    await settle(clock);
    expect(outbox.entries.map((e) => e.state)).toEqual(['queued', 'queued', 'queued']);
    expect(pbx.requests('MESSAGE')).toHaveLength(0);
    await elapse(clock, RECONNECT);
    expect(alice.ua.registrationState).toBe('registered');
    expect(bob.inbox.map((m) => m.body)).toEqual(['one', 'two', 'three']);
    expect(pbx.requests('MESSAGE')).toHaveLength(3);
    for (const entry of sent) expect(states(entry.id)).toEqual(['queued', 'sending', 'delivered']);
  });

  it('keeps one message in flight per target, so a slow one holds back only its own target', async () => {
    const { clock, pbx, alice } = await twoTexters();
    const carol = texterOn(pbx, clock, '1002');
    await settle(clock);
    pbx.latency = 50;
    const { outbox } = outboxOf(alice);
    outbox.send('1001', 'b1');
    outbox.send('1001', 'b2');
    outbox.send('1002', 'c1');
    await settle(clock);
    expect(pbx.requests('MESSAGE').map((r) => r.body)).toEqual(['b1', 'c1']);
    await elapse(clock, 200, 50);
    expect(pbx.requests('MESSAGE').map((r) => r.body)).toEqual(['b1', 'c1', 'b2']);
    expect(carol.inbox.map((m) => m.body)).toEqual(['c1']);
  });

  it('resends with the same Call-ID and CSeq after the connection drops before the 200, and the receiver shows it once', async () => {
    const { clock, pbx, alice, bob } = await twoTexters();
    const { outbox, states } = outboxOf(alice);
    let lost = false;
    pbx.filter = (message) => {
      if (lost || !isResponseToMessage(message, 200)) return 'deliver';
      lost = true;
      // The 200 is on the wire when the flow breaks.
      clock.setTimeout(() => pbx.sever('1000'), 0);
      return 'drop';
    };
    const entry = outbox.send('1001', 'exactly once');
    await settle(clock);
    expect(bob.inbox).toHaveLength(1);
    expect(outbox.entries.map((e) => e.state)).toEqual(['queued']);
    await elapse(clock, RECONNECT);
    const [first, resent] = pbx.requests('MESSAGE');
    expect(resent!.callId).toBe(first!.callId);
    expect(resent!.cseq.seq).toBe(first!.cseq.seq);
    expect(resent!.from.tag).toBe(first!.from.tag);
    expect(states(entry.id)).toEqual(['queued', 'sending', 'queued', 'sending', 'delivered']);
    expect(bob.inbox.map((m) => m.body)).toEqual(['exactly once']);
  });

  it('does not resend a message whose 200 arrived just before the connection dropped', async () => {
    const { clock, pbx, alice, bob } = await twoTexters();
    const { outbox, states } = outboxOf(alice);
    const entry = outbox.send('1001', 'just in time');
    await settle(clock);
    pbx.sever('1000');
    await elapse(clock, RECONNECT);
    expect(states(entry.id)).toEqual(['queued', 'sending', 'delivered']);
    expect(pbx.requests('MESSAGE')).toHaveLength(1);
    expect(bob.inbox).toHaveLength(1);
  });

  it('keeps a rejected message failed, even across re-registration, until retry(id)', async () => {
    const { clock, pbx, alice } = await twoTexters();
    const { outbox, states } = outboxOf(alice);
    const entry = outbox.send('1005', 'wake up');
    await settle(clock);
    expect(outbox.entries).toMatchObject([{ id: entry.id, state: 'failed', failure: { status: 480, message: 'Not delivered: user 1005 is not online (480)' } }]);
    pbx.sever('1000');
    await elapse(clock, RECONNECT);
    expect(alice.ua.registrationState).toBe('registered');
    expect(pbx.requests('MESSAGE')).toHaveLength(1);
    const dave = texterOn(pbx, clock, '1005');
    await settle(clock);
    expect(outbox.retry(entry.id)).toBe(true);
    await settle(clock);
    expect(states(entry.id)).toEqual(['queued', 'sending', 'failed', 'queued', 'sending', 'delivered']);
    expect(dave.inbox.map((m) => m.body)).toEqual(['wake up']);
    expect(outbox.retry(entry.id)).toBe(false);
  });

  it('restores persisted entries: sending ones are resent with their saved identity, failed ones wait, delivered ones are gone', async () => {
    const { clock, pbx, alice, bob } = await twoTexters();
    const { outbox, changes } = outboxOf(alice);
    const base = { target: '1001', contentType: 'text/plain;charset=utf-8' };
    const failure = { delivered: false as const, cause: 'rejected' as const, status: 480, reason: 'Temporarily Unavailable', message: 'Not delivered: user 1001 is not online (480)' };
    outbox.restore([
      { ...base, id: 'a', body: 'first', state: 'sending', attempt: { callId: 'persisted-call', fromTag: 'persisted-tag', cseq: 7 } },
      { ...base, id: 'b', body: 'second', state: 'queued' },
      { ...base, id: 'c', body: 'rejected earlier', state: 'failed', failure },
      { ...base, id: 'd', body: 'delivered earlier', state: 'delivered' },
    ]);
    await settle(clock);
    const [first] = pbx.requests('MESSAGE');
    expect(first).toMatchObject({ callId: 'persisted-call', cseq: { seq: 7, method: 'MESSAGE' } });
    expect(first!.from.tag).toBe('persisted-tag');
    expect(bob.inbox.map((m) => m.body)).toEqual(['first', 'second']);
    expect(outbox.entries).toEqual([{ ...base, id: 'c', body: 'rejected earlier', state: 'failed', failure }]);
    expect(changes.filter((e) => e.id === 'a').map((e) => e.state)).toEqual(['queued', 'sending', 'delivered']);
    outbox.restore([{ ...base, id: 'c', body: 'duplicate id', state: 'queued' }]);
    expect(outbox.entries.map((e) => e.body)).toEqual(['rejected earlier']);
  });

  it('forgets a discarded message and ignores answers once disposed', async () => {
    const { clock, pbx, alice } = await twoTexters();
    const { outbox, changes } = outboxOf(alice);
    const failed = outbox.send('1005', 'nobody home');
    await settle(clock);
    expect(outbox.discard(failed.id)).toBe(true);
    expect(outbox.entries).toEqual([]);
    pbx.latency = 50;
    outbox.send('1001', 'late');
    outbox.dispose();
    const seen = changes.length;
    await elapse(clock, 200, 50);
    expect(changes).toHaveLength(seen);
  });
});
