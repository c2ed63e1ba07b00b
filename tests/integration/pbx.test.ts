import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseChallenge } from '../../src/sip/auth';
import { SipResponse } from '../../src/sip';
import type { LogLevel } from '../../src/sip/ports';
import { startPbx, type Pbx, type PbxOptions } from '../../server/pbx';
import { WsSipClient } from './support/ws-sip-client';
import { TestPhone, token } from './support/test-phone';

const SDP = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n';

const logLines: string[] = [];
const captureLogger = { log: (_level: LogLevel, message: string) => void logLines.push(message) };

let pbx: Pbx;
const opened: TestPhone[] = [];

function start(options: PbxOptions = {}): Promise<Pbx> {
  return startPbx({ port: 0, logger: captureLogger, logLevel: 'debug', minExpires: 10, maxExpires: 3600, ...options });
}

async function phone(user: string, password?: string, url = pbx.url): Promise<TestPhone> {
  const p = await TestPhone.connect(url, user, password);
  opened.push(p);
  return p;
}

async function registered(user: string, contactParams?: string): Promise<TestPhone> {
  const p = await phone(user);
  const response = await p.register(contactParams === undefined ? {} : { contactParams });
  expect(response.status).toBe(200);
  return p;
}

function invite(to: string, callId = token()): Parameters<TestPhone['send']>[0] {
  return {
    method: 'INVITE',
    uri: `sip:${to}@127.0.0.1`,
    callId,
    cseq: 1,
    to: `<sip:${to}@127.0.0.1>`,
    headers: [['Content-Type', 'application/sdp']],
    body: SDP,
  };
}

/** Resolves after `ms` with the frames of `client` that `match` accepts, which should be none. */
async function framesWithin(client: WsSipClient, ms: number, match: (text: string) => boolean): Promise<string[]> {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return client.pending.filter(match);
}

let openFlows = 0;

beforeAll(async () => {
  pbx = await start();
  pbx.events.on('flowOpened', () => openFlows++);
  pbx.events.on('flowClosed', () => openFlows--);
});

// Every test starts with no registrations: a tab left over from an earlier test would be forked to.
afterEach(async () => {
  await Promise.all(opened.splice(0).map((p) => p.close()));
  while (openFlows > 0) await new Promise((resolve) => setTimeout(resolve, 5));
});

afterAll(async () => {
  await pbx.close();
});

