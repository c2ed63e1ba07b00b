import { describe, expect, it } from 'vitest';
import { FAKE_BROWSER_CODECS } from '../support/fake-media-engine';
import { establishedCall, settle } from './call-harness';

describe('in-band DTMF in a call', () => {
  it('mixes the tones into the audio in in-band mode, with no RFC 4733 events and no INFO', async () => {
    const { clock, pbx, outgoing, alice } = await establishedCall({ alice: { media: { dtmfMode: 'inband' } } });
    expect(outgoing.sendDtmf('1#')).toBe(true);
    await settle(clock);
    expect(alice.engine.lastSession.inbandDtmfSent).toEqual(['1# 100ms']);
    expect(alice.engine.lastSession.dtmfSent).toEqual([]);
    expect(pbx.requests('INFO')).toHaveLength(0);
  });

  it('sends in-band tones to a far end that did not negotiate telephone-event', async () => {
    const noEvents = FAKE_BROWSER_CODECS.filter((c) => !c.mimeType.endsWith('telephone-event'));
    const { clock, pbx, outgoing, alice } = await establishedCall({ alice: { media: { dtmfMode: 'inband' } }, bob: { codecs: noEvents } });
    expect(outgoing.sendDtmf('0')).toBe(true);
    await settle(clock);
    expect(alice.engine.lastSession.inbandDtmfSent).toEqual(['0 100ms']);
    expect(pbx.requests('INFO')).toHaveLength(0);
  });

  it('refuses in-band tones before the call is up', async () => {
    const { clock, alice } = await establishedCall({ alice: { media: { dtmfMode: 'inband' } } });
    const ringing = alice.ua.call('1001');
    await settle(clock);
    expect(ringing.sendDtmf('1')).toBe(false);
  });
});
