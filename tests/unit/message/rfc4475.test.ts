import { afterAll, describe, expect, it } from 'vitest';
import { SipParseError, parseMessage, type SipMessage } from '../../../src/sip';
import { readTorture, tortureManifest } from './frames';

/**
 * RFC 4475 torture messages. The manifest states what a parser must do with each one.
 * One deliberate departure: dblreq is a UDP datagram carrying a REGISTER and then an
 * INVITE beyond its Content-Length. Over UDP the extra octets are discarded (RFC 3261
 * §18.3); over WebSocket a frame "MUST NOT contain more than one SIP message" (RFC 7118
 * §5.1), so our parser refuses it, naming the extra bytes.
 */
const WEBSOCKET_FRAMING: Record<string, { expect: 'reject'; fault: RegExp }> = {
  dblreq: { expect: 'reject', fault: /bytes beyond Content-Length 0/ },
};

type Outcome = { kind: 'accept'; message: SipMessage } | { kind: 'reject'; fault: string } | { kind: 'crash'; error: unknown };

function run(file: string): Outcome {
  const { text, byteString } = readTorture(file);
  try {
    return { kind: 'accept', message: parseMessage(text, { byteString }) };
  } catch (error) {
    return error instanceof SipParseError ? { kind: 'reject', fault: error.fault } : { kind: 'crash', error };
  }
}

const cases = tortureManifest();
let meetsManifest = 0;
let meetsWebSocket = 0;

describe('RFC 4475 torture tests', () => {
  for (const t of cases) {
    const override = WEBSOCKET_FRAMING[t.name];
    const expected = override?.expect ?? t.expectParser;
    it(`${t.name} (${t.section} ${t.title}): ${expected}`, () => {
      const outcome = run(t.file);
      expect(outcome.kind).not.toBe('crash');
      const manifestOk =
        t.expectParser === 'accept' ? outcome.kind === 'accept' : t.expectParser === 'reject' ? outcome.kind === 'reject' : true;
      if (manifestOk) meetsManifest++;
      if (expected === 'accept') expect(outcome).toMatchObject({ kind: 'accept' });
      if (expected === 'reject') {
        expect(outcome.kind).toBe('reject');
        const fault = (outcome as { fault: string }).fault;
        // A specific reason, not a generic wrapper.
        expect(fault).not.toMatch(/internal parser failure/);
        expect(fault.length).toBeGreaterThan(8);
        if (override) expect(fault).toMatch(override.fault);
      }
      if (outcome.kind === 'reject') expect(outcome.fault).not.toMatch(/internal parser failure/);
      meetsWebSocket++;
    });
  }

  afterAll(() => {
    console.log(
      `RFC 4475: ${meetsWebSocket}/${cases.length} meet the expectations for a WebSocket transport; ` +
        `${meetsManifest}/${cases.length} match the UDP-oriented manifest (dblreq refused: RFC 7118 §5.1)`,
    );
  });
});

describe('RFC 4475 messages that must be accepted keep their meaning', () => {
  it('wsinv: unfolds lines, expands compact names and reads every Via, tag and param', () => {
    const m = run('wsinv.dat');
    if (m.kind !== 'accept') throw new Error('wsinv refused');
    const msg = m.message;
    expect(msg.to.tag).toBe('1918181833n');
    expect(msg.from.displayName).toBe('J Rosenberg \\"');
    expect(msg.from.tag).toBe('98asjd8');
    expect(msg.maxForwards).toBe(68);
    expect(msg.cseq).toEqual({ seq: 9, method: 'INVITE' });
    expect(msg.via.map((v) => [v.transport, v.host, v.branch])).toEqual([
      ['UDP', '192.0.2.2', '390skdjuw'],
      ['TCP', 'spindle.example.com', 'z9hG4bK9ikj8'],
      ['UDP', '192.168.255.111', 'z9hG4bK30239'],
    ]);
    expect(msg.get('NewFangledHeader')).toBe('newfangled value continued newfangled value');
    expect(msg.get('Subject')).toBe('');
    expect(msg.contact[0]!.displayName).toBe('Quoted string ""');
    expect([...msg.contact[0]!.params]).toEqual([
      ['newparam', 'newvalue'],
      ['secondparam', null],
      ['q', '0.33'],
    ]);
    expect(msg.route[0]!.uri.params.get('unknown-no-value')).toBeNull();
  });

  it('esc01 and escnull: URI escapes are undone in user parts and parameters', () => {
    const esc01 = run('esc01.dat');
    const escnull = run('escnull.dat');
    if (esc01.kind !== 'accept' || escnull.kind !== 'accept') throw new Error('refused');
    const m = esc01.message;
    if (!('method' in m)) throw new Error('not a request');
    expect(m.uri.user).toBe('sips:user@example.com');
    expect(m.to.uri.user).toBe('user');
    expect(m.from.uri.user).toBe('I have spaces');
    expect(m.contact[0]!.uri.user).toBe('caller');
    expect(m.contact[0]!.uri.params.get('lr')).toBeNull();
    expect(m.contact[0]!.uri.params.get('name')).toBe('value%41');
    expect(escnull.message.contact.map((c) => c.uri.user)).toEqual(['\0', '\0\0']);
  });

  it('esc02: % in a header name makes it an unknown header, not Contact', () => {
    const m = run('esc02.dat');
    if (m.kind !== 'accept') throw new Error('refused');
    expect(m.message.contact.map((c) => c.uri.host)).toEqual(['host1.example.com', 'host3.example.com']);
    expect(m.message.get('C%6Fntact')).toBe('<sip:alias2@host2.example.com>');
  });

  it('cparam01 and cparam02: a bare addr-spec gives its params to the header, <> keeps them in the URI', () => {
    const c1 = run('cparam01.dat');
    const c2 = run('cparam02.dat');
    if (c1.kind !== 'accept' || c2.kind !== 'accept') throw new Error('refused');
    expect(c1.message.contact[0]!.params.has('unknownparam')).toBe(true);
    expect(c1.message.contact[0]!.uri.params.size).toBe(0);
    expect(c2.message.contact[0]!.uri.params.has('unknownparam')).toBe(true);
    expect(c2.message.contact[0]!.params.size).toBe(0);
  });

  it('regescrt: an escaped header in a Contact URI is kept and unescaped', () => {
    const m = run('regescrt.dat');
    if (m.kind !== 'accept') throw new Error('refused');
    expect(m.message.contact[0]!.uri.headers.get('Route')).toBe('<sip:sip.example.com>');
  });

  it('unkscm, novelsc and unksm2: unknown URI schemes are well-formed and kept opaque', () => {
    for (const file of ['unkscm.dat', 'novelsc.dat', 'unksm2.dat']) {
      const m = run(file);
      expect(m.kind).toBe('accept');
    }
    const m = run('unksm2.dat');
    if (m.kind !== 'accept') throw new Error('refused');
    expect(m.message.to.uri.scheme).toBe('isbn');
    expect(m.message.to.uri.opaque).toBe('2983792873');
  });

  it('mpart01: a binary body is framed by octets when it arrives as a byte string', () => {
    const m = run('mpart01.dat');
    if (m.kind !== 'accept') throw new Error('refused');
    expect(m.message.body.length).toBe(553);
    expect(m.message.mediaType?.params.get('boundary')).toBe('7a9cbec02ceef655');
  });
});
