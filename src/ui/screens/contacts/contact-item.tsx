import type { Contact } from '../../../stores/contacts';
import { useCallService } from '../../hooks/use-calls';
import { useMessageService } from '../../hooks/use-messages';
import { useNavigation } from '../../hooks/use-navigation';
import { ConfirmButton } from './confirm-button';
import { useContacts, useContactsService } from './use-contacts';

const ACTION =
  'h-8 rounded-lg px-2.5 text-xs font-medium text-teal-800 ring-1 ring-slate-200 hover:bg-slate-50 disabled:opacity-50 dark:text-teal-300 dark:ring-slate-700 dark:hover:bg-slate-800';

/** One contact: its name, each number with Call and Message, and Edit / Delete. */
export function ContactItem({ contact }: { contact: Contact }) {
  const calls = useCallService();
  const messages = useMessageService();
  const service = useContactsService();
  const show = useNavigation((state) => state.show);
  const setEditor = useContacts((state) => state.setEditor);
  const several = contact.numbers.length > 1;

  const call = (number: string) => {
    if (calls?.call(number).ok) show('phone');
  };
  const message = (number: string) => {
    const conversation = messages?.conversationFor(number);
    if (!messages || !conversation?.ok) return;
    messages.openConversation(conversation.peer);
    show('messages');
  };

  return (
    <li aria-label={contact.name} className="flex flex-col gap-1 px-3 py-2.5">
      <div className="flex flex-wrap items-center gap-1.5">
        <p className="min-w-0 flex-1 truncate font-medium">{contact.name}</p>
        <button
          type="button"
          className={ACTION}
          aria-label={`Edit ${contact.name}`}
          onClick={() => setEditor({ id: contact.id, draft: { name: contact.name, numbers: contact.numbers, ...(contact.email ? { email: contact.email } : {}) } })}
        >
          Edit
        </button>
        <ConfirmButton
          label="Delete"
          ariaLabel={`Delete ${contact.name}`}
          question={`Delete ${contact.name}?`}
          confirmLabel="Delete"
          disabled={!service}
          onConfirm={() => void service?.remove(contact.id)}
          className={`${ACTION} text-slate-600 dark:text-slate-400`}
        />
      </div>
      {contact.email && <p className="truncate text-xs text-slate-500 dark:text-slate-400">{contact.email}</p>}
      <ul aria-label={`Numbers of ${contact.name}`} className="flex flex-col gap-1">
        {contact.numbers.map((number) => {
          const whom = several ? `${contact.name} at ${number}` : contact.name;
          return (
            <li key={number} className="flex items-center gap-1.5">
              <span className="min-w-0 flex-1 truncate text-sm text-slate-600 dark:text-slate-300">{number}</span>
              <button type="button" className={ACTION} disabled={!calls} aria-label={`Call ${whom}`} onClick={() => call(number)}>
                Call
              </button>
              <button type="button" className={ACTION} disabled={!messages} aria-label={`Message ${whom}`} onClick={() => message(number)}>
                Message
              </button>
            </li>
          );
        })}
      </ul>
    </li>
  );
}
