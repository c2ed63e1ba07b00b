import { describe, expect, it } from 'vitest';
import { TraceReader } from '../../../src/services/diagnostics/trace-entry';
import type { TransportTrace } from '../../../src/sip';

function message(startLine: string, headers: Record<string, string>): string {
  return `${startLine}\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}Content-Length: 0\r\n\r\n`;
}

const via = 'SIP/2.0/WSS abc.invalid;branch=z9hG4bK1';

function trace(direction: 'in' | 'out', text: string): TransportTrace {
  return { direction, text, at: 1_000, server: 'ws://127.0.0.1:5070' };
}

function request(method: string, uri: string, from: string, to: string, cseq = `1 ${method}`): string {
  return message(`${method} ${uri} SIP/2.0`, { Via: via, From: `<${from}>;tag=a`, To: `<${to}>`, 'Call-ID': 'c1', CSeq: cseq, 'Max-Forwards': '70' });
}

function response(status: string, from: string, to: string, cseq: string): string {
  return message(`SIP/2.0 ${status}`, { Via: via, From: `<${from}>;tag=a`, To: `<${to}>;tag=b`, 'Call-ID': 'c1', CSeq: cseq });
}

/** A fresh reader per message: no memory of earlier ones. */
const read = (t: TransportTrace) => new TraceReader().read(t);

const US = 'sip:1000@127.0.0.1';
const THEM = 'sip:1001@127.0.0.1';
const PBX = 'sip:127.0.0.1';

describe('a trace entry for the ladder', () => {
  it('labels requests with their method and responses with status and reason', () => {
    expect(read(trace('out', request('INVITE', THEM, US, THEM)))).toMatchObject({
      seq: 1,
      direction: 'out',
      at: 1_000,
      label: 'INVITE',
      callId: 'c1',
      peer: 'far-end',
    });
    expect(read(trace('in', response('180 Ringing', US, THEM, '1 INVITE')))).toMatchObject({ label: '180 Ringing', peer: 'far-end' });
  });

  it('puts REGISTER and its challenge at the proxy', () => {
    expect(read(trace('out', request('REGISTER', PBX, US, US))).peer).toBe('proxy');
    expect(read(trace('in', response('401 Unauthorized', US, US, '1 REGISTER')))).toMatchObject({ peer: 'proxy', label: '401 Unauthorized' });
  });

  it("treats the proxy's own answers to a call as coming from the proxy", () => {
    expect(read(trace('in', response('100 Trying', US, THEM, '1 INVITE'))).peer).toBe('proxy');
    expect(read(trace('in', response('407 Proxy Authentication Required', US, THEM, '1 INVITE'))).peer).toBe('proxy');
    expect(read(trace('in', response('480 Temporarily Unavailable', US, THEM, '1 INVITE'))).peer).toBe('proxy');
    expect(read(trace('in', response('486 Busy Here', US, THEM, '1 INVITE'))).peer).toBe('far-end');
  });

  it('finds the other party in From for requests the far end started, and in our responses to them', () => {
    expect(read(trace('in', request('BYE', US, THEM, US))).peer).toBe('far-end');
    expect(read(trace('out', response('200 OK', THEM, US, '2 BYE'))).peer).toBe('far-end');
    // The PBX pinging us: its From has no user part.
    expect(read(trace('in', request('OPTIONS', US, PBX, US))).peer).toBe('proxy');
    // Our OPTIONS to the PBX itself.
    expect(read(trace('out', request('OPTIONS', PBX, US, PBX))).peer).toBe('proxy');
  });

  it('keeps an unreadable message, labelled as such, without throwing', () => {
    const entry = read(trace('in', 'SIP/2.0 banana\r\n\r\n'));
    expect(entry).toMatchObject({ seq: 1, label: 'Unreadable message', peer: 'proxy', callId: undefined, text: 'SIP/2.0 banana\r\n\r\n' });
  });

  it('stores the redacted text, never the credentials', () => {
    const text = request('REGISTER', PBX, US, US).replace('Content-Length', 'Authorization: Basic MTAwMDpzZWNyZXQxMDAw\r\nContent-Length');
    const entry = new TraceReader(['secret1000']).read(trace('out', text));
    expect(entry.text).toContain('Authorization: Basic [redacted]');
    expect(entry.text).not.toContain('MTAwMDpzZWNyZXQxMDAw');
  });

  it('numbers entries in order and puts the ACK of a non-2xx at the proxy, the ACK of a 2xx at the far end', () => {
    const reader = new TraceReader();
    const invite = request('INVITE', THEM, US, THEM);
    const nonTwoXxAck = request('ACK', THEM, US, THEM, '1 ACK');
    const twoXxAck = nonTwoXxAck.replace('branch=z9hG4bK1', 'branch=z9hG4bK2');
    expect(reader.read(trace('out', invite))).toMatchObject({ seq: 1, peer: 'far-end' });
    expect(reader.read(trace('in', response('407 Proxy Authentication Required', US, THEM, '1 INVITE')))).toMatchObject({ seq: 2, peer: 'proxy' });
    expect(reader.read(trace('out', nonTwoXxAck))).toMatchObject({ seq: 3, label: 'ACK', peer: 'proxy' });
    expect(reader.read(trace('out', twoXxAck))).toMatchObject({ seq: 4, label: 'ACK', peer: 'far-end' });
  });
});
