import { useId } from 'react';
import { lineTitle, selectLines, selectSelectedId, swapPair, transferPartner } from '../../stores/calls';
import { useCallService, useCalls } from '../hooks/use-calls';
import { CallLineView } from './call-line';

/** Every call as a line, oldest first; a second incoming call appears below the first. */
export function CallsPanel() {
  const lines = useCalls(selectLines);
  const selectedId = useCalls(selectSelectedId);
  const service = useCallService();
  const swapHintId = useId();
  if (lines.length === 0) return null;
  const swap = swapPair(lines);
  return (
    <section aria-label="Calls">
      {swap && (
        // One press: the call we talk on goes on hold and the held one comes back.
        <div className="mb-2 flex items-center gap-3">
          <button
            type="button"
            disabled={!service}
            onClick={() => void service?.swap()}
            aria-describedby={swapHintId}
            className="flex h-10 shrink-0 items-center justify-center gap-2 rounded-xl bg-teal-700 px-5 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50 dark:bg-teal-700 dark:hover:bg-teal-800"
          >
            <span aria-hidden="true">⇄</span>
            Swap
          </button>
          <p id={swapHintId} className="min-w-0 truncate text-sm text-slate-600 dark:text-slate-300">
            Resume {lineTitle(swap.held)}, hold {lineTitle(swap.active)}
          </p>
        </div>
      )}
      <ul className="flex flex-col gap-2">
        {lines.map((line) => (
          <CallLineView key={line.id} line={line} selected={line.id === selectedId} partner={transferPartner(lines, line)} />
        ))}
      </ul>
    </section>
  );
}
