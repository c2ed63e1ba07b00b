import { describe, expect, it } from 'vitest';
import { exportConfig } from '../../../../src/services/settings/config-document';
import { mergeImportedConfig } from '../../../../src/services/settings/merge-imported-config';
import { parseConfigDocument, parseConfigText, type ImportedConfig } from '../../../../src/services/settings/parse-config-document';
import { blankAccount, DEFAULT_AUDIO_SETTINGS, type AccountSettings, type Settings } from '../../../../src/stores/settings';

const ALICE: AccountSettings = {
  ...blankAccount('id-alice'),
  displayName: 'Alice',
  user: 'alice',
  authUser: 'alice-auth',
  password: 'alice-secret',
  domain: 'example.com',
  servers: ['wss://sip1.example.com', 'wss://sip2.example.com'],
  iceServers: [
    { url: 'stun:stun.example.com', username: '', credential: '' },
    { url: 'turn:turn.example.com', username: 'tu', credential: 'turn-secret' },
  ],
  icePolicy: 'relay',
  audioProfile: 'sipconnect',
  dtmfMode: 'info',
};
const BOB: AccountSettings = { ...blankAccount('id-bob'), user: 'bob', password: 'bob-secret', domain: 'example.com', servers: ['wss://sip1.example.com'] };
const SETTINGS: Settings = { accounts: [ALICE, BOB], activeAccountId: 'id-bob', audio: { ...DEFAULT_AUDIO_SETTINGS, ringtone: 'chirp' } };

function parsed(value: unknown): ImportedConfig {
  const result = parseConfigDocument(value);
  if (!result.ok) throw new Error(result.problem);
  return result.config;
}

function refusal(value: unknown): string {
  const result = parseConfigDocument(value);
  if (result.ok) throw new Error('expected a refusal');
  return result.problem;
}

let ids = 0;
const newId = () => `new-${++ids}`;

describe('exportConfig', () => {
  it('leaves out passwords and TURN credentials by default', () => {
    const text = JSON.stringify(exportConfig(SETTINGS, { includePasswords: false }));
    expect(text).not.toContain('alice-secret');
    expect(text).not.toContain('bob-secret');
    expect(text).not.toContain('turn-secret');
    expect(exportConfig(SETTINGS, { includePasswords: false }).accounts[0]).not.toHaveProperty('password');
  });

  it('includes them when the user asks', () => {
    const doc = exportConfig(SETTINGS, { includePasswords: true });
    expect(doc.accounts[0]).toMatchObject({ password: 'alice-secret', iceServers: [{ urls: 'stun:stun.example.com' }, { urls: 'turn:turn.example.com', username: 'tu', credential: 'turn-secret' }] });
  });

  it('writes one server as a string and several as a list, and names the active account by its address', () => {
    const doc = exportConfig(SETTINGS, { includePasswords: false });
    expect(doc).toMatchObject({ format: 'tabphone-config', version: 1, activeAccount: 'sip:bob@example.com', audio: { ringtone: 'chirp' } });
    expect(doc.accounts.map((a) => a.server)).toEqual([['wss://sip1.example.com', 'wss://sip2.example.com'], 'wss://sip1.example.com']);
  });

  it('round-trips: importing an export with passwords over empty settings gives the same accounts', () => {
    const text = JSON.stringify(exportConfig(SETTINGS, { includePasswords: true }));
    const result = parseConfigText(text);
    if (!result.ok) throw new Error(result.problem);
    expect(result.config.warnings).toEqual([]);
    const merged = mergeImportedConfig({ accounts: [], activeAccountId: undefined, audio: DEFAULT_AUDIO_SETTINGS }, result.config, newId);
    expect(merged.accounts.map(({ id: _, ...rest }) => rest)).toEqual(SETTINGS.accounts.map(({ id: _, ...rest }) => rest));
    expect(merged.audio).toEqual(SETTINGS.audio);
    expect(merged.accounts.find((a) => a.id === merged.activeAccountId)?.user).toBe('bob');
  });
});

