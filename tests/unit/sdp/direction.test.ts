import { describe, it, expect } from 'vitest';
import { parse } from 'sdp-transform';
import {
  answerDirection,
  declaredDirection,
  hasNullConnection,
  holdOfferDirection,
  isHeldByRemote,
  remoteDirection,
  resumeOfferDirection,
  withAudioDirection,
  type Direction,
} from '../../../src/sdp';
import { loadSdp, mediaAt, sdpText } from './fixtures';

function withSessionLine(name: string, line: string) {
  return parse(sdpText(name).replace('t=0 0\r\n', `t=0 0\r\n${line}\r\n`).replace('a=sendrecv\r\n', ''));
}

describe('reading directions', () => {
  it('takes the media-level attribute first', () => {
    const sdp = loadSdp('cucm-ack-answer.sdp');
    expect(declaredDirection(sdp, mediaAt(sdp, 1))).toBe('inactive');
  });

  it('falls back to the session-level attribute', () => {
    const sdp = withSessionLine('te-no-fmtp-offer.sdp', 'a=sendonly');
    expect(declaredDirection(sdp, mediaAt(sdp, 0))).toBe('sendonly');
  });

  it('defaults to sendrecv when neither level has one', () => {
    const sdp = loadSdp('cucm-ack-answer.sdp');
    expect(declaredDirection(sdp, mediaAt(sdp, 0))).toBe('sendrecv');
  });

  it('sees c=0.0.0.0 at session level and lets a media c= line override it', () => {
    const held = loadSdp('hold-c0-offer.sdp');
    expect(hasNullConnection(held, mediaAt(held, 0))).toBe(true);
    const overridden = parse(sdpText('hold-c0-offer.sdp').replace('a=mid:0\r\n', 'c=IN IP4 127.0.0.1\r\na=mid:0\r\n'));
    expect(hasNullConnection(overridden, mediaAt(overridden, 0))).toBe(false);
  });

  it('does not treat the IPv6 unspecified address as RFC 2543 hold', () => {
    const sdp = parse(sdpText('hold-c0-offer.sdp').replace('c=IN IP4 0.0.0.0', 'c=IN IP6 ::'));
    expect(hasNullConnection(sdp, mediaAt(sdp, 0))).toBe(false);
  });

  it('folds c=0.0.0.0 into the far end’s direction', () => {
    const cases: [Direction, Direction][] = [
      ['sendrecv', 'sendonly'],
      ['sendonly', 'sendonly'],
      ['recvonly', 'inactive'],
      ['inactive', 'inactive'],
    ];
    for (const [declared, effective] of cases) {
      const sdp = parse(sdpText('hold-c0-offer.sdp').replace('a=mid:0\r\n', `a=mid:0\r\na=${declared}\r\n`));
      expect(remoteDirection(sdp, mediaAt(sdp, 0))).toBe(effective);
    }
  });
});

describe('held by the far end', () => {
  it('is true for a=sendonly, a=inactive and c=0.0.0.0', () => {
    expect(isHeldByRemote(withSessionLine('te-no-fmtp-offer.sdp', 'a=sendonly'))).toBe(true);
    expect(isHeldByRemote(withSessionLine('te-no-fmtp-offer.sdp', 'a=inactive'))).toBe(true);
    expect(isHeldByRemote(loadSdp('hold-c0-offer.sdp'))).toBe(true);
  });

  it('is false for sendrecv and recvonly offers', () => {
    expect(isHeldByRemote(loadSdp('microsip-early-offer.sdp'))).toBe(false);
    expect(isHeldByRemote(withSessionLine('te-no-fmtp-offer.sdp', 'a=recvonly'))).toBe(false);
  });

  it('looks at the active audio stream, not a disabled video one', () => {
    expect(isHeldByRemote(loadSdp('cucm-ack-answer.sdp'))).toBe(false);
  });
});

describe('choosing our direction', () => {
  it('offers sendonly to hold, or inactive when the far end already holds us', () => {
    expect(holdOfferDirection(false)).toBe('sendonly');
    expect(holdOfferDirection(true)).toBe('inactive');
  });

  it('offers inactive to hold when the account holds without music', () => {
    expect(holdOfferDirection(false, 'inactive')).toBe('inactive');
  });

  it('offers sendrecv to resume, or recvonly while the far end holds us', () => {
    expect(resumeOfferDirection(false)).toBe('sendrecv');
    expect(resumeOfferDirection(true)).toBe('recvonly');
  });

  it('mirrors the offered direction in the answer', () => {
    expect(answerDirection('sendonly', false)).toBe('recvonly');
    expect(answerDirection('recvonly', false)).toBe('sendonly');
    expect(answerDirection('inactive', false)).toBe('inactive');
    expect(answerDirection('sendrecv', false)).toBe('sendrecv');
  });

  it('answers without receiving while we hold the call', () => {
    expect(answerDirection('sendrecv', true)).toBe('sendonly');
    expect(answerDirection('recvonly', true)).toBe('sendonly');
    expect(answerDirection('sendonly', true)).toBe('inactive');
    expect(answerDirection('inactive', true)).toBe('inactive');
  });

  it('answers an RFC 2543 hold offer with recvonly', () => {
    const held = loadSdp('hold-c0-offer.sdp');
    expect(answerDirection(remoteDirection(held, mediaAt(held, 0)), false)).toBe('recvonly');
  });
});

describe('setting our direction', () => {
  it('sets active audio lines, keeps the session direction on the others and drops it at session level', () => {
    const sdp = withSessionLine('microsip-delayed-offer.sdp', 'a=inactive');
    const held = withAudioDirection(sdp, 'sendonly');
    expect(held.direction).toBeUndefined();
    expect(held.media.map((m) => m.direction)).toEqual(['sendonly', 'inactive']);
    expect(sdp.direction).toBe('inactive');
  });
});
