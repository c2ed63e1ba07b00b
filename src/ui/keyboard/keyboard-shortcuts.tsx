import { useCallback, useState } from 'react';
import { KeyboardHelp } from './keyboard-help';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';

/** Turns the shortcuts on for the page and offers their help panel behind a visible button. */
export function KeyboardShortcuts() {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  useKeyboardShortcuts(openHelp);
  return (
    <>
      <button
        type="button"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        aria-haspopup="dialog"
        onClick={openHelp}
        className="grid size-8 place-items-center rounded-full text-sm font-semibold text-slate-600 ring-1 ring-slate-200 hover:bg-white dark:text-slate-300 dark:ring-slate-800 dark:hover:bg-slate-900"
      >
        <span aria-hidden="true">?</span>
      </button>
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  );
}
