import { useState } from 'react';

interface ConfirmButtonProps {
  /** The button's text ("Clear history"). */
  label: string;
  /** Its accessible name, when the text alone is ambiguous ("Delete Ann"). */
  ariaLabel?: string;
  /** The question asked before acting ("Delete all 12 calls?"). */
  question: string;
  /** The button that acts ("Delete all"). */
  confirmLabel: string;
  disabled?: boolean;
  className: string;
  onConfirm(): void;
}

/** A button for what cannot be undone: it asks first, in place, with the confirm button focused. */
export function ConfirmButton({ label, ariaLabel, question, confirmLabel, disabled, className, onConfirm }: ConfirmButtonProps) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" disabled={disabled} aria-label={ariaLabel} onClick={() => setAsking(true)} className={className}>
        {label}
      </button>
    );
  }
  return (
    <div role="group" aria-label={question} className="flex items-center gap-1.5">
      <span className="text-sm">{question}</span>
      <button
        type="button"
        autoFocus
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
        className="h-8 rounded-lg bg-red-700 px-2.5 text-sm font-semibold text-white hover:bg-red-800 dark:bg-red-600 dark:hover:bg-red-500"
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        onClick={() => setAsking(false)}
        className="h-8 rounded-lg px-2.5 text-sm font-medium text-slate-600 ring-1 ring-slate-200 hover:bg-white dark:text-slate-400 dark:ring-slate-700 dark:hover:bg-slate-900"
      >
        Cancel
      </button>
    </div>
  );
}
