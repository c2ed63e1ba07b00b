import type { AccountSettings, DemoPbx } from '../../stores/settings';

/** A demo user of the embedded PBX as a saved account; its password is `secret<user>` (server/README.md). */
export function demoAccountSettings(pbx: DemoPbx, user: string, base: AccountSettings): AccountSettings {
  return { ...base, displayName: `Demo ${user}`, user, password: `secret${user}`, domain: pbx.domain, servers: [pbx.server] };
}
