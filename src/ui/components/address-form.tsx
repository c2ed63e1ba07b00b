import { useId, useState, type FormEvent } from 'react';

export type AddressOutcome = { ok: true } | { ok: false; problem: string };

interface AddressFormProps {
  id?: string;
  /** Accessible name of the form ("Blind transfer"). */
  formLabel: string;
  /** Accessible name of the field ("Transfer to"). */
  fieldLabel: string;
  placeholder: string;
  submitLabel: string;
  /** False while the service it needs has not started. */
  enabled: boolean;
  /** Acts on the text; a problem is shown under the field and the text kept for correction. */
  onSubmit(text: string): AddressOutcome;
  className?: string;
}

/** One number-or-SIP-URI field with a button, showing why the text was refused. */
export function AddressForm({ id, formLabel, fieldLabel, placeholder, submitLabel, enabled, onSubmit, className }: AddressFormProps) {
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!enabled) return;
    const outcome = onSubmit(text);
    if (outcome.ok) setText('');
    else setProblem(outcome.problem);
  };

  return (
    <form id={id} onSubmit={submit} aria-label={formLabel} className={className}>
      <div className="flex gap-2">
        <input
          type="text"
          inputMode="tel"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-label={fieldLabel}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? problemId : undefined}
          placeholder={placeholder}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(undefined);
          }}
          className="h-10 min-w-0 flex-1 rounded-xl bg-white px-3 text-sm ring-1 ring-slate-200 outline-none placeholder:text-slate-400 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:ring-slate-700 dark:placeholder:text-slate-500 dark:focus:ring-teal-500"
        />
        <button
          type="submit"
          disabled={!enabled}
          className="h-10 shrink-0 rounded-xl bg-teal-700 px-3 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50"
        >
          {submitLabel}
        </button>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
