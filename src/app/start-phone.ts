import { version } from '../../package.json';
import { createBrowserPlatform } from '../platform';
import { loadInstanceId } from '../platform/instance-id';
import { createPhoneService, type PhoneService } from '../services/phone-service';
import { UserAgent } from '../sip';
import type { Logger } from '../sip/ports';
import type { AccountStore } from '../stores/account';
import { resolveAccountConfig } from './account-config';
import { loadEmbeddedPbxInfo } from './load-embedded-pbx-info';

export interface StartPhoneOptions {
  store: AccountStore;
  /** The page's query string (?user=…&server=…). */
  search: string;
  storage: Storage | undefined;
  fetch: typeof fetch;
  logger: Logger;
}

/**
 * The composition root: platform → user agent → phone service → store. Returns the running
 * service, or undefined when no account could be configured (the store then says why).
 */
export async function startPhone(options: StartPhoneOptions): Promise<PhoneService | undefined> {
  const { store, logger } = options;
  const pbx = await loadEmbeddedPbxInfo(options.fetch, logger);
  const resolved = resolveAccountConfig(new URLSearchParams(options.search), pbx);
  if (!resolved.ok) {
    store.getState().setSetupProblem(resolved.problem);
    return undefined;
  }
  const { config } = resolved;
  store.getState().setIdentity({ user: config.user, aor: config.aor, server: config.server });

  const agent = new UserAgent({
    aor: config.aor,
    authUser: config.user,
    password: config.password,
    servers: [config.server],
    instanceId: loadInstanceId(options.storage),
    userAgent: `Tabphone/${version}`,
    platform: createBrowserPlatform(logger),
  });
  const service = createPhoneService(agent, store);
  service.start();
  return service;
}
