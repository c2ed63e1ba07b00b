import { describe, expect, it } from 'vitest';
import { createResponse, MAX_MESSAGE_BYTES, SipRequest, TIMER_F, type SipMessage } from '../../../src/sip';
import { elapse, settle } from '../call/call-harness';
import { fixture, sipText } from '../call/scripted-call';
import { FakeClock } from '../support/fake-clock';
import { LoopbackPbx } from '../support/loopback-pbx';
import { texterOn, twoTexters } from './messaging-harness';

function isMessage(message: SipMessage): message is SipRequest {
  return message instanceof SipRequest && message.method === 'MESSAGE';
}

/** A MESSAGE from the scripted phone 1002 to Bob. */
function messageToBob(contentType: string | undefined, body: string, extra: string[] = []): string {
  return sipText(
    [
      'MESSAGE sip:1001@127.0.0.1 SIP/2.0',
      'Via: SIP/2.0/WS script1002.invalid;branch=z9hG4bKmsg' + body.length,
      'Max-Forwards: 70',
      'From: "Carol" <sip:1002@127.0.0.1>;tag=c1',
      'To: <sip:1001@127.0.0.1>',
      `Call-ID: scripted-${body.length}`,
      'CSeq: 1 MESSAGE',
      ...(contentType ? [`Content-Type: ${contentType}`] : []),
      ...extra,
    ],
    body,
  );
}

async function bobAndScripted() {
  const clock = new FakeClock();
  const pbx = new LoopbackPbx(clock);
  const bob = texterOn(pbx, clock, '1001');
  const carol = pbx.scriptedPhone('1002');
  await settle(clock);
  return { clock, pbx, bob, carol };
}

