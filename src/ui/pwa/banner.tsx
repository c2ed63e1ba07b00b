import type { ReactNode } from 'react';

interface BannerProps {
  /** alert: the user must act now (a call rings unheard); status: news that can wait. */
  role: 'alert' | 'status';
  children: ReactNode;
  /** The button that resolves it; none when there is nothing to do but wait. */
  action?: { label: string; onClick(): void };
}

/** A one-line notice with at most one button, stacked at the top of the window. */
export function Banner({ role, children, action }: BannerProps) {
  return (
    <div
      role={role}
      className="mx-auto flex w-full max-w-md items-center gap-3 rounded-xl bg-slate-900 px-3 py-2 text-sm text-white shadow-sm dark:bg-slate-100 dark:text-slate-900"
    >
      <p className="min-w-0 flex-1">{children}</p>
      {action && (
        <button
          type="button"
          onClick={action.onClick}
          className="shrink-0 rounded-lg bg-teal-500 px-3 py-1.5 font-medium text-slate-950 hover:bg-teal-400 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-300"
        >
          {action.label}
        </button>
      )}
    </div>
  );
}
