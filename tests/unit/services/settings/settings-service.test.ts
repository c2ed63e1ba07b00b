import { describe, expect, it } from 'vitest';
import { createSettingsService } from '../../../../src/services/settings/settings-service';
import { createMemorySettingsRepository } from '../../../../src/services/settings/settings-repository';
import { blankAccount, createSettingsStore, DEFAULT_AUDIO_SETTINGS, type AccountSettings, type AccountSource, type Settings } from '../../../../src/stores/settings';

const PBX = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000', '1001'] };
const ALICE: AccountSettings = { ...blankAccount('a'), user: 'alice', password: 'pw', domain: 'example.com', servers: ['wss://sip.example.com'] };

async function setUp(saved: Settings | undefined, source: AccountSource, duringCall = false) {
  const store = createSettingsStore();
  const repository = createMemorySettingsRepository(saved);
  store.getState().setEnvironment(PBX, true);
  store.getState().setLoaded((await repository.load()) ?? { accounts: [], activeAccountId: undefined, audio: DEFAULT_AUDIO_SETTINGS }, source);
  const applied: (string | undefined)[] = [];
  const audio: string[] = [];
  let ids = 0;
  const service = createSettingsService({
    store,
    repository,
    newId: () => `id${++ids}`,
    applyAccount: (account) => {
      applied.push(account && `${account.user}@${account.domain}`);
      return duringCall ? 'after-call' : 'now';
    },
    applyAudio: (settings) => audio.push(settings.ringtone),
    logger: { log: () => undefined },
  });
  return { store, repository, service, applied, audio };
}

describe('settings service', () => {
  it('saves the demo account as the active one and starts it', async () => {
    const { store, repository, service, applied } = await setUp(undefined, 'none');
    await service.useDemoAccount('1001');
    expect(applied).toEqual(['1001@127.0.0.1']);
    const saved = await repository.load();
    expect(saved?.accounts).toEqual([
      { ...blankAccount('id1'), displayName: 'Demo 1001', user: '1001', password: 'secret1001', domain: '127.0.0.1', servers: ['ws://127.0.0.1:5070'] },
    ]);
    expect(saved?.activeAccountId).toBe('id1');
    expect(store.getState().source).toBe('saved');
  });

  it('refuses an invalid account with its problems and saves nothing', async () => {
    const { repository, service, applied } = await setUp(undefined, 'none');
    const problems = await service.saveAccount({ ...ALICE, servers: ['ws://sip.example.com'] }, true);
    expect(problems.map((p) => p.field)).toEqual(['servers']);
    expect(await repository.load()).toBeUndefined();
    expect(applied).toEqual([]);
  });

  it('restarts the phone when the active account is edited, not when another one is', async () => {
    const bob = { ...ALICE, id: 'b', user: 'bob' };
    const { service, applied } = await setUp({ accounts: [ALICE, bob], activeAccountId: 'a', audio: DEFAULT_AUDIO_SETTINGS }, 'saved');
    await service.saveAccount({ ...bob, displayName: 'Bob' }, false);
    expect(applied).toEqual([]);
    await service.saveAccount({ ...ALICE, password: 'new' }, false);
    expect(applied).toEqual(['alice@example.com']);
    await service.activateAccount('b');
    expect(applied).toEqual(['alice@example.com', 'bob@example.com']);
  });

  it('says so when a live call holds the switch back', async () => {
    const { store, service } = await setUp({ accounts: [ALICE], activeAccountId: 'a', audio: DEFAULT_AUDIO_SETTINGS }, 'saved', true);
    await service.saveAccount({ ...ALICE, password: 'new' }, false);
    expect(store.getState().notices).toContainEqual({ tone: 'info', text: 'Saved. The phone switches to the changed account when the call ends.' });
  });

  it("leaves a tab on its URL's account when an import adds an active account, but switches when the user picks one", async () => {
    const { service, applied } = await setUp(undefined, 'url');
    await service.importConfig(JSON.stringify({ accounts: [{ user: 'alice', domain: 'example.com', server: 'wss://sip.example.com' }] }));
    expect(applied).toEqual([]);
    await service.activateAccount('id1');
    expect(applied).toEqual(['alice@example.com']);
  });

  it('stops the phone when the last saved account is deleted', async () => {
    const { store, service, applied } = await setUp({ accounts: [ALICE], activeAccountId: 'a', audio: DEFAULT_AUDIO_SETTINGS }, 'saved');
    await service.deleteAccount('a');
    expect(applied).toEqual([undefined]);
    expect(store.getState().source).toBe('none');
  });

  it('refuses a malformed import whole: nothing saved, nothing applied, the reason shown', async () => {
    const saved = { accounts: [ALICE], activeAccountId: 'a', audio: DEFAULT_AUDIO_SETTINGS };
    const { store, repository, service, applied } = await setUp(saved, 'saved');
    const result = await service.importConfig(
      JSON.stringify({ accounts: [{ user: 'carol', domain: 'example.com', server: 'wss://sip.example.com' }, { user: 'dave', domain: 'example.com' }] }),
    );
    expect(result.ok).toBe(false);
    expect(await repository.load()).toEqual(saved);
    expect(store.getState().settings).toEqual(saved);
    expect(applied).toEqual([]);
    expect(store.getState().notices).toEqual([{ tone: 'error', text: 'accounts[1]: "server" must be a WebSocket URI or a list of them.' }]);
  });

  it('merges a provisioning file, warns about unknown keys, and applies its audio', async () => {
    const { store, service, applied, audio } = await setUp(undefined, 'none');
    await service.applyProvisioning(
      { ok: true, config: { accounts: [{ ...ALICE, password: 'pw' }].map(({ id: _, ...a }) => a), activeAccount: undefined, audio: { ringtone: 'chirp' }, warnings: ['Ignored unknown key "x" in the file.'] } },
      'https://admin.example.com/tabphone.json',
    );
    expect(applied).toEqual(['alice@example.com']);
    expect(audio).toEqual(['chirp']);
    expect(store.getState().notices).toEqual([
      { tone: 'info', text: 'Provisioned from https://admin.example.com/tabphone.json: 1 account added or updated.' },
      { tone: 'warning', text: 'Ignored unknown key "x" in the file.' },
      { tone: 'warning', text: 'This browser keeps no data for this site: the settings last until the tab closes.' },
    ]);
  });

  it('exports JSON without passwords unless asked', async () => {
    const { service } = await setUp({ accounts: [ALICE], activeAccountId: 'a', audio: DEFAULT_AUDIO_SETTINGS }, 'saved');
    expect(service.exportConfig(false)).not.toContain('"pw"');
    expect(JSON.parse(service.exportConfig(true))).toMatchObject({ accounts: [{ user: 'alice', password: 'pw' }] });
  });
});