describe('registrar', () => {
  it('challenges a REGISTER with 401 and registers it once the digest credentials are right', async () => {
    const p = await phone('1000');
    const callId = token();
    const spec = { method: 'REGISTER', uri: 'sip:127.0.0.1', callId, cseq: 1, to: `<${p.aor}>`, headers: [['Expires', '600']] as [string, string][] };

    const challenge = await p.response(p.send(spec));
    expect(challenge.status).toBe(401);
    expect(challenge.to.tag).toBeDefined();
    expect(parseChallenge(challenge.get('WWW-Authenticate')!)).toMatchObject({ realm: 'tabphone', algorithm: 'MD5', qop: ['auth'], stale: false });

    const auth = p.digest.authorize({ status: 401, challengeHeaders: challenge.getLines('WWW-Authenticate'), method: 'REGISTER', uri: spec.uri, body: '' });
    if (!auth.ok) throw new Error(auth.reason);
    const ok = await p.response(p.send({ ...spec, cseq: 2, headers: [...spec.headers, [auth.header, auth.value]] }));

    expect(ok.status).toBe(200);
    expect(ok.contact).toHaveLength(1);
    expect(ok.contact[0]!.uri.toString()).toBe(p.contactUri);
    expect(ok.contact[0]!.params.get('expires')).toBe('600');
    expect(pbx.bindings('1000')).toMatchObject([{ contact: `<${p.contactUri}>`, expires: 600 }]);
  });

  it('challenges again with 401 when the password is wrong', async () => {
    const p = await phone('1003', 'not-the-password');
    expect((await p.register()).status).toBe(401);
    expect(pbx.bindings('1003')).toEqual([]);
  });

  it('answers 404 to a REGISTER for a user that is not configured', async () => {
    const p = await phone('2000');
    const branch = p.send({ method: 'REGISTER', uri: 'sip:127.0.0.1', callId: token(), cseq: 1, to: `<${p.aor}>` });
    expect((await p.response(branch)).status).toBe(404);
  });

  it('refuses an interval below the minimum with 423 and Min-Expires', async () => {
    const p = await phone('1006');
    const response = await p.register({ expires: 5 });
    expect(response.status).toBe(423);
    expect(response.get('Min-Expires')).toBe('10');
  });

  it('shortens an interval above the maximum', async () => {
    const p = await phone('1006');
    const response = await p.register({ expires: 999_999 });
    expect(response.contact[0]!.params.get('expires')).toBe('3600');
  });

  it('replaces the binding of the same +sip.instance and lists every binding in the 200', async () => {
    const instance = ';+sip.instance="<urn:uuid:00000000-0000-4000-8000-000000000007>";reg-id=1';
    await registered('1007', instance);
    const again = await phone('1007');
    const reply = await again.register({ contactParams: instance });
    expect(reply.contact.map((c) => c.uri.toString())).toEqual([again.contactUri]);

    const other = await phone('1007');
    const both = await other.register({ contactParams: ';+sip.instance="<urn:uuid:00000000-0000-4000-8000-000000000008>"' });
    expect(both.contact.map((c) => c.uri.toString()).sort()).toEqual([again.contactUri, other.contactUri].sort());
    expect(pbx.bindings('1007')).toHaveLength(2);
  });

  it('removes every binding for Contact: * with Expires: 0', async () => {
    const p = await registered('1008');
    const response = await p.sendAuthenticated({
      method: 'REGISTER',
      uri: 'sip:127.0.0.1',
      callId: token(),
      cseq: 1,
      to: `<${p.aor}>`,
      contact: '*',
      headers: [['Expires', '0']],
    });
    expect(response.status).toBe(200);
    expect(response.contact).toEqual([]);
    expect(pbx.bindings('1008')).toEqual([]);
  });

  it('removes the bindings of a socket that closes, so the user shows as offline', async () => {
    const gone = await registered('1005');
    expect(pbx.bindings('1005')).toHaveLength(1);
    const closed = new Promise((resolve) => pbx.events.once('flowClosed', resolve));
    await gone.close();
    await closed;
    expect(pbx.bindings('1005')).toEqual([]);

    const caller = await phone('1000');
    expect((await caller.sendAuthenticated(invite('1005'))).status).toBe(480);
  });
});

