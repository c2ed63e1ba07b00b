import type { AccountSettings } from '../stores/settings';
import type { AccountConfig } from './account-config';

/** The phone's configuration for a saved account (already validated when it was saved). */
export function accountConfigFromSettings(account: AccountSettings): AccountConfig {
  return {
    user: account.user,
    domain: account.domain,
    password: account.password === '' ? undefined : account.password,
    ...(account.authUser !== '' && account.authUser !== account.user ? { authUser: account.authUser } : {}),
    ...(account.displayName !== '' ? { displayName: account.displayName } : {}),
    servers: account.servers,
    ...(account.outboundProxy !== '' ? { outboundProxy: account.outboundProxy } : {}),
    aor: `sip:${account.user}@${account.domain}`,
    registerExpires: account.registerExpires,
    call: {
      dtmfMode: account.dtmfMode,
      delayedOffer: account.delayedOffer,
      iceServers: account.iceServers.map(({ url, username, credential }) => ({
        urls: url,
        ...(username !== '' ? { username } : {}),
        ...(credential !== '' ? { credential } : {}),
      })),
      icePolicy: account.icePolicy,
      audioProfile: account.audioProfile,
      sessionExpires: account.sessionExpires,
      confirmTransfers: account.confirmTransfers,
    },
  };
}
