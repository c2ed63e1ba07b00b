import { describe, expect, it } from 'vitest';
import { traceEntryOf } from '../../../src/services/diagnostics/trace-entry';
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

const US = 'sip:1000@127.0.0.1';
const THEM = 'sip:1001@127.0.0.1';
const PBX = 'sip:127.0.0.1';

describe('a trace entry for the ladder', () => {
  it('labels requests with their method and responses with status and reason', () => {
    expect(traceEntryOf(trace('out', request('INVITE', THEM, US, THEM)), 1)).toMatchObject({
      seq: 1,
      direction: 'out',
      at: 1_000,
      label: 'INVITE',
      callId: 'c1',
      peer: 'far-end',
    });
    expect(traceEntryOf(trace('in', response('180 Ringing', US, THEM, '1 INVITE')), 2)).toMatchObject({ label: '180 Ringing', peer: 'far-end' });
  });

  it('puts REGISTER and its challenge at the proxy', () => {
    expect(traceEntryOf(trace('out', request('REGISTER', PBX, US, US)), 1).peer).toBe('proxy');
    expect(traceEntryOf(trace('in', response('401 Unauthorized', US, US, '1 REGISTER')), 2)).toMatchObject({ peer: 'proxy', label: '401 Unauthorized' });
  });

  it("treats the proxy's own answers to a call as coming from the proxy", () => {
    expect(traceEntryOf(trace('in', response('100 Trying', US, THEM, '1 INVITE')), 1).peer).toBe('proxy');
    expect(traceEntryOf(trace('in', response('407 Proxy Authentication Required', US, THEM, '1 INVITE')), 1).peer).toBe('proxy');
    expect(traceEntryOf(trace('in', response('480 Temporarily Unavailable', US, THEM, '1 INVITE')), 1).peer).toBe('proxy');
    expect(traceEntryOf(trace('in', response('486 Busy Here', US, THEM, '1 INVITE')), 1).peer).toBe('far-end');
  });

  it('finds the other party in From for requests the far end started, and in our responses to them', () => {
    expect(traceEntryOf(trace('in', request('BYE', US, THEM, US)), 1).peer).toBe('far-end');
    expect(traceEntryOf(trace('out', response('200 OK', THEM, US, '2 BYE')), 2).peer).toBe('far-end');
    // The PBX pinging us: its From has no user part.
    expect(traceEntryOf(trace('in', request('OPTIONS', US, PBX, US)), 3).peer).toBe('proxy');
    // Our OPTIONS to the PBX itself.
    expect(traceEntryOf(trace('out', request('OPTIONS', PBX, US, PBX)), 4).peer).toBe('proxy');
  });

  it('keeps an unreadable message, labelled as such, without throwing', () => {
    const entry = traceEntryOf(trace('in', 'SIP/2.0 banana\r\n\r\n'), 5);
    expect(entry).toMatchObject({ seq: 5, label: 'Unreadable message', peer: 'proxy', callId: undefined, text: 'SIP/2.0 banana\r\n\r\n' });
  });

  it('stores the redacted text, never the credentials', () => {
    const text = request('REGISTER', PBX, US, US).replace('Content-Length', 'Authorization: Basic MTAwMDpzZWNyZXQxMDAw\r\nContent-Length');
    const entry = traceEntryOf(trace('out', text), 1, ['secret1000']);
    expect(entry.text).toContain('Authorization: Basic [redacted]');
    expect(entry.text).not.toContain('MTAwMDpzZWNyZXQxMDAw');
  });
});