describe('text messages between user agents', () => {
  it('delivers a text message and reports it delivered on the 200', async () => {
    const { clock, pbx, alice, bob } = await twoTexters();
    const sent = alice.ua.sendMessage('1001', 'hello Bob');
    expect(sent.state).toBe('sending');
    await settle(clock);
    expect(await sent.done).toEqual({ delivered: true, status: 200, reason: 'OK' });
    expect(sent.state).toBe('delivered');
    expect(bob.inbox).toHaveLength(1);
    expect(bob.inbox[0]).toMatchObject({ from: { uri: 'sip:1000@127.0.0.1', user: '1000' }, body: 'hello Bob', contentType: 'text/plain' });
    const [request] = pbx.requests('MESSAGE');
    expect(request!.get('Content-Type')).toBe('text/plain;charset=utf-8');
    expect(request!.has('Contact')).toBe(false);
    expect(bob.inbox[0]!.callId).toBe(request!.callId);
  });

  it('gives every message a Call-ID of its own', async () => {
    const { clock, pbx, alice } = await twoTexters();
    alice.ua.sendMessage('1001', 'one');
    alice.ua.sendMessage('sip:1001@127.0.0.1', 'two');
    await settle(clock);
    const [first, second] = pbx.requests('MESSAGE');
    expect(first!.callId).not.toBe(second!.callId);
  });

  it('carries a UTF-8 body with emoji and markup byte for byte', async () => {
    const { clock, alice, bob } = await twoTexters();
    const body = 'Grüße 👋🏽 — <img src=x onerror=alert(1)>\r\n<script>alert("x")</script> & done';
    await settle(clock);
    const sent = alice.ua.sendMessage('1001', body);
    await settle(clock);
    expect((await sent.done).delivered).toBe(true);
    expect(Buffer.from(bob.inbox[0]!.body, 'utf8').equals(Buffer.from(body, 'utf8'))).toBe(true);
  });

  it('counts a 202 Accepted as delivered', async () => {
    const { clock, pbx, bob, carol } = await bobAndScripted();
    const sent = bob.ua.sendMessage('1002', 'stored for later?');
    await settle(clock);
    const [request] = carol.requests('MESSAGE');
    carol.send(createResponse(request!, 202, undefined, 'c2').toString());
    await settle(clock);
    expect(await sent.done).toEqual({ delivered: true, status: 202, reason: 'Accepted' });
    expect(pbx.responses('MESSAGE', 202)).toHaveLength(1);
  });

  it('fails with the status and a reason for the user when the target is offline', async () => {
    const { clock, alice } = await twoTexters();
    const sent = alice.ua.sendMessage('1005', 'are you there?');
    await settle(clock);
    expect(await sent.done).toEqual({
      delivered: false,
      cause: 'rejected',
      status: 480,
      reason: 'Temporarily Unavailable',
      message: 'Not delivered: user 1005 is not online (480)',
    });
    expect(sent.state).toBe('failed');
  });

  it('re-sends MESSAGE with credentials after a 407, then re-uses them for the next message', async () => {
    const { clock, pbx, alice, bob } = await twoTexters();
    pbx.challengeMethods.add('MESSAGE');
    const first = alice.ua.sendMessage('1001', 'behind a proxy');
    await settle(clock);
    expect((await first.done).delivered).toBe(true);
    const [challenged, retried] = pbx.requests('MESSAGE');
    expect(pbx.responses('MESSAGE', 407)).toHaveLength(1);
    expect(retried!.callId).toBe(challenged!.callId);
    expect(retried!.cseq.seq).toBe(challenged!.cseq.seq + 1);
    expect(retried!.get('Proxy-Authorization')).toMatch(/^Digest /);
    const second = alice.ua.sendMessage('1001', 'again');
    await settle(clock);
    expect((await second.done).delivered).toBe(true);
    expect(pbx.responses('MESSAGE', 407)).toHaveLength(1);
    expect(bob.inbox.map((m) => m.body)).toEqual(['behind a proxy', 'again']);
  });

  it('gives up after a second challenge when the password is wrong', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    pbx.challengeMethods.add('MESSAGE');
    const alice = texterOn(pbx, clock, '1000', { ua: { password: 'not-the-password' } });
    texterOn(pbx, clock, '1001');
    await settle(clock);
    const sent = alice.ua.sendMessage('1001', 'let me in');
    await settle(clock);
    expect(await sent.done).toMatchObject({ delivered: false, cause: 'rejected', status: 407, message: 'Not delivered: wrong user name or password (407)' });
    expect(pbx.requests('MESSAGE')).toHaveLength(2);
  });

  it('names the usual failures in words: unknown user, busy, server error', async () => {
    const { clock, bob, carol } = await bobAndScripted();
    const outcomes = [404, 486, 503].map((status) => {
      const sent = bob.ua.sendMessage('1002', `status ${status}`);
      return { status, sent };
    });
    await settle(clock);
    for (const [i, request] of carol.requests('MESSAGE').entries()) {
      carol.send(createResponse(request, outcomes[i]!.status, undefined, 'c3').toString());
    }
    await settle(clock);
    const messages = await Promise.all(outcomes.map(async ({ sent }) => ((await sent.done) as { message: string }).message));
    expect(messages).toEqual([
      'Not delivered: user 1002 does not exist (404)',
      'Not delivered: user 1002 is busy (486)',
      'Not delivered: server error: Service Unavailable (503)',
    ]);
  });

  it('fails after Timer F when nothing answers', async () => {
    const { clock, pbx, alice } = await twoTexters();
    pbx.filter = (message) => (isMessage(message) ? 'drop' : 'deliver');
    const sent = alice.ua.sendMessage('1001', 'into the void');
    await elapse(clock, TIMER_F + 100, 1000);
    expect(await sent.done).toEqual({ delivered: false, cause: 'timeout', message: 'Not delivered: no answer within 32 s' });
  });

  it('refuses to send a body over 64 KiB or to an unusable address, without sending anything', async () => {
    const { clock, pbx, alice } = await twoTexters();
    const big = alice.ua.sendMessage('1001', 'é'.repeat(MAX_MESSAGE_BYTES / 2 + 1));
    const nowhere = alice.ua.sendMessage('  ', 'hi');
    await settle(clock);
    expect(await big.done).toMatchObject({ delivered: false, cause: 'too-large', message: 'Not delivered: the message is larger than 64 KiB' });
    expect(await nowhere.done).toMatchObject({ delivered: false, cause: 'invalid-target' });
    expect(pbx.requests('MESSAGE')).toHaveLength(0);
  });

  it('is told that a user agent which takes no messages answered 405', async () => {
    const clock = new FakeClock();
    const pbx = new LoopbackPbx(clock);
    const alice = texterOn(pbx, clock, '1000');
    const bob = texterOn(pbx, clock, '1001', { ua: { messaging: false } });
    await settle(clock);
    const sent = alice.ua.sendMessage('1001', 'hello?');
    await settle(clock);
    expect(await sent.done).toMatchObject({ status: 405, message: 'Not delivered: user 1001 does not take text messages (405)' });
    expect(bob.inbox).toEqual([]);
  });
});

