import { selectIdentity, selectStatusTone, selectTransportText } from '../../stores/account';
import { useAccount } from '../hooks/use-account';
import { AccountStatus } from './account-status';

/** A name's initial; "#" for a numeric extension, whose first digit says nothing. */
function monogram(user: string): string {
  return /^\d+$/.test(user) ? '#' : user.charAt(0).toUpperCase();
}

/**
 * The account's identity and registration status, always in view. The server and connection
 * details show only while the account is not registered, when they help to fix it.
 */
export function AccountCard() {
  const identity = useAccount(selectIdentity);
  const transport = useAccount(selectTransportText);
  const tone = useAccount(selectStatusTone);

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
          {identity ? monogram(identity.user) : '–'}
        </div>
        <div className="min-w-0 flex-1">
          <p className="flex min-w-0 items-baseline gap-2">
            <span className="shrink-0 font-semibold">{identity ? identity.user : 'No account'}</span>
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
    </section>
  );
}
