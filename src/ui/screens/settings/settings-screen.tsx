import { useId, useState } from 'react';
import { selectAccounts, selectActiveAccountId, type AccountSettings } from '../../../stores/settings';
import { selectIdentity } from '../../../stores/account';
import { useAccount } from '../../hooks/use-account';
import { useSettings, useSettingsService } from '../../hooks/use-settings';
import { AppIntegrationSettings } from '../../pwa/app-integration-settings';
import { AccountEditor } from './account-editor';
import { AccountList } from './account-list';
import { AudioSettingsSection } from './audio-settings';
import { ConfigFile } from './config-file';
import { BUTTON, CARD } from './form-controls';
import { SettingsNotices } from './settings-notices';

/** Settings: accounts, audio devices, the configuration file, and the app's browser integration. */
export function SettingsScreen() {
  const service = useSettingsService();
  const loaded = useSettings((state) => state.loaded);
  const accounts = useSettings(selectAccounts);
  const activeId = useSettings(selectActiveAccountId);
  const [editing, setEditing] = useState<{ account: AccountSettings; isNew: boolean } | undefined>(undefined);
  const accountsTitleId = useId();

  if (!loaded || !service) return <p className="text-sm text-slate-500 dark:text-slate-400">Loading settings…</p>;

  const startNew = () => setEditing({ account: service.newAccount(), isNew: true });

  return (
    <div className="flex flex-col gap-3">
      <h2 className="sr-only">Settings</h2>
      <SettingsNotices />
      <UrlAccountNote />
      <section aria-labelledby={accountsTitleId} className={`${CARD} flex flex-col gap-2`}>
        <div className="flex items-center gap-2">
          <h3 id={accountsTitleId} className="flex-1 text-sm font-semibold">
            Accounts
          </h3>
          {!editing && (
            <button type="button" onClick={startNew} className={BUTTON}>
              Add account
            </button>
          )}
        </div>
        {editing ? (
          <AccountEditor
            key={editing.account.id}
            initial={editing.account}
            isNew={editing.isNew}
            isActive={editing.account.id === activeId || accounts.length === 0}
            onDone={() => setEditing(undefined)}
          />
        ) : (
          <AccountList onEdit={(account) => setEditing({ account, isNew: false })} />
        )}
      </section>
      <AudioSettingsSection />
      <ConfigFile />
      <AppIntegrationSettings />
    </div>
  );
}

/** A tab opened with ?user=… runs that account for the session only; saying so avoids a surprise on reload. */
function UrlAccountNote() {
  const source = useSettings((state) => state.source);
  const identity = useAccount(selectIdentity);
  if (source !== 'url') return null;
  return (
    <p className="rounded-lg bg-slate-100 p-2 text-sm dark:bg-slate-900">
      This tab runs {identity ? identity.aor : 'an account'} from its address, for this session only; it is not saved. Choosing or saving an
      account here switches to it.
    </p>
  );
}
