import { describe, expect, it } from 'vitest';
import { createResponse } from '../../../src/sip';
import { mediaFailure } from '../../../src/sip/media-port';
import { endForMediaFailure, endForResponse } from '../../../src/sip/ua/call/end-causes';
import { firstWarning, formatWarning } from '../../../src/sip/ua/call/warning-header';
import { sipRequest } from '../support/sip-messages';

const invite = sipRequest('INVITE');

describe('call end causes', () => {
  it('reports Timer B as a request timeout and a lost connection as a transport error, both from the system', () => {
    expect(endForResponse(createResponse(invite, 408, 'Request Timeout'), 'timeout', false)).toMatchObject({
      originator: 'system',
      cause: 'request-timeout',
      status: 408,
    });
    expect(endForResponse(createResponse(invite, 503, 'Transport Error'), 'transport-error', true)).toMatchObject({
      originator: 'system',
      cause: 'transport-error',
      message: 'Connection to the server lost',
    });
  });

  it('tells a 408 before any ringing from one after it', () => {
    expect(endForResponse(createResponse(invite, 408), 'network', false).cause).toBe('request-timeout');
    expect(endForResponse(createResponse(invite, 408), 'network', true).cause).toBe('no-answer');
  });

  it('maps media failures to microphone-blocked, no-common-codec or media-failed with their message', () => {
    expect(endForMediaFailure(mediaFailure('microphone-denied'))).toEqual({ originator: 'system', cause: 'microphone-blocked', message: 'microphone blocked' });
    expect(endForMediaFailure(mediaFailure('no-audio-stream', { message: 'no audio stream: the far end offers only T.38 fax' }))).toMatchObject({
      cause: 'no-common-codec',
      message: 'no audio stream: the far end offers only T.38 fax',
    });
    expect(endForMediaFailure(mediaFailure('ice-failed')).cause).toBe('media-failed');
  });
});

describe('Warning header', () => {
  it('reads code, agent and text of the first well-formed value, escapes undone', () => {
    expect(firstWarning(['bogus', '305 pbx.example.com "no \\"common\\" codec"'])).toEqual({ code: 305, agent: 'pbx.example.com', text: 'no "common" codec' });
    expect(firstWarning(['399 x'])).toBeUndefined();
  });

  it('writes a text that stays one quoted-string', () => {
    expect(formatWarning(304, 'a.invalid', 'say "hi"\r\nbye')).toBe('304 a.invalid "say \\"hi\\" bye"');
  });
});
