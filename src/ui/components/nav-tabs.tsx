import { selectTotalUnread } from '../../stores/messages';
import type { Screen } from '../../stores/navigation';
import { useMessages } from '../hooks/use-messages';


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

/** The switch between the phone and the messages; the Messages tab carries the unread count. */
export function NavTabs({ screen, onChange }: { screen: Screen; onChange: (screen: Screen) => void }) {
  const unread = useMessages(selectTotalUnread);
  return (
    <div role="tablist" aria-label="Screens" className="grid grid-cols-3 gap-1 rounded-xl bg-slate-200/70 p-1 dark:bg-slate-900">
      {SCREENS.map(({ id, label }) => (
        <button
          key={id}
          type="button"
          role="tab"
          id={screenTabId(id)}
          aria-selected={screen === id}
          aria-controls={screenPanelId(id)}
          onClick={() => onChange(id)}
          className="flex h-9 items-center justify-center gap-1.5 rounded-lg text-sm font-medium text-slate-600 aria-selected:bg-white aria-selected:text-slate-900 aria-selected:shadow-sm dark:text-slate-400 dark:aria-selected:bg-slate-800 dark:aria-selected:text-slate-100"
        >
          {label}
          {id === 'messages' && unread > 0 && (
            <>
              <span
                aria-hidden="true"
                className="min-w-5 rounded-full bg-teal-700 px-1.5 text-xs leading-5 font-semibold text-white dark:bg-teal-500 dark:text-slate-950"
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
