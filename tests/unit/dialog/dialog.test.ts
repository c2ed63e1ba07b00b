import { describe, expect, it } from 'vitest';
import { dialogIdOf } from '../../../src/sip/dialog/dialog-id';
import { Dialog } from '../../../src/sip/dialog/dialog';
import { seededRandom } from '../support/fake-clock';
import { sipRequest, sipResponse } from '../support/sip-messages';

const random = seededRandom(3);

function uacDialog(status = 200) {
  const invite = sipRequest('INVITE', { fromTag: 'alice1', cseq: 10 });
  const response = sipResponse(invite, status, {
    toTag: 'bob1',
    headers: [
      ['Record-Route', '<sip:p2.example.com;lr>, <sip:p1.example.com;lr>'],
      ['Contact', '<sip:bob@192.0.2.4;transport=ws>'],
    ],
  });
  return { invite, response, dialog: Dialog.asUac(invite, response, random)! };
}

describe('Dialog as UAC (§12.1.2)', () => {
  it('takes its id, URIs, remote target and reversed Record-Route from the INVITE and the response', () => {
    const { dialog } = uacDialog();
    expect(dialog.state).toBe('confirmed');
    expect(dialog.id).toEqual({ callId: 'a84b4c76e66710', localTag: 'alice1', remoteTag: 'bob1' });
    expect(dialog.localUri.toString()).toBe('"Alice" <sip:alice@atlanta.example.com>');
    expect(dialog.remoteUri.toString()).toBe('"Bob" <sip:bob@biloxi.example.com>');
    expect(dialog.remoteTarget.toString()).toBe('sip:bob@192.0.2.4;transport=ws');
    expect(dialog.routeSet.map(String)).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    expect(dialog.localSeq).toBe(10);
  });

  it('starts early on a 1xx and is confirmed by the 2xx, whose Record-Route and Contact win', () => {
    const { invite, dialog: early } = uacDialog(180);
    expect(early.state).toBe('early');
    const ok = sipResponse(invite, 200, {
      toTag: 'bob1',
      headers: [
        ['Record-Route', '<sip:p3.example.com;lr>'],
        ['Contact', '<sip:bob@192.0.2.9>'],
      ],
    });
    early.confirm(ok);
    expect(early.state).toBe('confirmed');
    expect(early.routeSet.map(String)).toEqual(['<sip:p3.example.com;lr>']);
    expect(early.remoteTarget.toString()).toBe('sip:bob@192.0.2.9');
  });

  it('cannot be formed from a response without To tag or Contact', () => {
    const invite = sipRequest('INVITE');
    expect(Dialog.asUac(invite, sipResponse(invite, 200, { headers: [['Contact', '<sip:b@h>']] }), random)).toBeUndefined();
    expect(Dialog.asUac(invite, sipResponse(invite, 200, { toTag: 'x' }), random)).toBeUndefined();
  });

  it('builds in-dialog requests to the remote target through the loose-routed route set, CSeq counting up', () => {
    const { dialog } = uacDialog();
    const bye = dialog.createRequest('BYE');
    expect(bye.uri.toString()).toBe('sip:bob@192.0.2.4;transport=ws');
    expect(bye.getAll('Route')).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    expect(bye.from.tag).toBe('alice1');
    expect(bye.to.tag).toBe('bob1');
    expect(bye.callId).toBe('a84b4c76e66710');
    expect(bye.cseq).toEqual({ seq: 11, method: 'BYE' });
    expect(dialog.createRequest('INFO').cseq.seq).toBe(12);
  });

  it('sends the ACK for a 2xx with the INVITE CSeq number along the route set (§13.2.2.4)', () => {
    const { dialog } = uacDialog();
    const ack = dialog.createAck(10);
    expect(ack.method).toBe('ACK');
    expect(ack.cseq).toEqual({ seq: 10, method: 'ACK' });
    expect(ack.getAll('Route')).toHaveLength(2);
    expect(dialog.localSeq).toBe(10);
  });

  it('puts a strict router in the Request-URI and the remote target last in Route', () => {
    const invite = sipRequest('INVITE', { fromTag: 'a' });
    const response = sipResponse(invite, 200, {
      toTag: 'b',
      headers: [
        ['Record-Route', '<sip:strict.example.com;maddr=192.0.2.1>'],
        ['Contact', '<sip:bob@192.0.2.4>'],
      ],
    });
    const request = Dialog.asUac(invite, response, random)!.createRequest('BYE');
    expect(request.uri.toString()).toBe('sip:strict.example.com;maddr=192.0.2.1');
    expect(request.getAll('Route')).toEqual(['<sip:bob@192.0.2.4>']);
  });

  it('follows a target refresh', () => {
    const { dialog } = uacDialog();
    dialog.refreshTarget(sipRequest('INVITE', { headers: [] }));
    expect(dialog.remoteTarget.toString()).toBe('sip:alice@client.invalid;transport=ws');
  });

  it('refuses new requests once terminated', () => {
    const { dialog } = uacDialog();
    dialog.terminate();
    expect(dialog.state).toBe('terminated');
    expect(() => dialog.createRequest('BYE')).toThrow(/terminated/);
  });
});

describe('Dialog as UAS (§12.1.1)', () => {
  const invite = sipRequest('INVITE', {
    fromTag: 'caller',
    cseq: 500,
    headers: ['Record-Route: <sip:p1.example.com;lr>', 'Record-Route: <sip:p2.example.com;lr>'],
  });

  it('keeps the Record-Route order, takes the caller Contact as target and starts its own CSeq randomly below 2^31', () => {
    const dialog = Dialog.asUas(invite, 'callee', 'early', random)!;
    expect(dialog.id).toEqual({ callId: invite.callId, localTag: 'callee', remoteTag: 'caller' });
    expect(dialog.routeSet.map(String)).toEqual(['<sip:p1.example.com;lr>', '<sip:p2.example.com;lr>']);
    expect(dialog.remoteTarget.toString()).toBe('sip:alice@client.invalid;transport=ws');
    expect(dialog.localSeq).toBeUndefined();
    const bye = dialog.createRequest('BYE');
    expect(bye.cseq.seq).toBeGreaterThan(0);
    expect(bye.cseq.seq).toBeLessThan(2 ** 31);
    expect(bye.from.tag).toBe('callee');
    expect(bye.to.tag).toBe('caller');
    expect(dialogIdOf(sipRequest('BYE', { toTag: 'callee', fromTag: 'caller' }), 'request')).toEqual(dialog.id);
  });

  it('rejects a request with a lower remote CSeq and accepts ACK and CANCEL regardless (§12.2.2)', () => {
    const dialog = Dialog.asUas(invite, 'callee', 'confirmed', random)!;
    expect(dialog.acceptRemoteCseq(sipRequest('INFO', { cseq: 499 }))).toBe(false);
    expect(dialog.acceptRemoteCseq(sipRequest('INFO', { cseq: 501 }))).toBe(true);
    expect(dialog.remoteSeq).toBe(501);
    expect(dialog.acceptRemoteCseq(sipRequest('ACK', { cseq: 500 }))).toBe(true);
    expect(dialog.remoteSeq).toBe(501);
  });

  it('cannot be confirmed twice', () => {
    const dialog = Dialog.asUas(invite, 'callee', 'confirmed', random)!;
    expect(() => dialog.confirm()).toThrow(/confirmed → confirmed/);
  });
});
