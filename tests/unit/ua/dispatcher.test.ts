import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Dialog, type DialogUsage, type IncomingRequest, type MethodUsage, type SipRequest } from '../../../src/sip';
import { seededRandom } from '../support/fake-clock';
import { sipRequest } from '../support/sip-messages';
import { startedUa } from './ua-harness';

/** A connected UA whose REGISTER is left unanswered: the tests play a peer sending requests to it. */
function peer() {
  const h = startedUa();
  h.server.next('REGISTER');
  const send = (request: SipRequest | string) => h.server.deliver(request.toString());
  const lastResponse = () => h.server.responses.at(-1)!;
  return { ...h, send, lastResponse };
}

function messageUsage(received: IncomingRequest[] = []): MethodUsage {
  return {
    method: 'MESSAGE',
    accepts: ['text/plain'],
    optionTags: ['norefersub'],
    receiveRequest(incoming) {
      received.push(incoming);
      incoming.reply(200);
    },
  };
}

describe('Dispatcher: OPTIONS', () => {
  it('answers OPTIONS with 200 listing only what is registered, even with Max-Forwards 0', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('OPTIONS', { maxForwards: 0, uri: 'sip:a1b2@x.invalid;transport=ws' }));
    const response = lastResponse();
    expect(response.status).toBe(200);
    expect(response.allow).toEqual(['OPTIONS']);
    expect(response.has('Accept')).toBe(true);
    expect(response.getAll('Accept')).toEqual([]);
    expect(response.supported).toEqual(['outbound']);
    expect(response.get('User-Agent')).toBe('Tabphone/0.1.0');
    expect(response.to.tag).toBeTruthy();
  });

  it('answers the CUCM OPTIONS ping (TCP Via, Max-Forwards 0) with 200 like MicroSIP does', () => {
    const { send, lastResponse } = peer();
    send(readFileSync(new URL('../../fixtures/sip/cucm-options.sip', import.meta.url), 'utf8'));
    const response = lastResponse();
    expect(response.status).toBe(200);
    expect(response.callId).toBe('1e55d000-1ef16899-13-6450a8c0@192.168.80.100');
    expect(response.get('Via')).toBe('SIP/2.0/TCP 192.168.80.100:5060;branch=z9hG4bK3220cd6291');
    expect(response.from.tag).toBe('471242191');
    expect(response.allow).toEqual(['OPTIONS']);
  });

  it('grows Allow, Accept and Supported as usages plug in, and shrinks them when they leave', () => {
    const { ua, send, lastResponse } = peer();
    const remove = ua.dispatcher.addUsage(messageUsage());
    send(sipRequest('OPTIONS', { branch: 'z9hG4bKo1' }));
    expect(lastResponse().allow).toEqual(['OPTIONS', 'MESSAGE']);
    expect(lastResponse().getAll('Accept')).toEqual(['text/plain']);
    expect(lastResponse().supported).toEqual(['outbound', 'norefersub']);
    remove();
    send(sipRequest('OPTIONS', { branch: 'z9hG4bKo2' }));
    expect(lastResponse().allow).toEqual(['OPTIONS']);
  });

  it('refuses a second usage for the same method', () => {
    const { ua } = peer();
    ua.dispatcher.addUsage(messageUsage());
    expect(() => ua.dispatcher.addUsage(messageUsage())).toThrow(/MESSAGE/);
  });
});

describe('Dispatcher: requests no usage can take', () => {
  it('answers an unsupported method with 405 and Allow', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('SUBSCRIBE'));
    expect(lastResponse().status).toBe(405);
    expect(lastResponse().allow).toEqual(['OPTIONS']);
    expect(lastResponse().cseq.method).toBe('SUBSCRIBE');
  });

  it('answers an in-dialog request that matches no dialog with 481', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('BYE', { toTag: 'gone' }));
    expect(lastResponse().status).toBe(481);
    expect(lastResponse().to.tag).toBe('gone');
  });

  it('answers a method known only inside dialogs with 481 when it comes without a To tag', () => {
    const { ua, send, lastResponse } = peer();
    ua.dispatcher.addUsage({ ...messageUsage(), method: 'INVITE', inDialogMethods: ['ACK', 'CANCEL', 'BYE'] });
    send(sipRequest('BYE'));
    expect(lastResponse().status).toBe(481);
  });

  it('answers 420 listing the Require options it does not implement', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('OPTIONS', { headers: ['Require: outbound, 100rel', 'Require: foo'] }));
    expect(lastResponse().status).toBe(420);
    expect(lastResponse().getAll('Unsupported')).toEqual(['100rel', 'foo']);
  });

  it('answers 416 to a Request-URI scheme other than sip or sips', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('OPTIONS', { uri: 'tel:+15551234567' }));
    expect(lastResponse().status).toBe(416);
  });

  it('answers 400 to a request without Max-Forwards', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('OPTIONS', { maxForwards: null }));
    expect(lastResponse().status).toBe(400);
    expect(lastResponse().reason).toBe('Missing Max-Forwards');
  });

  it('answers 500 when a usage throws, and keeps working', () => {
    const { ua, send, lastResponse } = peer();
    ua.dispatcher.addUsage({
      method: 'MESSAGE',
      receiveRequest() {
        throw new Error('app bug');
      },
    });
    send(sipRequest('MESSAGE'));
    expect(lastResponse().status).toBe(500);
    send(sipRequest('OPTIONS'));
    expect(lastResponse().status).toBe(200);
  });
});