describe('proxy', () => {
  it('routes a call from 1000 to 1001 with Via and Record-Route, and ACK and BYE along the Record-Route', async () => {
    const caller = await registered('1000');
    const callee = await registered('1001');
    const callId = token();

    const first = await caller.response(caller.send(invite('1001', callId)));
    expect(first.status).toBe(407);
    expect(parseChallenge(first.get('Proxy-Authenticate')!)?.realm).toBe('tabphone');
    caller.send({ method: 'ACK', uri: 'sip:1001@127.0.0.1', callId, cseq: 1, to: first.get('To')!, branch: first.via[0]!.branch!, contact: null });

    const { branch } = await caller.sendWithCredentials(invite('1001', callId));
    const trying = await caller.client.receive((m) => m instanceof SipResponse && m.status === 100);
    expect(trying.via[0]!.branch).toBe(branch);

    const arriving = await callee.incoming('INVITE');
    expect(arriving.uri.toString()).toBe(callee.contactUri);
    expect(arriving.via).toHaveLength(2);
    expect(arriving.via[0]).toMatchObject({ transport: 'WS', host: '127.0.0.1', port: pbx.port });
    expect(arriving.via[0]!.branch).toMatch(/^z9hG4bK/);
    expect(arriving.via[1]!.host).toBe(caller.client.host);
    expect(arriving.getLines('Record-Route')).toEqual([`<sip:127.0.0.1:${pbx.port};transport=ws;lr>`]);
    expect(arriving.maxForwards).toBe(69);
    expect(arriving.has('Proxy-Authorization')).toBe(false);
    expect(arriving.body).toBe(SDP);

    callee.respond(arriving, 180, 'Ringing', callee.fromTag);
    const ringing = await caller.response(branch, { provisional: true });
    expect(ringing.status).toBe(180);
    expect(ringing.via).toHaveLength(1);

    callee.respond(arriving, 200, 'OK', callee.fromTag, SDP);
    const answer = await caller.response(branch);
    expect(answer.status).toBe(200);
    expect(answer.to.tag).toBe(callee.fromTag);
    const routeSet = [...answer.getLines('Record-Route')].reverse();
    const remoteTarget = answer.contact[0]!.uri.toString();
    expect(remoteTarget).toBe(callee.contactUri);

    caller.send({ method: 'ACK', uri: remoteTarget, callId, cseq: 2, to: answer.get('To')!, route: routeSet, contact: null });
    const ack = await callee.incoming('ACK');
    expect(ack.uri.toString()).toBe(callee.contactUri);
    expect(ack.has('Route')).toBe(false);
    expect(ack.via[0]!.port).toBe(pbx.port);

    const byeBranch = callee.send({
      method: 'BYE',
      uri: arriving.contact[0]!.uri.toString(),
      callId,
      cseq: 1,
      to: `${arriving.get('From')}`,
      route: arriving.getLines('Record-Route'),
      contact: null,
    });
    const bye = await caller.incoming('BYE');
    expect(bye.uri.toString()).toBe(caller.contactUri);
    caller.respond(bye, 200, 'OK');
    expect((await callee.response(byeBranch)).status).toBe(200);
  });

  it('carries a re-INVITE and in-dialog INFO, UPDATE, REFER, NOTIFY, MESSAGE and OPTIONS along the Record-Route', async () => {
    const caller = await registered('1000');
    const callee = await registered('1001');
    const callId = token();
    const { branch } = await caller.sendWithCredentials(invite('1001', callId));
    const arriving = await callee.incoming('INVITE');
    callee.respond(arriving, 200, 'OK', callee.fromTag, SDP);
    const answer = await caller.response(branch);
    const inDialog = { uri: answer.contact[0]!.uri.toString(), callId, to: answer.get('To')!, route: answer.getLines('Record-Route') };
    caller.send({ ...inDialog, method: 'ACK', cseq: 2, contact: null });
    await callee.incoming('ACK');

    let cseq = 3;
    for (const method of ['INVITE', 'INFO', 'UPDATE', 'REFER', 'NOTIFY', 'MESSAGE', 'OPTIONS']) {
      const sent = caller.send({ ...inDialog, method, cseq: cseq++ });
      const request = await callee.incoming(method, (r) => r.callId === callId);
      expect(request.uri.toString()).toBe(callee.contactUri);
      expect(request.has('Route')).toBe(false);
      expect(request.has('Record-Route')).toBe(false);
      callee.respond(request, 200, 'OK');
      expect((await caller.response(sent, { method })).status).toBe(200);
    }
  });

  /** 1000 calls 1001, 1001 rings (180), then 1000 sends CANCEL. */
  async function ringingCallCancelled() {
    const caller = await registered('1000');
    const callee = await registered('1001');
    const spec = invite('1001');
    const { branch, cseq } = await caller.sendWithCredentials(spec);
    const arriving = await callee.incoming('INVITE');
    callee.respond(arriving, 180, 'Ringing', callee.fromTag);
    await caller.response(branch, { provisional: true });
    caller.send({ method: 'CANCEL', uri: spec.uri, callId: spec.callId, cseq, to: spec.to, branch, contact: null });
    return { caller, callee, spec, branch, cseq, arriving };
  }

  it('cancels a ringing call: 200 to the CANCEL, CANCEL at the callee, 487 to the caller', async () => {
    const { caller, callee, spec, branch, cseq, arriving } = await ringingCallCancelled();
    expect((await caller.response(branch, { method: 'CANCEL' })).status).toBe(200);
    const cancel = await callee.incoming('CANCEL');
    expect(cancel.via[0]!.branch).toBe(arriving.via[0]!.branch);
    callee.respond(cancel, 200, 'OK');
    callee.respond(arriving, 487, 'Request Terminated', callee.fromTag);

    const final = await caller.response(branch, { method: 'INVITE' });
    expect(final.status).toBe(487);
    // The PBX acknowledges the callee's 487 itself (hop by hop) and absorbs the caller's ACK.
    const pbxAck = await callee.incoming('ACK');
    expect(pbxAck.via[0]!.branch).toBe(arriving.via[0]!.branch);
    caller.send({ method: 'ACK', uri: spec.uri, callId: spec.callId, cseq, to: final.get('To')!, branch, contact: null });
    expect(await framesWithin(callee.client, 150, (t) => t.startsWith('ACK '))).toEqual([]);
  });

  it('passes on a 200 that crosses the caller\'s CANCEL, so the caller can still ACK and hang up', async () => {
    const { caller, callee, spec, branch, cseq, arriving } = await ringingCallCancelled();
    callee.respond(arriving, 200, 'OK', callee.fromTag, SDP);

    expect((await caller.response(branch, { method: 'CANCEL' })).status).toBe(200);
    const answer = await caller.response(branch, { method: 'INVITE' });
    expect(answer.status).toBe(200);
    caller.send({
      method: 'ACK',
      uri: answer.contact[0]!.uri.toString(),
      callId: spec.callId,
      cseq,
      to: answer.get('To')!,
      route: answer.getLines('Record-Route'),
      contact: null,
    });
    expect((await callee.incoming('ACK')).to.tag).toBe(callee.fromTag);
  });

  it('forks to every tab of a user and cancels the others when one answers', async () => {
    const caller = await registered('1000');
    const tabA = await registered('1004', ';+sip.instance="<urn:uuid:00000000-0000-4000-8000-00000000000a>"');
    const tabB = await registered('1004', ';+sip.instance="<urn:uuid:00000000-0000-4000-8000-00000000000b>"');
    const { branch } = await caller.sendWithCredentials(invite('1004'));

    const [atA, atB] = await Promise.all([tabA.incoming('INVITE'), tabB.incoming('INVITE')]);
    expect(atA.via[0]!.branch).not.toBe(atB.via[0]!.branch);
    tabA.respond(atA, 180, 'Ringing', tabA.fromTag);
    tabB.respond(atB, 180, 'Ringing', tabB.fromTag);
    tabA.respond(atA, 200, 'OK', tabA.fromTag, SDP);

    const answer = await caller.response(branch);
    expect(answer.status).toBe(200);
    expect(answer.to.tag).toBe(tabA.fromTag);
    const cancel = await tabB.incoming('CANCEL');
    tabB.respond(cancel, 200, 'OK');
    tabB.respond(atB, 487, 'Request Terminated', tabB.fromTag);
    expect((await tabB.incoming('ACK')).via[0]!.branch).toBe(atB.via[0]!.branch);
    expect(await framesWithin(caller.client, 100, (t) => t.startsWith('SIP/2.0 487'))).toEqual([]);
  });

  it('delivers a MESSAGE and returns the 200', async () => {
    const sender = await registered('1000');
    const receiver = await registered('1009');
    const { branch } = await sender.sendWithCredentials({
      method: 'MESSAGE',
      uri: 'sip:1009@127.0.0.1',
      callId: token(),
      cseq: 1,
      to: '<sip:1009@127.0.0.1>',
      headers: [['Content-Type', 'text/plain']],
      body: 'hello, 1009',
    });
    const message = await receiver.incoming('MESSAGE');
    expect(message.body).toBe('hello, 1009');
    receiver.respond(message, 200, 'OK', receiver.fromTag);
    expect((await sender.response(branch)).status).toBe(200);
  });

  it('answers 480 for a known user who is offline and 404 for an unknown one', async () => {
    const caller = await phone('1000');
    expect((await caller.sendAuthenticated(invite('1002'))).status).toBe(480);
    expect((await caller.sendAuthenticated(invite('2000'))).status).toBe(404);
  });

  it('answers OPTIONS addressed to itself without a challenge', async () => {
    const p = await phone('1000');
    const branch = p.send({ method: 'OPTIONS', uri: `sip:127.0.0.1:${pbx.port}`, callId: token(), cseq: 1, to: `<sip:127.0.0.1:${pbx.port}>` });
    const response = await p.response(branch);
    expect(response.status).toBe(200);
    expect(response.allow).toEqual(expect.arrayContaining(['INVITE', 'REFER', 'MESSAGE', 'SUBSCRIBE', 'PRACK', 'UPDATE']));
  });

  it('answers 483 when Max-Forwards has run out', async () => {
    const p = await phone('1000');
    const branch = p.send({ ...invite('1001'), maxForwards: 0 });
    expect((await p.response(branch)).status).toBe(483);
  });
});

