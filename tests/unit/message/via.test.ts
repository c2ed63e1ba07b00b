import { describe, expect, it } from 'vitest';
import { SipParseError, createVia, formatVia, parseVia, type Via } from '../../../src/sip';

function fault(text: string): string {
  try {
    parseVia(text);
  } catch (error) {
    if (error instanceof SipParseError) return error.fault;
    throw error;
  }
  throw new Error(`${text} was accepted`);
}

describe('Via', () => {
  it('parses transport, sent-by and params with the branch readable directly', () => {
    const via = parseVia('SIP/2.0/wss df7jal23ls0d.invalid:443;rport=5060;received=192.0.2.4;branch=z9hG4bKnashds7');
    expect(via.transport).toBe('WSS');
    expect(via.host).toBe('df7jal23ls0d.invalid');
    expect(via.port).toBe(443);
    expect(via.branch).toBe('z9hG4bKnashds7');
    expect(via.params.get('rport')).toBe('5060');
    expect(via.params.get('received')).toBe('192.0.2.4');
  });

  it('accepts LWS around the slashes, the colon and the params', () => {
    const via = parseVia('SIP  /   2.0 / UDP   192.0.2.2 : 5060 ; branch = z9hG4bK1 ; rport');
    expect(via).toMatchObject({ transport: 'UDP', host: '192.0.2.2', port: 5060 });
    expect(via.branch).toBe('z9hG4bK1');
    expect(via.params.get('rport')).toBeNull();
  });

  it('accepts IPv6 sent-by and unknown transports', () => {
    expect(parseVia('SIP/2.0/TLS-SCTP [2001:db8::9:1]:5061;branch=z9hG4bK1').host).toBe('[2001:db8::9:1]');
    expect(parseVia('SIP/2.0/UNKNOWN h.example;branch=z9hG4bK1').transport).toBe('UNKNOWN');
  });

  it('formats a Via, placing a branch given outside params first', () => {
    expect(formatVia(createVia('ws', 'abc.invalid', 'z9hG4bK776asdhds'))).toBe('SIP/2.0/WS abc.invalid;branch=z9hG4bK776asdhds');
    const literal: Via = { transport: 'WSS', host: 'h.invalid', port: 443, branch: 'z9hG4bKx', params: new Map([['rport', null]]) };
    expect(formatVia(literal)).toBe('SIP/2.0/WSS h.invalid:443;branch=z9hG4bKx;rport');
  });

  it('round-trips a parsed Via through formatVia', () => {
    const text = 'SIP/2.0/UDP 192.168.71.146:50952;rport=50952;received=192.168.80.11;branch=z9hG4bKPj1';
    expect(formatVia(parseVia(text))).toBe(text);
  });

  it('refuses malformed Vias with a SipParseError naming the fault', () => {
    expect(fault('SIP/2.0 UDP h')).toMatch(/sent-protocol/);
    expect(fault('HTTP/2.0/UDP h')).toMatch(/sent-protocol/);
    expect(fault('SIP/3.0/UDP h')).toMatch(/version/);
    expect(fault('SIP/2.0/UDP')).toMatch(/sent-by/);
    expect(fault('SIP/2.0/UDP h:70000')).toMatch(/port/);
    expect(fault('SIP/2.0/UDP 192.0.2.15;;')).toMatch(/empty parameter/);
    expect(fault('SIP/2.0/UDP h;branch')).toMatch(/branch/);
    expect(fault('SIP/2.0/UDP h;ttl=300')).toMatch(/ttl/);
    expect(fault('SIP/2.0/UDP h;rport=x')).toMatch(/rport/);
    expect(fault('SIP/2.0/UDP h junk')).toMatch(/unexpected/);
  });
});
