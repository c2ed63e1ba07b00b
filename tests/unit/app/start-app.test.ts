import { describe, expect, it } from 'vitest';
import type { AccountConfig } from '../../../src/app/account-config';
import { startApp } from '../../../src/app/start-app';
import type { RunningPhone } from '../../../src/app/start-phone';
import { createMemorySettingsRepository } from '../../../src/services/settings/settings-repository';
import { createAccountStore, selectStatusDetail } from '../../../src/stores/account';
import { createCallsStore } from '../../../src/stores/calls';
import { blankAccount, createSettingsStore, DEFAULT_AUDIO_SETTINGS, type Settings } from '../../../src/stores/settings';

const PBX_INFO = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000', '1001'] };
const SAVED: Settings = {
  accounts: [{ ...blankAccount('a'), user: 'alice', password: 'pw', domain: 'example.com', servers: ['wss://sip.example.com'] }],
  activeAccountId: 'a',
  audio: DEFAULT_AUDIO_SETTINGS,
};
const PROVISIONING = JSON.stringify({ accounts: [{ user: '1001', password: 'secret1001', domain: '127.0.0.1', server: 'ws://127.0.0.1:5070', colour: 'red' }] });

/** Answers /embedded-pbx.json and one provisioning file. */
function fetching(files: Record<string, string>): typeof fetch {
  return ((url: string) => {
    const path = new URL(url, 'http://127.0.0.1:8080').pathname;
    if (path === '/embedded-pbx.json') return Promise.resolve(Response.json(PBX_INFO));
    const body = files[path];
    return Promise.resolve(body === undefined ? new Response('Not Found', { status: 404 }) : new Response(body));
  }) as typeof fetch;
}

async function boot(search: string, saved?: Settings, files: Record<string, string> = {}, hostname = '127.0.0.1') {
  const started: AccountConfig[] = [];
  const searches: string[] = [];
  const account = createAccountStore();
  const settings = createSettingsStore();
  // Stands in for IndexedDB, so no "settings last until the tab closes" warning.
  const repository = { ...createMemorySettingsRepository(saved), persistent: true };
  const app = startApp({
    account,
    settings,
    calls: createCallsStore(),
    sessionStores: [],
    startPhone: (config) => {
      started.push(config);
      return Promise.resolve({ stop: () => Promise.resolve() } as RunningPhone);
    },
    location: { href: `http://${hostname}:8080/${search}`, search, hostname },
    replaceSearch: (next) => searches.push(next),
    fetch: fetching(files),
    newId: () => 'new-id',
    logger: { log: () => undefined },
    openRepository: () => Promise.resolve(repository),
  });
  const settingsService = await app.settings;
  await app.phone.current();
  return { started, searches, account, settings, repository, settingsService, phone: app.phone };
}

describe('startApp: which account the tab runs', () => {
  it('runs nothing on a first run and offers the demo users on localhost', async () => {
    const { started, account, settings } = await boot('');
    expect(started).toEqual([]);
    expect(selectStatusDetail(account.getState())).toBe('No account is set up yet.');
    expect(settings.getState()).toMatchObject({ source: 'none', onLoopback: true, embeddedPbx: PBX_INFO });
  });

  it('does not count a page served from another host as loopback', async () => {
    const { settings } = await boot('', undefined, {}, 'phone.example.com');
    expect(settings.getState().onLoopback).toBe(false);
  });

  it('runs the saved active account', async () => {
    const { started, settings } = await boot('', SAVED);
    expect(started.map((c) => c.aor)).toEqual(['sip:alice@example.com']);
    expect(settings.getState().source).toBe('saved');
  });

  it("runs the URL's account for the session instead, without saving it", async () => {
    const { started, settings, repository } = await boot('?user=1001', SAVED);
    expect(started.map((c) => c.aor)).toEqual(['sip:1001@127.0.0.1']);
    expect(started[0]?.password).toBe('secret1001');
    expect(settings.getState().source).toBe('url');
    expect(await repository.load()).toEqual(SAVED);
  });

  it("drops the account parameters from the address once the user picks a saved account, so a reload keeps it", async () => {
    const { started, searches, settingsService, phone } = await boot('?user=1001&dtmf=info&call=1002', SAVED);
    await settingsService.activateAccount('a');
    await phone.current();
    expect(started.map((c) => c.aor)).toEqual(['sip:1001@127.0.0.1', 'sip:alice@example.com']);
    expect(searches).toEqual(['?call=1002']);
  });

  it('shows what is wrong with a bad URL parameter in place of an account', async () => {
    const { started, account } = await boot('?user=a%20b');
    expect(started).toEqual([]);
    expect(account.getState().setupProblem).toBe('The user "a b" is not a valid SIP user name');
  });
});

describe('startApp: provisioning links', () => {
  it('saves the accounts of ?config=, runs the first, warns about unknown keys and drops the parameter from the address', async () => {
    const { started, searches, settings, repository } = await boot('?config=%2Fp%2Ftabphone.json', undefined, { '/p/tabphone.json': PROVISIONING });
    expect(started.map((c) => c.aor)).toEqual(['sip:1001@127.0.0.1']);
    expect((await repository.load())?.accounts.map((a) => a.user)).toEqual(['1001']);
    expect(settings.getState().notices.map((n) => n.text)).toEqual([
      'Provisioned from /p/tabphone.json: 1 account added or updated.',
      'Ignored unknown key "colour" in accounts[0].',
    ]);
    expect(searches).toEqual(['']);
  });

  it('refuses a malformed file with the reason and changes nothing', async () => {
    const { started, settings, repository } = await boot('?config=%2Fbad.json', SAVED, { '/bad.json': '{"accounts": [{"user": "x"}' });
    expect(await repository.load()).toEqual(SAVED);
    expect(started.map((c) => c.aor)).toEqual(['sip:alice@example.com']);
    expect(settings.getState().notices).toEqual([
      { tone: 'error', text: expect.stringMatching(/^The provisioning file http:\/\/127\.0\.0\.1:8080\/bad\.json was refused: The file is not JSON/) as string },
    ]);
  });
});
