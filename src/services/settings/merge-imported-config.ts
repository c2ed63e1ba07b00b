import { accountAor, type AccountSettings, type Settings } from '../../stores/settings';
import type { ImportedAccount, ImportedConfig } from './parse-config-document';

/**
 * Settings with an imported configuration laid over them. An account is matched by its address
 * of record: the file's values replace the saved ones, except secrets the file leaves out (an
 * export without passwords), which are kept. New accounts are added. The file's active account
 * wins; otherwise the active one stays, or the first imported becomes active when none was.
 */
export function mergeImportedConfig(settings: Settings, imported: ImportedConfig, newId: () => string): Settings {
  const accounts = [...settings.accounts];
  for (const incoming of imported.accounts) {
    const index = accounts.findIndex((saved) => accountAor(saved) === accountAor(incoming));
    if (index === -1) accounts.push(withSecrets(incoming, undefined, newId()));
    else accounts[index] = withSecrets(incoming, accounts[index], accounts[index]!.id);
  }
  const byAor = (aor: string | undefined) => accounts.find((account) => accountAor(account) === aor)?.id;
  const activeAccountId =
    byAor(imported.activeAccount) ??
    (accounts.some((a) => a.id === settings.activeAccountId) ? settings.activeAccountId : undefined) ??
    byAor(imported.accounts[0] && accountAor(imported.accounts[0]));
  return { accounts, activeAccountId, audio: { ...settings.audio, ...imported.audio } };
}

function withSecrets(incoming: ImportedAccount, saved: AccountSettings | undefined, id: string): AccountSettings {
  const iceServers = incoming.iceServers.map((server) => {
    if (server.credential !== '') return server;
    const known = saved?.iceServers.find((s) => s.url === server.url && s.username === server.username);
    return { ...server, credential: known?.credential ?? '' };
  });
  return { ...incoming, id, password: incoming.password ?? saved?.password ?? '', iceServers };
}