describe('text messages we receive', () => {
  it("takes MicroSIP's captured MESSAGE, a bare text/plain, and answers 200", async () => {
    const { clock, bob, carol } = await bobAndScripted();
    const captured = fixture('sip/microsip-message.sip')
      .replace('MESSAGE sip:192.168.80.12 SIP/2.0', 'MESSAGE sip:1001@127.0.0.1 SIP/2.0')
      .replace(/^Via: .*$/m, 'Via: SIP/2.0/WS script1002.invalid;branch=z9hG4bKPjb3a637173a7749388acfa945363e2935');
    carol.send(captured);
    await settle(clock);
    expect(carol.responses('MESSAGE').map((r) => r.status)).toEqual([200]);
    expect(bob.inbox).toMatchObject([{ body: 'selam', contentType: 'text/plain', from: { uri: 'sip:192.168.71.146' }, callId: '135f6ded4f5c45dab6af3d5626e0b4ef' }]);
  });

  it('names the sender by display name and user', async () => {
    const { clock, bob, carol } = await bobAndScripted();
    carol.send(messageToBob('text/plain; charset=UTF-8', 'hi'));
    await settle(clock);
    expect(bob.inbox[0]!.from).toEqual({ uri: 'sip:1002@127.0.0.1', user: '1002', displayName: 'Carol' });
    expect(bob.inbox[0]!.receivedAt).toBe(clock.now());
  });

  it('answers 415 with Accept to other content types and charsets, and shows nothing', async () => {
    const { clock, bob, carol } = await bobAndScripted();
    carol.send(messageToBob('text/html', '<b>hi</b>'));
    carol.send(messageToBob('text/plain;charset=ISO-8859-1', 'caf\u00e9!'));
    carol.send(messageToBob(undefined, ''));
    carol.send(messageToBob('text/plain', 'zipped', ['Content-Encoding: gzip']));
    await settle(clock);
    const answers = carol.responses('MESSAGE');
    expect(answers.map((r) => r.status)).toEqual([415, 415, 415, 415]);
    expect(answers[0]!.getAll('Accept')).toEqual(['text/plain', 'application/im-iscomposing+xml']);
    expect(answers[3]!.get('Accept-Encoding')).toBe('identity');
    expect(bob.inbox).toEqual([]);
  });

  it('answers 413 to a body over 64 KiB', async () => {
    const { clock, bob, carol } = await bobAndScripted();
    carol.send(messageToBob('text/plain', 'x'.repeat(MAX_MESSAGE_BYTES + 1)));
    await settle(clock);
    expect(carol.responses('MESSAGE').map((r) => r.status)).toEqual([413]);
    expect(bob.inbox).toEqual([]);
  });

  it('turns an isComposing indication into a composing event, not a message', async () => {
    const { clock, bob, carol } = await bobAndScripted();
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">',
      '  <state>active</state>',
      '  <contenttype>text/plain</contenttype>',
      '  <refresh>60</refresh>',
      '</isComposing>',
    ].join('\n');
    carol.send(messageToBob('application/im-iscomposing+xml', xml));
    carol.send(messageToBob('application/im-iscomposing+xml', '<isComposing><state>gone</state></isComposing>'));
    await settle(clock);
    expect(carol.responses('MESSAGE').map((r) => r.status)).toEqual([200, 400]);
    expect(bob.composing).toEqual([{ from: { uri: 'sip:1002@127.0.0.1', user: '1002', displayName: 'Carol' }, state: 'active', refresh: 60, receivedAt: clock.now() }]);
    expect(bob.inbox).toEqual([]);
  });

  it('answers a resent message 200 again but shows it once', async () => {
    const { clock, bob, carol } = await bobAndScripted();
    const text = messageToBob('text/plain', 'only once');
    carol.send(text);
    carol.send(text.replace('z9hG4bKmsg', 'z9hG4bKresent'));
    await settle(clock);
    expect(carol.responses('MESSAGE').map((r) => r.status)).toEqual([200, 200]);
    expect(bob.inbox.map((m) => m.body)).toEqual(['only once']);
  });
});
