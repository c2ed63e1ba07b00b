import { useContext, useId, useState } from 'react';
import { selectIdentity, selectStatusTone, selectTransportText } from '../../stores/account';
import { selectDemoUsers } from '../../stores/settings';
import { useAccount } from '../hooks/use-account';
import { useNavigation } from '../hooks/use-navigation';
import { useSettings, useSettingsService } from '../hooks/use-settings';
import { RetryContext } from '../settings-context';
import { AccountStatus } from './account-status';

/** A name's initial; "#" for a numeric extension, whose first digit says nothing. */
function monogram(user: string): string {
  return /^\d+$/.test(user) ? '#' : user.charAt(0).toUpperCase();
}

const BUTTON =
  'h-8 rounded-lg px-3 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:ring-slate-700 dark:hover:bg-slate-800';

/**
 * The account's identity and registration status, always in view, with the way to fix it: the
 * server and connection details, Retry and Settings while it is not registered, and on a first
 * run on localhost the embedded PBX's demo account.
 */
export function AccountCard() {
  const identity = useAccount(selectIdentity);
  const transport = useAccount(selectTransportText);
  const tone = useAccount(selectStatusTone);
  const restartPending = useSettings((state) => state.restartPending);
  const retry = useContext(RetryContext);
  const showSettings = useNavigation((state) => state.show);

  return (
    <section
      aria-label="Account"
      className="rounded-2xl bg-white px-3 py-2.5 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="flex items-center gap-3">
        <div
          aria-hidden="true"
          className="grid size-9 shrink-0 place-items-center rounded-full bg-teal-100 font-semibold text-teal-800 dark:bg-teal-900 dark:text-teal-100"
        >
          {identity ? monogram(identity.displayName ?? identity.user) : '–'}
        </div>
        <div className="min-w-0 flex-1">
          <p className="flex min-w-0 items-baseline gap-2">
            <span className="shrink-0 font-semibold">{identity ? (identity.displayName ?? identity.user) : 'No account'}</span>
            {identity && <span className="truncate text-xs text-slate-500 dark:text-slate-400">{identity.aor}</span>}
          </p>
          <AccountStatus />
        </div>
      </div>

      {identity && tone !== 'ok' && (
        <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 border-t border-slate-100 pt-2 text-sm dark:border-slate-800">
          <dt className="text-slate-500 dark:text-slate-400">Server</dt>
          <dd className="truncate font-mono text-xs leading-5">{identity.server}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Connection</dt>
          <dd>{transport}</dd>
        </dl>
      )}

      {restartPending && (
        <p role="status" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
          Settings saved: the phone switches to the changed account when the call ends.
        </p>
      )}

      {(tone === 'error' || tone === 'offline') && (
        <div className="mt-2 flex flex-wrap items-center gap-2">
          <DemoAccountOffer />
          {identity && retry && (
            <button type="button" onClick={retry} className={BUTTON}>
              Retry
            </button>
          )}
          <button type="button" onClick={() => showSettings('settings')} className={BUTTON}>
            Account settings
          </button>
        </div>
      )}
    </section>
  );
}

/** First run on localhost: one click to the embedded PBX's demo account (users 1000–1009). */
function DemoAccountOffer() {
  const demoUsers = useSettings(selectDemoUsers);
  const service = useSettingsService();
  const [user, setUser] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const pickerId = useId();
  if (demoUsers.length === 0) return null;
  const chosen = user !== undefined && demoUsers.includes(user) ? user : demoUsers[0]!;

  const use = async () => {
    setBusy(true);
    try {
      await service?.useDemoAccount(chosen);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="flex w-full flex-wrap items-center gap-2 rounded-xl bg-teal-50 p-2 dark:bg-teal-950">
      <p className="w-full text-sm">This page runs a demo PBX. Try it with a demo account:</p>
      <label htmlFor={pickerId} className="sr-only">
        Demo user
      </label>
      <select
        id={pickerId}
        value={chosen}
        onChange={(event) => setUser(event.target.value)}
        className="h-9 rounded-lg bg-white px-2 text-sm ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-700"
      >
        {demoUsers.map((demo) => (
          <option key={demo} value={demo}>
            {demo}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!service || busy}
        onClick={() => void use()}
        className="h-9 rounded-lg bg-teal-700 px-3 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50"
      >
        Use demo account {chosen}
      </button>
    </div>
  );
}
