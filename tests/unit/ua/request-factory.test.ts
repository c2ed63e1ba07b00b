import { describe, expect, it } from 'vitest';
import { NameAddr, SipUri } from '../../../src/sip';
import { startedUa } from './ua-harness';

describe('RequestFactory and RequestSender', () => {
  it('builds an out-of-dialog request with a fresh tag, Call-ID and CSeq, our Contact and the UA headers', () => {
    const { ua, server } = startedUa({ displayName: 'Front Desk' });
    const target = SipUri.parse('sip:1001@127.0.0.1');
    const request = ua.requests.create('MESSAGE', target, { headers: [['Content-Type', 'text/plain']], body: 'hello' });
    const other = ua.requests.create('MESSAGE', target);
    expect(request.from.toString()).toMatch(/^"Front Desk" <sip:1000@127\.0\.0\.1>;tag=[0-9a-f]{16}$/);
    expect(request.from.tag).not.toBe(other.from.tag);
    expect(request.callId).not.toBe(other.callId);
    expect(request.to.uri.toString()).toBe('sip:1001@127.0.0.1');
    expect(request.cseq.seq).toBeLessThan(2 ** 31);
    expect(request.maxForwards).toBe(70);
    const contact = request.contact[0]!;
    expect(contact.uri.toString()).toBe(`sip:${contact.uri.user}@${ua.transport.viaHost};transport=ws;ob`);
    expect(contact.params.size).toBe(0);
    expect(request.supported).toEqual(['outbound']);
    expect(request.get('User-Agent')).toBe('Tabphone/0.1.0');
    ua.sender.send(request, () => {});
    ua.sender.send(request, () => {});
    const [first, retry] = [server.next('MESSAGE'), server.next('MESSAGE')];
    expect(first.getAll('Via')).toHaveLength(1);
    expect(retry.getAll('Via')).toHaveLength(1);
    expect(retry.via[0]!.branch).not.toBe(first.via[0]!.branch);
    expect(first.headers[0]!.name).toBe('Via');
    expect(first.body).toBe('hello');
  });

  it('sends the ACK of a 2xx outside any transaction with a branch of its own', () => {
    const { ua, server } = startedUa();
    const ack = ua.requests.create('ACK', SipUri.parse('sip:1001@127.0.0.1'), { to: NameAddr.parse('<sip:1001@127.0.0.1>;tag=x') });
    expect(ua.sender.sendAck(ack)).toBe(true);
    expect(server.requests.at(-1)!.method).toBe('ACK');
    expect(server.requests.at(-1)!.via[0]!.branch).toMatch(/^z9hG4bK/);
    expect(ua.transactions.size).toBe(1); // only the REGISTER
    expect(() => ua.sender.sendAck(ua.requests.create('BYE', ua.identity.aor))).toThrow(/BYE/);
  });

  it('puts the outbound proxy as a loose-routing Route on out-of-dialog requests', () => {
    const { ua, server } = startedUa({ outboundProxy: ' sip:proxy.example.com:5060;transport=tcp ' });
    expect(server.next('REGISTER').getAll('Route')).toEqual(['<sip:proxy.example.com:5060;transport=tcp;lr>']);
    const message = ua.requests.create('MESSAGE', SipUri.parse('sip:1001@127.0.0.1'));
    expect(message.getAll('Route')).toEqual(['<sip:proxy.example.com:5060;transport=tcp;lr>']);
    expect(startedUa({ outboundProxy: 'sip:proxy.example.com;lr' }).server.next('REGISTER').getAll('Route')).toEqual([
      '<sip:proxy.example.com;lr>',
    ]);
    expect(startedUa().server.next('REGISTER').getAll('Route')).toEqual([]);
  });

  it('refuses an outbound proxy that is not a SIP URI', () => {
    expect(() => startedUa({ outboundProxy: 'tel:+15551234' })).toThrow(/outbound proxy "tel:\+15551234"/);
    expect(() => startedUa({ outboundProxy: 'proxy.example.com' })).toThrow();
  });

  it('refuses an address of record that is not a SIP URI', () => {
    expect(() => startedUa({ aor: 'tel:+15551234' })).toThrow(/sip: or sips:/);
  });
});
