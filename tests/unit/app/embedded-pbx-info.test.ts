import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMBEDDED_PBX_INFO_PATH, parseEmbeddedPbxInfo } from '../../../src/app/embedded-pbx-info';

const GOOD = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000', '1001'] };

describe('parseEmbeddedPbxInfo', () => {
  it('is served at /embedded-pbx.json', () => {
    expect(EMBEDDED_PBX_INFO_PATH).toBe('/embedded-pbx.json');
  });

  it('accepts what the app server writes', () => {
    expect(parseEmbeddedPbxInfo(GOOD)).toEqual(GOOD);
  });

  it.each(['wss://127.0.0.1:5071/sip', 'WS://127.0.0.1:5070'])('accepts the server URL %s', (server) => {
    expect(parseEmbeddedPbxInfo({ ...GOOD, server })?.server).toBe(server);
  });

  it('accepts an empty list of demo users', () => {
    expect(parseEmbeddedPbxInfo({ ...GOOD, demoUsers: [] })).toEqual({ ...GOOD, demoUsers: [] });
  });

  it('keeps only the fields it knows', () => {
    expect(parseEmbeddedPbxInfo({ ...GOOD, password: 'secret1000', extra: 1 })).toEqual(GOOD);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', JSON.stringify(GOOD)],
    ['a number', 5070],
    ['an array', [GOOD]],
    ['an empty object', {}],
    ['no server', { domain: GOOD.domain, demoUsers: GOOD.demoUsers }],
    ['a numeric server', { ...GOOD, server: 5070 }],
    ['an http server', { ...GOOD, server: 'http://127.0.0.1:5070' }],
    ['a server without a scheme', { ...GOOD, server: '127.0.0.1:5070' }],
    ['a server URL not at the start', { ...GOOD, server: ' ws://127.0.0.1:5070' }],
    ['no domain', { server: GOOD.server, demoUsers: GOOD.demoUsers }],
    ['an empty domain', { ...GOOD, domain: '' }],
    ['a numeric domain', { ...GOOD, domain: 127 }],
    ['no demoUsers', { server: GOOD.server, domain: GOOD.domain }],
    ['demoUsers as a string', { ...GOOD, demoUsers: '1000' }],
    ['a numeric demo user', { ...GOOD, demoUsers: ['1000', 1001] }],
    ['a null demo user', { ...GOOD, demoUsers: [null] }],
  ])('refuses %s', (_label, value) => {
    expect(parseEmbeddedPbxInfo(value)).toBeUndefined();
  });

  it('never throws, whatever JSON the server sent', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const info = parseEmbeddedPbxInfo(value);
        if (info !== undefined) expect(info.server).toMatch(/^wss?:\/\//i);
      }),
    );
  });
});
