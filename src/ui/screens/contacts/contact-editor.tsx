import { useId, useState, type FormEvent } from 'react';
import type { ContactEditor } from '../../../stores/contacts';
import { useContacts, useContactsService } from './use-contacts';

const FIELD =
  'h-10 w-full min-w-0 rounded-xl bg-white px-3 text-sm ring-1 ring-slate-200 outline-none placeholder:text-slate-400 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:ring-slate-700 dark:placeholder:text-slate-500 dark:focus:ring-teal-500';
const SECONDARY =
  'h-10 shrink-0 rounded-xl px-3 text-sm font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-white dark:text-slate-400 dark:ring-slate-700 dark:hover:bg-slate-900';

/** The form for a new contact or an edit: a name, one or more numbers or SIP addresses, an e-mail. */
export function ContactEditorForm({ editor }: { editor: ContactEditor }) {
  const service = useContactsService();
  const setEditor = useContacts((state) => state.setEditor);
  const [name, setName] = useState(editor.draft.name);
  const [numbers, setNumbers] = useState(editor.draft.numbers.length > 0 ? editor.draft.numbers : ['']);
  const [email, setEmail] = useState(editor.draft.email ?? '');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const problemId = useId();
  const heading = editor.id === undefined ? 'New contact' : 'Edit contact';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!service || saving) return;
    setSaving(true);
    const result = await service.save({ name, numbers, email }, editor.id);
    setSaving(false);
    if (result.ok) setEditor(undefined);
    else setProblem(result.problem);
  };

  const setNumber = (index: number, value: string) => {
    setNumbers(numbers.map((n, i) => (i === index ? value : n)));
    setProblem(undefined);
  };

  return (
    <form
      aria-label={heading}
      noValidate
      onSubmit={(event) => void submit(event)}
      className="flex flex-col gap-3 rounded-2xl bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800"
    >
      <h3 className="text-sm font-semibold">{heading}</h3>
      <label className="flex flex-col gap-1 text-sm">
        Name
        <input className={FIELD} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} autoFocus />
      </label>
      <fieldset className="flex flex-col gap-1.5">
        <legend className="mb-1 text-sm">Numbers or SIP addresses</legend>
        {numbers.map((number, index) => (
          <div key={index} className="flex gap-2">
            <input
              className={FIELD}
              type="text"
              inputMode="tel"
              autoComplete="off"
              spellCheck={false}
              aria-label={`Number ${index + 1}`}
              aria-invalid={problem !== undefined}
              aria-describedby={problem ? problemId : undefined}
              placeholder="+1 555 0100 or sip:bob@example.com"
              value={number}
              onChange={(e) => setNumber(index, e.target.value)}
            />
            {numbers.length > 1 && (
              <button
                type="button"
                className={SECONDARY}
                aria-label={`Remove number ${index + 1}`}
                onClick={() => setNumbers(numbers.filter((_, i) => i !== index))}
              >
                Remove
              </button>
            )}
          </div>
        ))}
        <button type="button" className={`${SECONDARY} self-start`} onClick={() => setNumbers([...numbers, ''])}>
          Add number
        </button>
      </fieldset>
      <label className="flex flex-col gap-1 text-sm">
        E-mail (optional)
        <input className={FIELD} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      {problem && (
        <p id={problemId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <button type="button" className={SECONDARY} onClick={() => setEditor(undefined)}>
          Cancel
        </button>
        <button
          type="submit"
          disabled={!service || saving}
          className="h-10 shrink-0 rounded-xl bg-teal-700 px-4 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50"
        >
          Save contact
        </button>
      </div>
    </form>
  );
}
