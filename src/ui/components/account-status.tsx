import { useId } from 'react';
import { selectStatusDetail, selectStatusText, selectStatusTone, type StatusTone } from '../../stores/account';
import { useAccount } from '../hooks/use-account';

const DOT: Record<StatusTone, string> = {
  ok: 'bg-emerald-500',
  pending: 'bg-amber-400 animate-pulse',
  offline: 'bg-slate-400 dark:bg-slate-500',
  error: 'bg-red-500',
};

const TEXT: Record<StatusTone, string> = {
  ok: 'text-emerald-700 dark:text-emerald-400',
  pending: 'text-amber-700 dark:text-amber-300',
  offline: 'text-slate-600 dark:text-slate-300',
  error: 'text-red-700 dark:text-red-400',
};

/** The registration state as the user agent reports it, with the reason when there is one. */
export function AccountStatus() {
  const text = useAccount(selectStatusText);
  const tone = useAccount(selectStatusTone);
  const detail = useAccount(selectStatusDetail);
  const detailId = useId();

  return (
    <div className="min-w-0">
      <p className="flex items-center gap-1.5 text-sm">
        <span aria-hidden="true" className={`size-2 shrink-0 rounded-full ${DOT[tone]}`} />
        <span role="status" aria-label="Account status" aria-describedby={detail ? detailId : undefined} className={`font-medium ${TEXT[tone]}`}>
          {text}
        </span>
      </p>
      {detail && (
        <p id={detailId} className="mt-0.5 text-xs break-words text-slate-500 dark:text-slate-400">
          {detail}
        </p>
      )}
    </div>
  );
}