describe('Dispatcher: malformed messages', () => {
  it('answers a malformed request with 400 and the fault as the reason phrase', () => {
    const { send, lastResponse } = peer();
    const text = sipRequest('OPTIONS').toString().replace('Content-Length: 0', 'Content-Length: 5');
    send(text);
    expect(lastResponse().status).toBe(400);
    expect(lastResponse().reason).toMatch(/Content-Length 5/);
    expect(lastResponse().to.tag).toBeTruthy();
    expect(lastResponse().cseq).toEqual({ seq: 314159, method: 'OPTIONS' });
  });

  it('drops a malformed request it cannot answer, a malformed response and garbage without throwing', () => {
    const { send, server } = peer();
    send(sipRequest('OPTIONS').toString().replace(/Call-ID: .*\r\n/, ''));
    send('SIP/2.0 200 OK\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bKa\r\n\r\n');
    send('\u0000\u0001 not SIP at all');
    expect(server.responses).toHaveLength(0);
  });
});

describe('Dispatcher: routing', () => {
  it('processes a request with Max-Forwards 0 instead of answering 483: we are its final recipient (RFC 4475 §3.3.11)', () => {
    const { ua, send, lastResponse } = peer();
    const received: IncomingRequest[] = [];
    ua.dispatcher.addUsage(messageUsage(received));
    send(sipRequest('MESSAGE', { maxForwards: 0 }));
    expect(received).toHaveLength(1);
    expect(lastResponse().status).toBe(200);
  });

  it('absorbs a retransmitted request: the usage sees it once, the response is sent again', () => {
    const { ua, send, server } = peer();
    const received: IncomingRequest[] = [];
    ua.dispatcher.addUsage(messageUsage(received));
    send(sipRequest('MESSAGE', { body: 'hi', headers: ['Content-Type: text/plain'] }));
    send(sipRequest('MESSAGE', { body: 'hi', headers: ['Content-Type: text/plain'] }));
    expect(received).toHaveLength(1);
    expect(received[0]!.request.body).toBe('hi');
    expect(server.responses.map((r) => r.status)).toEqual([200, 200]);
    expect(server.responses[0]!.to.tag).toBe(server.responses[1]!.to.tag);
  });

  it('routes in-dialog requests to the dialog usage after the CSeq order check, and ACKs to receiveAck', () => {
    const { ua, send, lastResponse } = peer();
    const invite = sipRequest('INVITE', { fromTag: 'caller', cseq: 10 });
    const dialog = Dialog.asUas(invite, 'callee', 'confirmed', seededRandom(1))!;
    const seen: string[] = [];
    const usage: DialogUsage = {
      receiveRequest(incoming) {
        seen.push(`${incoming.request.method} ${incoming.request.cseq.seq}`);
        incoming.reply(200);
      },
      receiveAck(ack) {
        seen.push(`ACK ${ack.cseq.seq}`);
      },
    };
    const remove = ua.dialogs.add(dialog, usage);
    const inDialog = { fromTag: 'caller', toTag: 'callee' };
    send(sipRequest('ACK', { ...inDialog, cseq: 10, branch: 'z9hG4bKack' }));
    send(sipRequest('INFO', { ...inDialog, cseq: 12, branch: 'z9hG4bKi12' }));
    expect(lastResponse().status).toBe(200);
    send(sipRequest('INFO', { ...inDialog, cseq: 11, branch: 'z9hG4bKi11' }));
    expect(lastResponse().status).toBe(500);
    expect(seen).toEqual(['ACK 10', 'INFO 12']);
    remove();
    send(sipRequest('INFO', { ...inDialog, cseq: 13, branch: 'z9hG4bKi13' }));
    expect(lastResponse().status).toBe(481);
  });

  it('answers a CANCEL that matches no INVITE with 481', () => {
    const { send, lastResponse } = peer();
    send(sipRequest('CANCEL'));
    expect(lastResponse().status).toBe(481);
  });

  it('answers a matching CANCEL with 200 under the INVITE To tag and tells the INVITE owner', () => {
    const { ua, send, server } = peer();
    const cancelled: string[] = [];
    ua.dispatcher.addUsage({
      method: 'INVITE',
      inDialogMethods: ['ACK', 'CANCEL', 'BYE'],
      receiveRequest(incoming) {
        incoming.reply(180);
        if (incoming.transaction.kind !== 'invite-server') throw new Error('an INVITE has an INVITE transaction');
        incoming.transaction.on('cancel', () => {
          cancelled.push(incoming.toTag);
          incoming.reply(487);
        });
      },
    });
    send(sipRequest('INVITE'));
    send(sipRequest('CANCEL'));
    const [ringing, cancelOk, terminated] = server.responses;
    expect([ringing!.status, cancelOk!.status, terminated!.status]).toEqual([180, 200, 487]);
    expect(cancelOk!.cseq.method).toBe('CANCEL');
    expect(cancelOk!.to.tag).toBe(ringing!.to.tag);
    expect(cancelled).toEqual([ringing!.to.tag]);
  });

  it('drops responses not addressed to our Via host and delivers the others to their transaction', () => {
    const { ua, server } = peer();
    const statuses: number[] = [];
    const request = ua.requests.create('OPTIONS', ua.identity.aor, { contact: 'none' });
    ua.sender.send(request, (response) => statuses.push(response.status));
    const sent = server.next('OPTIONS');
    const response = `SIP/2.0 200 OK\r\nVia: ${sent.get('Via')}\r\nFrom: ${sent.get('From')}\r\nTo: ${sent.get('To')};tag=x\r\nCall-ID: ${sent.callId}\r\nCSeq: ${sent.get('CSeq')}\r\n\r\n`;
    server.deliver(response.replace(/\S+\.invalid/, 'someone-else.invalid'));
    server.deliver(response.replace('Via: ', 'Via: SIP/2.0/WS proxy.example.com;branch=z9hG4bKp, '));
    expect(statuses).toEqual([]);
    server.deliver(response);
    expect(statuses).toEqual([200]);
  });
});
