import { Component, Suspense, type ReactNode } from 'react';

interface ScreenBoundaryProps {
  children: ReactNode;
}

/** Where a lazy screen shows while its chunk loads, or why it could not, without taking the phone down. */
export function ScreenBoundary({ children }: ScreenBoundaryProps) {
  return (
    <LoadFailureBoundary>
      <Suspense fallback={<ScreenStatus>Loading…</ScreenStatus>}>{children}</Suspense>
    </LoadFailureBoundary>
  );
}

function ScreenStatus({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="px-1 py-6 text-center text-sm text-slate-600 dark:text-slate-400">
      {children}
    </p>
  );
}

interface LoadFailureState {
  failed: boolean;
}

/** A chunk that fails to arrive (offline before the app was cached) offers a retry instead of a blank page. */
class LoadFailureBoundary extends Component<ScreenBoundaryProps, LoadFailureState> {
  override state: LoadFailureState = { failed: false };

  static getDerivedStateFromError(): LoadFailureState {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="flex flex-col items-center gap-2 py-6 text-sm">
        <p role="alert">This screen could not be loaded.</p>
        <button
          type="button"
          onClick={() => this.setState({ failed: false })}
          className="h-9 rounded-lg px-3 font-medium text-teal-800 ring-1 ring-slate-200 hover:bg-white dark:text-teal-300 dark:ring-slate-800 dark:hover:bg-slate-900"
        >
          Try again
        </button>
      </div>
    );
  }
}
