import { describe, expect, it } from 'vitest';
import { launchIntent, withoutLaunchParams } from '../../../src/pwa/launch-intent';

const dialOf = (link: string) => launchIntent(`?dial=${encodeURIComponent(link)}`).dial;

describe('launch URLs of the installed app', () => {
  it('opens the screen a manifest shortcut names', () => {
    expect(launchIntent('?screen=history').screen).toBe('history');
    expect(launchIntent('?screen=messages').screen).toBe('messages');
    expect(launchIntent('?screen=phone').screen).toBe('phone');
  });

  it('ignores a screen that does not exist', () => {
    expect(launchIntent('?screen=admin').screen).toBeUndefined();
    expect(launchIntent('').screen).toBeUndefined();
  });

  it('dials the SIP URI of a sip: link as it is', () => {
    expect(dialOf('sip:1001@127.0.0.1')).toEqual({ text: 'sip:1001@127.0.0.1', target: { ok: true, target: 'sip:1001@127.0.0.1' } });
  });

  it('dials the bare number of a tel: link, visual separators and parameters dropped', () => {
    expect(dialOf('tel:+1-555-123-4567;phone-context=example.com')).toEqual({
      text: '+15551234567',
      target: { ok: true, target: '+15551234567' },
    });
  });

  it('reads web+callto: links with and without the "//"', () => {
    expect(dialOf('web+callto:1001')?.target).toEqual({ ok: true, target: '1001' });
    expect(dialOf('web+callto://alice@example.com')?.target).toEqual({ ok: true, target: 'sip:alice@example.com' });
  });

  it('keeps a link it cannot dial as typed, with the reason', () => {
    const dial = dialOf('sip:1001@bad host');
    expect(dial?.text).toBe('sip:1001@bad host');
    expect(dial?.target.ok).toBe(false);
  });

  it('has nothing to dial without a dial parameter or with an empty one', () => {
    expect(launchIntent('?user=1000').dial).toBeUndefined();
    expect(launchIntent('?dial=').dial).toBeUndefined();
  });

  it('drops the launch parameters from the query string and keeps the rest', () => {
    expect(withoutLaunchParams('?user=1000&dial=sip%3A1001%40h&screen=history')).toBe('?user=1000');
    expect(withoutLaunchParams('?dial=1001')).toBe('');
  });
});
