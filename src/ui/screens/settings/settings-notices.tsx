import type { SettingsNotice } from '../../../stores/settings';
import { useSettings } from '../../hooks/use-settings';

const TONE: Record<SettingsNotice['tone'], string> = {
  info: 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-100',
  warning: 'bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-100',
  error: 'bg-red-50 text-red-800 dark:bg-red-950 dark:text-red-200',
};

/** What provisioning, imports and saves reported, until dismissed; errors are announced at once. */
export function SettingsNotices() {
  const notices = useSettings((state) => state.notices);
  const dismiss = useSettings((state) => state.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <ul aria-label="Settings notices" className="flex flex-col gap-1.5">
      {notices.map((notice, index) => (
        <li key={`${index}-${notice.text}`} className={`flex items-start gap-2 rounded-lg p-2 text-sm ${TONE[notice.tone]}`}>
          <span role={notice.tone === 'error' ? 'alert' : 'status'} className="min-w-0 flex-1 break-words">
            {notice.text}
          </span>
          <button type="button" aria-label="Dismiss" onClick={() => dismiss(notice)} className="shrink-0 rounded px-1.5 text-base leading-5 hover:bg-black/10">
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
