import type { Contact } from '../../../stores/contacts';
import { entryAddress, entryOutcome, formatCallTime, kindText, type HistoryEntry } from '../../../stores/history';
import { useAccount } from '../../hooks/use-account';
import { useCallService } from '../../hooks/use-calls';
import { useMessageService } from '../../hooks/use-messages';
import { useNavigation } from '../../hooks/use-navigation';
import { useContacts } from '../contacts/use-contacts';
import { useHistoryService } from './use-history';

const KIND_STYLE: Record<HistoryEntry['kind'], string> = {
  missed: 'text-red-700 dark:text-red-400',
  declined: 'text-amber-700 dark:text-amber-400',
  incoming: 'text-slate-500 dark:text-slate-400',
  outgoing: 'text-slate-500 dark:text-slate-400',
};

/** ↙ came in, ↗ went out; the word beside it says the same for everyone. */
const KIND_ARROW: Record<HistoryEntry['kind'], string> = { missed: '↙', declined: '↙', incoming: '↙', outgoing: '↗' };

const ACTION =
  'h-8 rounded-lg px-2 text-xs font-medium text-teal-800 ring-1 ring-slate-200 hover:bg-slate-50 disabled:opacity-50 dark:text-teal-300 dark:ring-slate-700 dark:hover:bg-slate-800';

interface HistoryEntryItemProps {
  entry: HistoryEntry;
  /** The address book's entry for the far end, if any: its name is shown. */
  contact: Contact | undefined;
  now: number;
}

/** One call in the history: who, what kind, when, how long or why it ended, and what to do next. */
export function HistoryEntryItem({ entry, contact, now }: HistoryEntryItemProps) {
  const calls = useCallService();
  const messages = useMessageService();
  const history = useHistoryService();
  const show = useNavigation((state) => state.show);
  const setEditor = useContacts((state) => state.setEditor);
  const aor = useAccount((state) => state.identity?.aor);
  const address = entryAddress(entry.remote, aor);

  const title = contact?.name ?? entry.remote.displayName ?? entry.remote.number;
  const subtitle = title !== entry.remote.number ? entry.remote.number : undefined;
  const outcome = entryOutcome(entry);
  const kind = kindText(entry.kind);
  const label = `${kind} call ${entry.kind === 'outgoing' ? 'to' : 'from'} ${title}`;

  const callBack = () => {
    if (address && calls?.call(address).ok) show('phone');
  };
  const message = () => {
    if (!address || !messages) return;
    const conversation = messages.conversationFor(address);
    if (!conversation.ok) return;
    messages.openConversation(conversation.peer);
    show('messages');
  };
  const addToContacts = () => {
    if (!address) return;
    setEditor({ id: undefined, draft: { name: entry.remote.displayName ?? '', numbers: [address] } });
    show('contacts');
  };

  return (
    <li aria-label={label} className="flex flex-col gap-2 px-3 py-2.5">
      <div className="flex items-start gap-2">
        <span aria-hidden="true" className={`w-4 shrink-0 pt-0.5 text-center ${KIND_STYLE[entry.kind]}`}>
          {KIND_ARROW[entry.kind]}
        </span>
        <div className="min-w-0 flex-1">
          <p className={`truncate font-medium ${entry.kind === 'missed' ? 'text-red-700 dark:text-red-400' : ''}`}>{title}</p>
          {subtitle !== undefined && <p className="truncate text-sm text-slate-500 dark:text-slate-400">{subtitle}</p>}
          <p className="text-xs text-slate-500 dark:text-slate-400">
            <span className={KIND_STYLE[entry.kind]}>{kind}</span>
            {outcome !== undefined && <> · {outcome}</>}
          </p>
        </div>
        <time dateTime={new Date(entry.time).toISOString()} className="shrink-0 text-xs text-slate-500 tabular-nums dark:text-slate-400">
          {formatCallTime(entry.time, now)}
        </time>
      </div>
      <div className="flex flex-wrap gap-1">
        <button type="button" className={ACTION} disabled={!calls || !address} aria-label={`Call back ${title}`} onClick={callBack}>
          Call back
        </button>
        <button type="button" className={ACTION} disabled={!messages || !address} aria-label={`Message ${title}`} onClick={message}>
          Message
        </button>
        {!contact && (
          <button type="button" className={ACTION} disabled={!address} aria-label={`Add contact for ${title}`} onClick={addToContacts}>
            Add contact
          </button>
        )}
        <button
          type="button"
          className={`${ACTION} ml-auto text-slate-600 dark:text-slate-400`}
          disabled={!history}
          aria-label={`Delete ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          onClick={() => history?.remove(entry.id)}
        >
          Delete
        </button>
      </div>
    </li>
  );
}
