import { useEffect, useId, useRef } from 'react';
import { SHORTCUT_LIST } from './shortcuts';

interface KeyboardHelpProps {
  open: boolean;
  onClose(): void;
}

/** The help panel: a modal dialog listing every shortcut; Escape or Close shuts it. */
export function KeyboardHelp({ open, onClose }: KeyboardHelpProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      onClose={onClose}
      className="m-auto w-[min(22rem,calc(100vw-2rem))] rounded-2xl bg-white p-4 text-slate-900 shadow-xl ring-1 ring-slate-200 backdrop:bg-slate-950/40 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-800"
    >
      <h2 id={titleId} className="text-base font-semibold">
        Keyboard shortcuts
      </h2>
      <table className="mt-3 w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_LIST.map(({ keys, action }) => (
            <tr key={keys} className="border-t border-slate-100 first:border-t-0 dark:border-slate-800">
              <th scope="row" className="py-1.5 pr-3 text-left align-top font-mono text-xs font-semibold whitespace-nowrap">
                {keys}
              </th>
              <td className="py-1.5 text-slate-700 dark:text-slate-300">{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">In a text field, keys type; only the Alt forms act there.</p>
      <form method="dialog" className="mt-3 flex justify-end">
        <button type="submit" className="h-9 rounded-lg bg-teal-700 px-4 text-sm font-medium text-white hover:bg-teal-800 dark:bg-teal-700">
          Close
        </button>
      </form>
    </dialog>
  );
}