describe('transport and robustness', () => {
  it('answers a CRLF keep-alive ping with a pong', async () => {
    const client = await WsSipClient.connect(pbx.url);
    client.send('\r\n\r\n');
    expect(await client.receiveText()).toBe('\r\n');
    await client.close();
  });

  it('refuses a WebSocket without the "sip" subprotocol', async () => {
    await expect(WsSipClient.connect(pbx.url, 'xmpp')).rejects.toThrow(/400/);
    await expect(WsSipClient.connect(pbx.url, [])).rejects.toThrow(/400/);
  });

  it('answers a malformed request with 400 naming the fault, drops a malformed response, and keeps serving', async () => {
    const p = await phone('1000');
    const callId = token();
    p.client.send(
      'INVITE sip:1001@127.0.0.1 SIP/2.0\r\n' +
        `Via: SIP/2.0/WS ${p.client.host};branch=z9hG4bKbroken\r\n` +
        'From: <sip:1000@127.0.0.1>;tag=a\r\nTo: <sip:1001@127.0.0.1>\r\n' +
        `Call-ID: ${callId}\r\nCSeq: many INVITE\r\nContent-Length: 0\r\n\r\n`,
    );
    // The reply echoes the broken CSeq as written, so it is read as text.
    const reply = await p.client.receiveText((t) => t.includes(callId));
    expect(reply).toMatch(/^SIP\/2\.0 400 Bad Request - CSeq .*\r\n/);
    expect(reply).toContain('branch=z9hG4bKbroken');
    expect(reply).toMatch(/\r\nTo: <sip:1001@127\.0\.0\.1>;tag=\w+\r\n/);

    p.client.send('SIP/2.0 200 OK\r\nVia: nonsense\r\n\r\n');
    const branch = p.send({ method: 'OPTIONS', uri: 'sip:127.0.0.1', callId: token(), cseq: 1, to: '<sip:127.0.0.1>' });
    expect((await p.response(branch)).status).toBe(200);
    expect(p.client.pending.filter((t) => t.includes('nonsense'))).toEqual([]);
  });

  it('never writes Authorization or Proxy-Authorization values to its log', async () => {
    const sent: string[] = [];
    const off = pbx.events.on('message', ({ direction, text }) => {
      if (direction !== 'in') return;
      for (const line of text.split('\r\n')) {
        const m = /^(?:Proxy-)?Authorization:\s*(.*)$/i.exec(line);
        if (m) sent.push(m[1]!);
      }
    });
    const p = await registered('1001');
    await p.sendAuthenticated(invite('1002'));
    off();

    expect(sent).toHaveLength(2);
    const log = logLines.join('\n');
    for (const value of sent) expect(log).not.toContain(value);
    expect(log).toContain('Authorization: <redacted>');
    expect(log).toContain('Proxy-Authorization: <redacted>');
  });
});

