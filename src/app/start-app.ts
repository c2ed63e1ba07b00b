import { openSettingsRepository } from '../services/settings/open-settings-repository';
import { fetchProvisioning } from '../services/settings/fetch-provisioning';
import type { SettingsRepository } from '../services/settings/settings-repository';
import { createSettingsService, type SettingsService } from '../services/settings/settings-service';
import type { Logger } from '../sip/ports';
import { isLoopbackHost } from '../sip/transport';
import type { AccountStore } from '../stores/account';
import { selectHasLiveCall, type CallsStore } from '../stores/calls';
import { activeAccount, EMPTY_SETTINGS, type SettingsStore } from '../stores/settings';
import { hasAccountParams, resolveAccountConfig, withoutAccountParams, type AccountConfig } from './account-config';
import { accountConfigFromSettings } from './account-from-settings';
import { loadEmbeddedPbxInfo } from './load-embedded-pbx-info';
import { createPhoneController, type PhoneController, type PhoneControllerOptions, type PhoneTarget } from './phone-controller';
import type { RunningPhone } from './start-phone';

export const NO_ACCOUNT = 'No account is set up yet.';

export interface StartAppOptions {
  account: AccountStore;
  settings: SettingsStore;
  calls: CallsStore;
  /** Stores of one account besides the calls (messages …): emptied when the account changes. */
  sessionStores: PhoneControllerOptions['sessionStores'];
  /** Starts the phone for an account: startPhone with the page's stores and platform. */
  startPhone(account: AccountConfig): Promise<RunningPhone>;
  /** The page's address: ?config=, account parameters, and whether it is served from loopback. */
  location: Pick<Location, 'href' | 'search' | 'hostname'>;
  /** Replaces the page's query string (history.replaceState), so a reload does not provision again. */
  replaceSearch(search: string): void;
  fetch: typeof fetch;
  newId(): string;
  logger: Logger;
  /** Where settings are kept; IndexedDB (openSettingsRepository) unless a test says otherwise. */
  openRepository?: (logger: Logger) => Promise<SettingsRepository>;
}

export interface StartedApp {
  phone: PhoneController;
  /** Resolves once the saved settings are read and the first account has been started. */
  settings: Promise<SettingsService>;
}

/**
 * Starts the app: reads the saved settings and the embedded PBX, applies a provisioning link
 * (?config=URL), then runs the account the page's URL names (for the session, not saved), else
 * the saved active account, else nothing (the UI offers the demo account or Settings).
 */
export function startApp(options: StartAppOptions): StartedApp {
  const { settings: store, logger } = options;
  let booted = false;
  const phone = createPhoneController({
    account: options.account,
    sessionStores: [options.calls, ...options.sessionStores],
    start: (account) => options.startPhone(account),
    hasLiveCall: () => selectHasLiveCall(options.calls.getState()),
    watchCalls: (listener) => options.calls.subscribe(listener),
    onWaitingChange: (waiting) => store.getState().setRestartPending(waiting),
  });

  const settings = (async () => {
    const [pbx, repository] = await Promise.all([loadEmbeddedPbxInfo(options.fetch, logger), (options.openRepository ?? openSettingsRepository)(logger)]);
    store.getState().setEnvironment(pbx, isLoopbackHost(options.location.hostname));
    const params = new URLSearchParams(options.location.search);
    const saved = (await repository.load()) ?? EMPTY_SETTINGS;
    store.getState().setLoaded(saved, hasAccountParams(params) ? 'url' : activeAccount(saved) ? 'saved' : 'none');

    const service = createSettingsService({
      store,
      repository,
      newId: options.newId,
      applyAccount: (account) => {
        // Before the first start, the boot below picks the account itself.
        if (!booted) return 'now';
        // A saved account now runs: a reload must not bring back the account the address named.
        if (hasAccountParams(new URLSearchParams(options.location.search))) options.replaceSearch(withoutAccountParams(options.location.search));
        return phone.switchTo(account ? { account: accountConfigFromSettings(account) } : { problem: NO_ACCOUNT });
      },
      applyAudio: (audio) => void phone.current().then((running) => running?.setSpeaker(audio.speakerId)),
      logger,
    });

    const configUrl = params.get('config');
    if (configUrl !== null) {
      await service.applyProvisioning(await fetchProvisioning(configUrl, options.location.href, options.fetch), configUrl);
      // From the address as it is now: launch handling may have rewritten it meanwhile.
      const now = new URLSearchParams(options.location.search);
      now.delete('config');
      options.replaceSearch(now.size > 0 ? `?${now}` : '');
    }

    booted = true;
    phone.switchTo(initialTarget(store, params, pbx));
    return service;
  })();
  return { phone, settings };
}

function initialTarget(store: SettingsStore, params: URLSearchParams, pbx: Parameters<typeof resolveAccountConfig>[1]): PhoneTarget {
  const { source, settings } = store.getState();
  if (source === 'url') {
    const resolved = resolveAccountConfig(params, pbx);
    return resolved.ok ? { account: resolved.config } : { problem: resolved.problem };
  }
  const active = activeAccount(settings);
  if (active) {
    store.getState().setSource('saved');
    return { account: accountConfigFromSettings(active) };
  }
  return { problem: NO_ACCOUNT };
}
