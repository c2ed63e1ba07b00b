import { selectIdentity, selectTransportText } from '../../stores/account';
import { useAccount } from '../hooks/use-account';
import { AccountStatus } from './account-status';

/** A name's initial; "#" for a numeric extension, whose first digit says nothing. */
function monogram(user: string): string {
  return /^\d+$/.test(user) ? '#' : user.charAt(0).toUpperCase();
}

/** The account's identity, its registration status and the server it talks to. */
export function AccountCard() {
  const identity = useAccount(selectIdentity);
  const transport = useAccount(selectTransportText);

  return (
    <section
      aria-label="Account"
      className="rounded-2xl bg-white p-4 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <div className="flex items-center gap-3">
        <div
          aria-hidden="true"
          className="grid size-12 shrink-0 place-items-center rounded-full bg-teal-100 text-lg font-semibold text-teal-800 dark:bg-teal-900 dark:text-teal-100"
        >
          {identity ? monogram(identity.user) : '–'}
        </div>
        <div className="min-w-0">
          <p className="truncate text-lg font-semibold">{identity ? identity.user : 'No account'}</p>
          {identity && <p className="truncate text-sm text-slate-500 dark:text-slate-400">{identity.aor}</p>}
        </div>
      </div>

      <div className="mt-4 border-t border-slate-100 pt-4 dark:border-slate-800">
        <AccountStatus />
      </div>

      {identity && (
        <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          <dt className="text-slate-500 dark:text-slate-400">Server</dt>
          <dd className="truncate font-mono text-xs leading-5">{identity.server}</dd>
          <dt className="text-slate-500 dark:text-slate-400">Connection</dt>
          <dd>{transport}</dd>
        </dl>
      )}
    </section>
  );
}
