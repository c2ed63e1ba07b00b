import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

export const INPUT =
  'h-9 w-full min-w-0 rounded-lg bg-white px-2.5 text-sm ring-1 ring-slate-300 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-red-500 dark:bg-slate-900 dark:ring-slate-700';
export const BUTTON =
  'h-9 rounded-lg px-3 text-sm font-medium ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-50 dark:ring-slate-700 dark:hover:bg-slate-800';
export const PRIMARY_BUTTON =
  'h-9 rounded-lg bg-teal-700 px-3 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50';
export const CARD = 'rounded-2xl bg-white p-3 shadow-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800';

interface FieldProps {
  label: string;
  /** Shown under the control and read with it. */
  hint?: string;
  /** What is wrong with the value; the control is then marked invalid. */
  problems?: string[];
  children: (control: { id: string; 'aria-describedby': string | undefined; 'aria-invalid': boolean }) => ReactNode;
}

/** A labelled control with its hint and problems tied to it for screen readers. */
export function Field({ label, hint, problems = [], children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  const describedBy = [hint ? hintId : '', problems.length > 0 ? problemId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-600 dark:text-slate-300">
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': problems.length > 0 })}
      {hint && (
        <p id={hintId} className="text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
      {problems.length > 0 && (
        <p id={problemId} className="text-xs text-red-700 dark:text-red-400">
          {problems.join(' ')}
        </p>
      )}
    </div>
  );
}

export function TextField({
  label,
  hint,
  problems,
  ...input
}: Omit<FieldProps, 'children'> & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field label={label} hint={hint} problems={problems}>
      {(control) => <input {...input} {...control} className={INPUT} />}
    </Field>
  );
}

export function TextAreaField({
  label,
  hint,
  problems,
  ...area
}: Omit<FieldProps, 'children'> & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <Field label={label} hint={hint} problems={problems}>
      {(control) => <textarea {...area} {...control} className={`${INPUT} h-auto py-1.5 font-mono text-xs`} />}
    </Field>
  );
}

export function SelectField<T extends string>({
  label,
  hint,
  problems,
  options,
  value,
  onValue,
  ...select
}: Omit<FieldProps, 'children'> &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> & {
    options: readonly { value: T; label: string }[];
    value: T;
    onValue(value: T): void;
  }) {
  return (
    <Field label={label} hint={hint} problems={problems}>
      {(control) => (
        <select {...select} {...control} value={value} onChange={(event) => onValue(event.target.value as T)} className={INPUT}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxField({ label, hint, checked, onChecked }: { label: string; hint?: string; checked: boolean; onChecked(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChecked(event.target.checked)}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-4 accent-teal-700"
      />
      <div className="min-w-0">
        <label htmlFor={id} className="text-sm">
          {label}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="text-xs text-slate-500 dark:text-slate-400">
            {hint}
          </p>
        )}
      </div>
    </div>
  );
}
