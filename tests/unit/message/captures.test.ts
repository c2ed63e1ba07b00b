import { describe, expect, it } from 'vitest';
import { SipRequest, SipResponse, parseAuthParams, parseMessage, type SipMessage } from '../../../src/sip';
import { readCapture, readCaptures } from './frames';

function request(name: string): SipRequest {
  const m = parseMessage(readCapture(name));
  if (!(m instanceof SipRequest)) throw new Error(`${name} is not a request`);
  return m;
}

function response(name: string): SipResponse {
  const m = parseMessage(readCapture(name));
  if (!(m instanceof SipResponse)) throw new Error(`${name} is not a response`);
  return m;
}

/** What round-tripping must preserve: everything but Content-Length's spelling. */
function structure(m: SipMessage) {
  return {
    start: m instanceof SipRequest ? [m.method, m.uri.toString()] : [m.status, m.reason],
    headers: m.headers.filter((h) => h.name !== 'Content-Length'),
    body: m.body,
    via: m.via.map((v) => [v.transport, v.host, v.port, [...v.params]]),
    from: m.from.toString(),
    to: m.to.toString(),
    cseq: m.cseq,
    contact: m.contact.map(String),
  };
}

describe('real MicroSIP 3.21 and CUCM 14 captures', () => {
  for (const [name, text] of readCaptures()) {
    it(`parses ${name} and round-trips it through toString`, () => {
      const m = parseMessage(text);
      const again = parseMessage(m.toString());
      expect(structure(again)).toEqual(structure(m));
      expect(again.toString()).toBe(m.toString());
    });
  }

  it('reads the early-offer INVITE: URI, tags, branch, allow, supported, session timer and SDP', () => {
    const m = request('microsip-invite-early-offer');
    expect(m.method).toBe('INVITE');
    expect(m.uri.toString()).toBe('sip:192.168.80.12');
    expect(m.via[0]).toMatchObject({ transport: 'UDP', host: '192.168.71.146', port: 50952 });
    expect(m.via[0]!.branch).toBe('z9hG4bKPj15728c40ffd34c83b084dc67d9e93d9c');
    expect(m.via[0]!.params.get('rport')).toBeNull();
    expect(m.from.tag).toBe('cb9e96b542084e3db354b9a6e98e5527');
    expect(m.to.tag).toBeUndefined();
    expect(m.callId).toBe('6c46d346e3084913a77014b523c9e389');
    expect(m.cseq).toEqual({ seq: 6521, method: 'INVITE' });
    expect(m.maxForwards).toBe(70);
    expect(m.contact[0]!.uri.params.get('ob')).toBeNull();
    expect(m.allow).toContain('PRACK');
    expect(m.allow).toHaveLength(12);
    expect(m.supported).toEqual(['replaces', '100rel', 'timer', 'norefersub']);
    expect(m.sessionExpires).toMatchObject({ delta: 1800 });
    expect(m.sessionExpires?.refresher).toBeUndefined();
    expect(m.minSE).toBe(90);
    expect(m.contentType).toBe('application/sdp');
    expect(m.body.startsWith('v=0\r\no=- 3902655284')).toBe(true);
    expect(m.body.endsWith('a=ssrc:1913920969 cname:1ebf1ac11af82313\r\n')).toBe(true);
  });

  it('reads the 200 OK answer with refresher and Require: timer', () => {
    const m = response('microsip-200-ok-invite-answer');
    expect(m.status).toBe(200);
    expect(m.reason).toBe('OK');
    expect(m.to.tag).toBe('9d6ab2e6da5e4ad09aea771ed6a12343');
    expect(m.via[0]!.params.get('received')).toBe('192.168.80.11');
    expect(m.via[0]!.params.get('rport')).toBe('50952');
    expect(m.sessionExpires).toMatchObject({ delta: 1800, refresher: 'uac' });
    expect(m.require).toEqual(['timer']);
  });

  it('reads the CUCM delayed-offer INVITE: no body, Min-SE with extra spaces, CUCM tag with ~', () => {
    const m = request('cucm-invite-delayed-offer');
    expect(m.body).toBe('');
    expect(m.has('Content-Type')).toBe(false);
    expect(m.minSE).toBe(1800);
    expect(m.expires).toBe(180);
    expect(m.from.tag).toBe('22130~27aa66c8-2714-422d-b044-24d65024d146-29314073');
    expect(m.from.uri.user).toBeUndefined();
    expect(m.from.uri.host).toBe('192.168.80.100');
    expect(m.supported).toEqual(['timer', 'resource-priority', 'replaces']);
    expect(m.getAll('Allow-Events')).toEqual(['presence']);
    expect(m.get('Remote-Party-ID')).toBe('<sip:192.168.80.100>;party=calling;screen=yes;privacy=off');
  });

  it('reads the delayed-offer 200 OK offer and the ACK carrying the answer', () => {
    const ok = response('microsip-200-ok-invite-offer');
    expect(ok.contentType).toBe('application/sdp');
    expect(ok.body).toContain('m=video 0 RTP/AVP 31');
    const ack = request('cucm-ack-answer');
    expect(ack.cseq).toEqual({ seq: 101, method: 'ACK' });
    expect(ack.body).toContain('o=CiscoSystemsCCM-SIP 22130 1 IN IP4 192.168.80.100');
  });

  it('reads the REGISTER / 401 / REGISTER-with-credentials / 200 exchange', () => {
    const reg = request('microsip-register');
    expect(reg.route[0]!.uri.params.get('lr')).toBeNull();
    expect(reg.route[0]!.uri.host).toBe('192.168.80.100');
    expect(reg.expires).toBe(300);
    expect(reg.contact[0]!.uri.aor).toBe('sip:10001@192.168.80.11');

    const challenge = response('cucm-401-register');
    expect(challenge.status).toBe(401);
    const [www] = challenge.authHeaders('WWW-Authenticate');
    expect(www!.scheme).toBe('Digest');
    expect(Object.fromEntries(www!.params)).toEqual({
      realm: 'ccmsipline',
      nonce: 'vP42jVSdIItGRD5nYmE71/4JD/ZYUQvL',
      algorithm: 'MD5',
    });

    const retry = request('microsip-register-authorization');
    expect(retry.cseq.seq).toBe(reg.cseq.seq + 1);
    const auth = parseAuthParams(retry.get('Authorization')!);
    expect(auth.params.get('username')).toBe('microsip01');
    expect(auth.params.get('uri')).toBe('sip:192.168.80.100');
    expect(auth.params.get('response')).toBe('b70fca7c592084c62c51f1a5143ea339');

    const ok = response('cucm-200-ok-register');
    expect(ok.expires).toBe(120);
    expect(ok.contact[0]!.params.has('x-cisco-newreg')).toBe(true);
    expect(ok.get('Server')).toBe('Cisco-CUCM14.0');
  });

  it('reads the REFER with Refer-To, Referred-By, Event and Accept', () => {
    const m = request('microsip-refer');
    expect(m.referTo?.uri.toString()).toBe('sip:10003@192.168.80.100');
    expect(m.referredBy?.uri.aor).toBe('sip:10001@192.168.80.100');
    expect(m.event).toMatchObject({ type: 'refer' });
    expect(m.getAll('Accept')).toEqual(['message/sipfrag;version=2.0']);
    expect(m.allowEvents).toEqual(['presence', 'message-summary', 'refer']);
    expect(response('cucm-202-accepted').reason).toBe('Accepted');
  });

  it('reads the NOTIFY for message-summary with Subscription-State', () => {
    const m = request('cucm-notify-message-summary');
    expect(m.event?.type).toBe('message-summary');
    expect(m.subscriptionState).toMatchObject({ state: 'active' });
    expect(m.contentType).toBe('application/simple-message-summary');
    expect(m.body).toBe('Messages-Waiting: no\r\n');
  });

  it('reads MESSAGE, OPTIONS (Max-Forwards 0, TCP) and their 200 responses', () => {
    const msg = request('microsip-message');
    expect(msg.contentType).toBe('text/plain');
    expect(msg.body).toBe('selam');
    expect(response('microsip-200-ok-message').to.tag).toBe('z9hG4bKPjb3a637173a7749388acfa945363e2935');
    const options = request('cucm-options');
    expect(options.maxForwards).toBe(0);
    expect(options.via[0]!.transport).toBe('TCP');
    expect(options.contact[0]!.uri.params.get('transport')).toBe('tcp');
    expect(response('microsip-200-ok-options').getAll('Accept')).toHaveLength(7);
  });

  it('reads the CANCEL derived from the INVITE with the INVITE branch and CSeq number', () => {
    const invite = request('microsip-invite-early-offer');
    const cancel = request('microsip-cancel-derived');
    expect(cancel.via[0]!.branch).toBe(invite.via[0]!.branch);
    expect(cancel.cseq).toEqual({ seq: invite.cseq.seq, method: 'CANCEL' });
    expect(cancel.uri.toString()).toBe(invite.uri.toString());
  });

  it('reads BYE and its 200 from both call legs', () => {
    expect(request('microsip-bye').cseq).toEqual({ seq: 6522, method: 'BYE' });
    expect(request('cucm-bye').get('Session-ID')).toBe(
      '87881cd24ddf6a92abd7cfe7eab22129;remote=a3a189dd08a5f9750c5045c3eaa22130',
    );
    expect(response('microsip-200-ok-bye-cucm').cseq.method).toBe('BYE');
    expect(response('microsip-180-ringing').status).toBe(180);
    expect(response('microsip-100-trying-invite').reason).toBe('Trying');
  });
});