describe('parseConfigDocument: the provisioning shape', () => {
  it('reads the minimal provisioning file, filling in defaults', () => {
    const config = parsed({
      accounts: [
        {
          user: '1000',
          password: 'pw',
          domain: 'pbx.example.com',
          server: 'wss://pbx.example.com/ws',
          displayName: 'Front desk',
          authUser: 'a1000',
          iceServers: [{ urls: ['stun:s1.example.com', 'turn:t.example.com'], username: 'u', credential: 'c' }],
          dtmfMode: 'rfc4733',
          audioProfile: 'sipconnect',
        },
      ],
    });
    expect(config.warnings).toEqual([]);
    const { id: _, ...defaults } = blankAccount('');
    expect(config.accounts).toEqual([
      {
        ...defaults,
        displayName: 'Front desk',
        user: '1000',
        authUser: 'a1000',
        password: 'pw',
        domain: 'pbx.example.com',
        servers: ['wss://pbx.example.com/ws'],
        iceServers: [
          { url: 'stun:s1.example.com', username: 'u', credential: 'c' },
          { url: 'turn:t.example.com', username: 'u', credential: 'c' },
        ],
        dtmfMode: 'rfc4733',
        audioProfile: 'sipconnect',
      },
    ]);
  });

  it('ignores unknown keys with a warning that names each and where it was', () => {
    const config = parsed({
      accounts: [{ user: '1000', domain: 'd.example.com', server: 'wss://d.example.com', transport: 'udp', iceServers: [{ urls: 'stun:s.example.com', priority: 1 }] }],
      theme: 'dark',
      audio: { volume: 3 },
    });
    expect(config.warnings).toEqual([
      'Ignored unknown key "theme" in the file.',
      'Ignored unknown key "transport" in accounts[0].',
      'Ignored unknown key "priority" in accounts[0].iceServers[0].',
      'Ignored unknown key "volume" in audio.',
    ]);
    expect(config.accounts[0]?.user).toBe('1000');
  });

  it('refuses text that is not JSON', () => {
    const result = parseConfigText('{ "accounts": [ ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem).toMatch(/^The file is not JSON \(/);
  });

  it('refuses malformed documents with the reason', () => {
    expect(refusal([])).toBe('The file is not a JSON object.');
    expect(refusal({})).toBe('The file has no "accounts" list.');
    expect(refusal({ accounts: [{ domain: 'd.example.com', server: 'wss://d.example.com' }] })).toBe('accounts[0]: "user" is missing.');
    expect(refusal({ accounts: [{ user: 'u', domain: 'd.example.com', server: 42 }] })).toBe('accounts[0]: "server" must be a WebSocket URI or a list of them.');
    expect(refusal({ accounts: [{ user: 'u', domain: 'd.example.com', server: 'wss://d.example.com', delayedOffer: 'yes' }] })).toBe(
      'accounts[0]: "delayedOffer" must be a boolean.',
    );
    expect(refusal({ accounts: [{ user: 'u', domain: 'd.example.com', server: 'wss://d.example.com', dtmfMode: 'rfc2833' }] })).toBe(
      'accounts[0]: "dtmfMode" is "rfc2833", not one of auto, rfc4733, info, inband.',
    );
    expect(refusal({ accounts: [{ user: 'u', domain: 'd.example.com', server: 'ws://d.example.com' }] })).toBe(
      'accounts[0] (sip:u@d.example.com): The server "ws://d.example.com" must use wss:// (plain ws:// is allowed only for localhost and 127.0.0.1).',
    );
    expect(refusal({ format: 'other-app', accounts: [] })).toBe('"format" is "other-app", not "tabphone-config".');
    expect(refusal({ version: 2, accounts: [] })).toBe('"version" 2 is newer than this Tabphone reads (1).');
    const same = { user: 'u', domain: 'd.example.com', server: 'wss://d.example.com' };
    expect(refusal({ accounts: [same, same] })).toBe('The account sip:u@d.example.com is in the file twice.');
    expect(refusal({ accounts: [same], activeAccount: 'sip:x@d.example.com' })).toBe('"activeAccount" sip:x@d.example.com is not one of the file\'s accounts.');
  });
});

describe('mergeImportedConfig', () => {
  it('updates a matching account in place but keeps the secrets an export without passwords left out', () => {
    const doc = exportConfig(SETTINGS, { includePasswords: false });
    doc.accounts[0] = { ...doc.accounts[0]!, displayName: 'Alice B.' };
    const merged = mergeImportedConfig(SETTINGS, parsed(doc), newId);
    const alice = merged.accounts.find((a) => a.user === 'alice')!;
    expect(alice).toMatchObject({ id: 'id-alice', displayName: 'Alice B.', password: 'alice-secret' });
    expect(alice.iceServers[1]).toEqual({ url: 'turn:turn.example.com', username: 'tu', credential: 'turn-secret' });
    expect(merged.accounts).toHaveLength(2);
  });

  it('adds new accounts and makes the first one active only when none was', () => {
    const file = parsed({ accounts: [{ user: 'carol', domain: 'example.com', server: 'wss://sip1.example.com' }] });
    const kept = mergeImportedConfig(SETTINGS, file, newId);
    expect(kept.accounts.map((a) => a.user)).toEqual(['alice', 'bob', 'carol']);
    expect(kept.activeAccountId).toBe('id-bob');
    const fresh = mergeImportedConfig({ ...SETTINGS, activeAccountId: undefined }, file, newId);
    expect(fresh.accounts.find((a) => a.id === fresh.activeAccountId)?.user).toBe('carol');
  });
});
