import { describe, expect, it } from 'vitest';
import { SipRequest, TIMER_F } from '../../../src/sip';
import { elapse, settle } from '../call/call-harness';
import { twoTexters } from '../messaging/messaging-harness';

describe('OPTIONS ping', () => {
  it("reports the other user agent's status, Allow, Accept, Supported, User-Agent and round trip", async () => {
    const { clock, pbx, alice } = await twoTexters();
    pbx.latency = 20;
    const pinged = alice.ua.ping('1001');
    await elapse(clock, 100, 10);
    const result = await pinged;
    expect(result).toMatchObject({ reachable: true, status: 200, reason: 'OK', userAgent: 'Tabphone/0.1.0', rttMs: 40 });
    if (!result.reachable) return;
    expect(result.allow).toEqual(expect.arrayContaining(['INVITE', 'ACK', 'BYE', 'CANCEL', 'MESSAGE', 'OPTIONS']));
    expect(result.accept).toEqual(expect.arrayContaining(['application/sdp', 'text/plain', 'application/im-iscomposing+xml']));
    expect(result.supported).toContain('outbound');
    const [options] = pbx.requests('OPTIONS');
    expect(options!.uri.toString()).toBe('sip:1001@127.0.0.1');
    expect(options!.get('Accept')).toBe('application/sdp');
  });

  it('counts any final answer as reachable: 480 for a user who is not online', async () => {
    const { clock, alice } = await twoTexters();
    const pinged = alice.ua.ping('sip:1005@127.0.0.1');
    await settle(clock);
    expect(await pinged).toMatchObject({ reachable: true, status: 480, allow: [], accept: [] });
  });

  it('answers a 407 with credentials and reports the answer to the retry', async () => {
    const { clock, pbx, alice } = await twoTexters();
    pbx.challengeMethods.add('OPTIONS');
    const pinged = alice.ua.ping('1001');
    await settle(clock);
    expect(await pinged).toMatchObject({ reachable: true, status: 200 });
    const [challenged, retried] = pbx.requests('OPTIONS');
    expect(challenged!.has('Proxy-Authorization')).toBe(false);
    expect(retried!.cseq.seq).toBe(challenged!.cseq.seq + 1);
    expect(retried!.has('Proxy-Authorization')).toBe(true);
  });

  it('reports a timeout when nothing answers within Timer F', async () => {
    const { clock, pbx, alice } = await twoTexters();
    pbx.filter = (message) => (message instanceof SipRequest && message.method === 'OPTIONS' ? 'drop' : 'deliver');
    const pinged = alice.ua.ping('1001');
    await elapse(clock, TIMER_F + 100, 1000);
    expect(await pinged).toEqual({ reachable: false, cause: 'timeout', message: 'No answer from sip:1001@127.0.0.1 within 32 s' });
  });

  it('reports a failure without sending when not connected or the address is unusable', async () => {
    const { clock, pbx, alice } = await twoTexters();
    const unusable = alice.ua.ping('');
    pbx.sever('1000');
    const offline = alice.ua.ping('1001');
    await settle(clock);
    expect(await unusable).toMatchObject({ reachable: false, cause: 'invalid-target' });
    expect(await offline).toEqual({ reachable: false, cause: 'transport', message: 'Not connected to the server' });
    expect(pbx.requests('OPTIONS')).toHaveLength(0);
  });
});
