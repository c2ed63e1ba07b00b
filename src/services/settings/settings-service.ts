import type { Logger } from '../../sip/ports';
import {
  activeAccount,
  blankAccount,
  type AccountSettings,
  type AudioSettings,
  type Settings,
  type SettingsNotice,
  type SettingsStore,
} from '../../stores/settings';
import { validateAccount, type AccountProblem } from './account-validation';
import { exportConfig } from './config-document';
import { demoAccountSettings } from './demo-account';
import { mergeImportedConfig } from './merge-imported-config';
import { parseConfigText, type ConfigParseResult } from './parse-config-document';
import type { SettingsRepository } from './settings-repository';

export interface SettingsServiceOptions {
  store: SettingsStore;
  repository: SettingsRepository;
  newId(): string;
  /**
   * The active account changed (or is now saved where the tab ran an account from its URL):
   * the phone should run it. Returns whether that happens now or after the live call.
   */
  applyAccount(account: AccountSettings | undefined): 'now' | 'after-call';
  /** Audio devices or the ringtone changed: applied at once, calls go on. */
  applyAudio(audio: AudioSettings): void;
  logger: Logger;
}

/** What the Settings screen and the first-run offer do; every change is saved, then applied. */
export interface SettingsService {
  /** Saves the account when it is valid (else returns its problems and saves nothing). */
  saveAccount(account: AccountSettings, makeActive: boolean): Promise<AccountProblem[]>;
  deleteAccount(id: string): Promise<void>;
  activateAccount(id: string): Promise<void>;
  saveAudio(audio: AudioSettings): Promise<void>;
  /** A configuration file's text: merged in when well-formed; refused whole otherwise. */
  importConfig(text: string): Promise<ConfigParseResult>;
  /** Merges what a provisioning link delivered (already parsed). */
  applyProvisioning(result: ConfigParseResult, url: string): Promise<void>;
  /** The whole configuration as JSON text; passwords only when asked for. */
  exportConfig(includePasswords: boolean): string;
  /** Saves the embedded PBX's demo user as the active account (first run on localhost). */
  useDemoAccount(user: string): Promise<void>;
  newAccount(): AccountSettings;
}

export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const { store, repository, newId, logger } = options;
  const state = () => store.getState();

  /**
   * Saves `next` and restarts the phone when the account the tab should run has changed. A tab
   * on its URL's account keeps it unless `takeOver` (the user chose or edited the active account).
   */
  const commit = async (next: Settings, notices: SettingsNotice[] = [], takeOver = false) => {
    const before = activeAccount(state().settings);
    // The store first, so a control bound to it shows the new value at once, not after the write.
    state().setSettings(next);
    await repository.save(next);
    const after = activeAccount(next);
    const changed = JSON.stringify(before) !== JSON.stringify(after);
    const source = state().source;
    const follows = source === 'saved' || (source === 'none' && after !== undefined) || (source === 'url' && takeOver);
    if ((changed || (source === 'url' && takeOver)) && follows) {
      state().setSource(after ? 'saved' : 'none');
      const outcome = options.applyAccount(after);
      if (outcome === 'after-call') {
        notices.push({ tone: 'info', text: 'Saved. The phone switches to the changed account when the call ends.' });
      }
    }
    if (!repository.persistent) notices.push({ tone: 'warning', text: 'This browser keeps no data for this site: the settings last until the tab closes.' });
    if (notices.length > 0) state().addNotices(notices);
  };

  const merge = async (result: ConfigParseResult, source: string) => {
    if (!result.ok) {
      state().addNotices([{ tone: 'error', text: result.problem }]);
      return;
    }
    const { config } = result;
    const next = mergeImportedConfig(state().settings, config, newId);
    const count = config.accounts.length;
    await commit(next, [
      { tone: 'info', text: `${source}: ${count} account${count === 1 ? '' : 's'} added or updated.` },
      ...config.warnings.map((text) => ({ tone: 'warning' as const, text })),
    ]);
    if (config.audio) options.applyAudio(next.audio);
  };

  return {
    async saveAccount(account, makeActive) {
      const problems = validateAccount(account);
      if (problems.length > 0) return problems;
      const { settings } = state();
      const exists = settings.accounts.some((a) => a.id === account.id);
      const accounts = exists ? settings.accounts.map((a) => (a.id === account.id ? account : a)) : [...settings.accounts, account];
      const activeAccountId = makeActive || settings.activeAccountId === undefined ? account.id : settings.activeAccountId;
      await commit({ ...settings, accounts, activeAccountId }, [], activeAccountId === account.id);
      return [];
    },
    async deleteAccount(id) {
      const { settings } = state();
      const accounts = settings.accounts.filter((a) => a.id !== id);
      const activeAccountId = settings.activeAccountId === id ? accounts[0]?.id : settings.activeAccountId;
      await commit({ ...settings, accounts, activeAccountId });
    },
    async activateAccount(id) {
      await commit({ ...state().settings, activeAccountId: id }, [], true);
    },
    async saveAudio(audio) {
      await commit({ ...state().settings, audio });
      options.applyAudio(audio);
    },
    async importConfig(text) {
      const result = parseConfigText(text);
      await merge(result, 'Imported');
      return result;
    },
    async applyProvisioning(result, url) {
      logger.log('info', `provisioning from ${url}: ${result.ok ? 'accepted' : 'refused'}`);
      await merge(result, `Provisioned from ${url}`);
    },
    exportConfig: (includePasswords) => `${JSON.stringify(exportConfig(state().settings, { includePasswords }), null, 2)}\n`,
    async useDemoAccount(user) {
      const pbx = state().embeddedPbx;
      if (!pbx) return;
      const { settings } = state();
      const saved = settings.accounts.find((a) => a.user === user && a.domain === pbx.domain);
      const account = demoAccountSettings(pbx, user, saved ?? blankAccount(newId()));
      const accounts = saved ? settings.accounts.map((a) => (a.id === saved.id ? account : a)) : [...settings.accounts, account];
      await commit({ ...settings, accounts, activeAccountId: account.id }, [], true);
    },
    newAccount: () => blankAccount(newId()),
  };
}