describe('options', () => {
  it('challenges again with stale=true when the nonce has expired, and accepts the fresh one', async () => {
    let time = Date.now();
    const clocked = await start({ nonceLifetime: 300, now: () => time });
    try {
      const p = await phone('1000', undefined, clocked.url);
      const spec = { method: 'REGISTER', uri: 'sip:127.0.0.1', callId: token(), cseq: 1, to: `<${p.aor}>` };
      const first = await p.response(p.send(spec));
      time += 301_000;
      const auth = p.digest.authorize({ status: 401, challengeHeaders: first.getLines('WWW-Authenticate'), method: 'REGISTER', uri: spec.uri, body: '' });
      if (!auth.ok) throw new Error(auth.reason);
      const stale = await p.response(p.send({ ...spec, cseq: 2, headers: [[auth.header, auth.value]] }));
      expect(stale.status).toBe(401);
      expect(parseChallenge(stale.get('WWW-Authenticate')!)?.stale).toBe(true);

      const retry = p.digest.authorize({ status: 401, challengeHeaders: stale.getLines('WWW-Authenticate'), method: 'REGISTER', uri: spec.uri, body: '' });
      if (!retry.ok) throw new Error(retry.reason);
      expect(retry.stale).toBe(true);
      expect((await p.response(p.send({ ...spec, cseq: 3, headers: [[retry.header, retry.value]] }))).status).toBe(200);
    } finally {
      await clocked.close();
    }
  });

  it('forgets a binding once its interval has run out', async () => {
    let time = Date.now();
    const clocked = await start({ now: () => time });
    try {
      const callee = await phone('1001', undefined, clocked.url);
      expect((await callee.register({ expires: 60 })).status).toBe(200);
      time += 59_000;
      expect(clocked.bindings('1001')).toMatchObject([{ expires: 1 }]);
      time += 1_000;
      expect(clocked.bindings('1001')).toEqual([]);
      const caller = await phone('1000', undefined, clocked.url);
      expect((await caller.sendAuthenticated(invite('1001'))).status).toBe(480);
    } finally {
      await clocked.close();
    }
  });

  it('offers SHA-256 and MD5 challenges when asked to, and accepts SHA-256 credentials', async () => {
    const both = await start({ algorithms: ['SHA-256', 'MD5'] });
    try {
      const p = await phone('1000', undefined, both.url);
      const spec = { method: 'REGISTER', uri: 'sip:127.0.0.1', callId: token(), cseq: 1, to: `<${p.aor}>` };
      const challenge = await p.response(p.send(spec));
      expect(challenge.getLines('WWW-Authenticate').map((v) => parseChallenge(v)?.algorithm)).toEqual(['SHA-256', 'MD5']);
      const auth = p.digest.authorize({ status: 401, challengeHeaders: challenge.getLines('WWW-Authenticate'), method: 'REGISTER', uri: spec.uri, body: '' });
      if (!auth.ok) throw new Error(auth.reason);
      expect(auth.value).toContain('algorithm=SHA-256');
      expect((await p.response(p.send({ ...spec, cseq: 2, headers: [[auth.header, auth.value]] }))).status).toBe(200);
    } finally {
      await both.close();
    }
  });

  it('takes its users and realm from a users file instead of the demo users', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbx-users-'));
    const file = join(dir, 'users.json');
    const bobHa1 = createHash('md5').update('bob:lab:builder').digest('hex');
    await writeFile(file, JSON.stringify({ realm: 'lab', users: { alice: { password: 'wonderland' }, bob: { ha1: bobHa1 } } }));
    const custom = await start({ usersFile: file });
    try {
      expect(custom.realm).toBe('lab');
      expect((await (await phone('alice', 'wonderland', custom.url)).register()).status).toBe(200);
      expect((await (await phone('bob', 'builder', custom.url)).register()).status).toBe(200);
      const demo = await phone('1000', undefined, custom.url);
      const branch = demo.send({ method: 'REGISTER', uri: 'sip:127.0.0.1', callId: token(), cseq: 1, to: `<${demo.aor}>` });
      expect((await demo.response(branch)).status).toBe(404);
    } finally {
      await custom.close();
      await rm(dir, { recursive: true });
    }
  });

  it('refuses to start with a users file that is not in the documented format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pbx-users-'));
    const file = join(dir, 'users.json');
    await writeFile(file, JSON.stringify({ users: { bob: { pass: 'x' } } }));
    try {
      await expect(start({ usersFile: file })).rejects.toThrow(/user "bob" needs a "password"/);
    } finally {
      await rm(dir, { recursive: true });
    }
  });
});
