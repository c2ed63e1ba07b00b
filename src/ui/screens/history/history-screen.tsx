import { useMemo, useState } from 'react';
import { selectHistoryList, type HistoryFilter } from '../../../stores/history';
import { useNow } from '../../hooks/use-now';
import { ConfirmButton } from '../contacts/confirm-button';
import { useContactLookup } from '../contacts/use-contact-lookup';
import { HistoryEntryItem } from './history-entry';
import { useHistory, useHistoryService } from './use-history';
import { useMarkMissedSeen } from './use-mark-missed-seen';

const FILTERS: { id: HistoryFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'missed', label: 'Missed' },
];

const EMPTY: Record<HistoryFilter, string> = {
  all: 'No calls yet. Calls you make and receive are listed here; call someone from the Phone tab.',
  missed: 'No missed calls.',
};

/** Every call, the newest first, with a filter for the missed ones. */
export function HistoryScreen() {
  const service = useHistoryService();
  const entries = useHistory((state) => state.entries);
  const [filter, setFilter] = useState<HistoryFilter>('all');
  const list = useMemo(() => selectHistoryList({ entries }, filter), [entries, filter]);
  const lookup = useContactLookup();
  const total = Object.keys(entries).length;
  // Once a minute is enough to turn "23:59" into "Yesterday 23:59".
  const now = useNow(true, 60_000);
  useMarkMissedSeen();

  return (
    <section aria-labelledby="history-heading" className="flex flex-col gap-3">
      <h2 id="history-heading" className="sr-only">
        History
      </h2>
      <div className="flex items-center justify-between gap-2">
        <div role="group" aria-label="Show" className="flex gap-1 rounded-xl bg-slate-200/70 p-1 dark:bg-slate-900">
          {FILTERS.map(({ id, label }) => (
            <button
              key={id}
              type="button"
              aria-pressed={filter === id}
              onClick={() => setFilter(id)}
              className="h-7 rounded-lg px-3 text-sm font-medium text-slate-600 aria-pressed:bg-white aria-pressed:text-slate-900 aria-pressed:shadow-sm dark:text-slate-400 dark:aria-pressed:bg-slate-800 dark:aria-pressed:text-slate-100"
            >
              {label}
            </button>
          ))}
        </div>
        <ConfirmButton
          label="Clear history"
          question={`Delete all ${total} ${total === 1 ? 'call' : 'calls'}?`}
          confirmLabel="Delete all"
          disabled={!service || total === 0}
          onConfirm={() => service?.clear()}
          className="h-8 rounded-lg px-2.5 text-sm font-medium text-slate-600 hover:bg-white disabled:opacity-50 dark:text-slate-400 dark:hover:bg-slate-900"
        />
      </div>
      {list.length === 0 ? (
        <p className="px-1 py-6 text-center text-sm text-slate-500 dark:text-slate-400">{EMPTY[filter]}</p>
      ) : (
        <ul
          aria-label="Call history"
          className="flex flex-col divide-y divide-slate-100 rounded-2xl bg-white ring-1 ring-slate-200 dark:divide-slate-800 dark:bg-slate-900 dark:ring-slate-800"
        >
          {list.map((entry) => (
            <HistoryEntryItem key={entry.id} entry={entry} contact={lookup(entry.remote)} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}
