import { useState } from 'react';
import { accountAor, selectAccounts, selectActiveAccountId, type AccountSettings } from '../../../stores/settings';
import { useSettings, useSettingsService } from '../../hooks/use-settings';
import { BUTTON } from './form-controls';

interface AccountListProps {
  onEdit(account: AccountSettings): void;
}

/** The saved accounts: which one registers, and Use / Edit / Delete for each. */
export function AccountList({ onEdit }: AccountListProps) {
  const accounts = useSettings(selectAccounts);
  const activeId = useSettings(selectActiveAccountId);
  const source = useSettings((state) => state.source);
  const service = useSettingsService();
  const [confirming, setConfirming] = useState<string | undefined>(undefined);

  if (accounts.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No saved accounts yet.</p>;
  return (
    <ul aria-label="Saved accounts" className="flex flex-col divide-y divide-slate-100 dark:divide-slate-800">
      {accounts.map((account) => {
        const aor = accountAor(account);
        const active = account.id === activeId && source === 'saved';
        return (
          <li key={account.id} className="flex flex-wrap items-center gap-2 py-2">
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium">
                {account.displayName || account.user}
                {active && (
                  <span className="ml-2 rounded-full bg-emerald-100 px-2 text-xs font-medium text-emerald-800 dark:bg-emerald-900 dark:text-emerald-200">
                    In use
                  </span>
                )}
              </p>
              <p className="truncate text-xs text-slate-500 dark:text-slate-400">{aor}</p>
            </div>
            {confirming === account.id ? (
              <>
                <button type="button" onClick={() => void service?.deleteAccount(account.id)} className={`${BUTTON} text-red-700 dark:text-red-400`}>
                  Confirm delete {aor}
                </button>
                <button type="button" onClick={() => setConfirming(undefined)} className={BUTTON}>
                  Keep
                </button>
              </>
            ) : (
              <>
                {!active && (
                  <button type="button" aria-label={`Use ${aor}`} disabled={!service} onClick={() => void service?.activateAccount(account.id)} className={BUTTON}>
                    Use
                  </button>
                )}
                <button type="button" aria-label={`Edit ${aor}`} onClick={() => onEdit(account)} className={BUTTON}>
                  Edit
                </button>
                <button type="button" aria-label={`Delete ${aor}`} onClick={() => setConfirming(account.id)} className={BUTTON}>
                  Delete
                </button>
              </>
            )}
          </li>
        );
      })}
    </ul>
  );
}
