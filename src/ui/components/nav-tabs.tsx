import { selectTotalUnread } from '../../stores/messages';
import type { Screen } from '../../stores/navigation';
import { useMessages } from '../hooks/use-messages';
import { NavIcon } from './nav-icon';

const SCREENS: { id: Screen; label: string }[] = [
  { id: 'phone', label: 'Phone' },
  { id: 'messages', label: 'Messages' },
  { id: 'history', label: 'History' },
  { id: 'contacts', label: 'Contacts' },
  { id: 'settings', label: 'Settings' },
  { id: 'diagnostics', label: 'Diagnostics' },
];

export function screenTabId(screen: Screen): string {
  return `tab-${screen}`;
}

export function screenPanelId(screen: Screen): string {
  return `panel-${screen}`;
}

/**
 * The six screens as icon-over-label tabs, all in one row even at 360 px; the label is each
 * tab's accessible name. The Messages tab carries the unread count.
 */
export function NavTabs({ screen, onChange }: { screen: Screen; onChange: (screen: Screen) => void }) {
  const unread = useMessages(selectTotalUnread);
  return (
    <div role="tablist" aria-label="Screens" className="grid grid-cols-6 gap-0.5 rounded-xl bg-slate-200/70 p-1 dark:bg-slate-900">
      {SCREENS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={screenTabId(id)}
          aria-selected={screen === id}
          aria-controls={screenPanelId(id)}
          onClick={() => onChange(id)}
          className="relative flex h-12 min-w-0 flex-col items-center justify-center gap-0.5 rounded-lg text-slate-600 aria-selected:bg-white aria-selected:text-slate-900 aria-selected:shadow-sm dark:text-slate-400 dark:aria-selected:bg-slate-800 dark:aria-selected:text-slate-100"
        >
          <NavIcon screen={id} />
          <span className="max-w-full truncate text-[0.625rem] leading-3 font-medium tracking-tighter">{label}</span>
          {id === 'messages' && unread > 0 && (
            <>
              <span
                aria-hidden="true"
                className="absolute top-0.5 right-0.5 min-w-4 rounded-full bg-teal-700 px-1 text-[0.625rem] leading-4 font-semibold text-white dark:bg-teal-500 dark:text-slate-950"
              >
                {unread}
              </span>
              <span className="sr-only">, {unread} unread</span>
            </>
          )}
        </button>
      ))}
    </div>
  );
}
