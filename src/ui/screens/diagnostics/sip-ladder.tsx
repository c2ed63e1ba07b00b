import { useId, useState } from 'react';
import { LADDER_COLUMNS, ladderArrows, selectTrace, type LadderArrow } from '../../../stores/diagnostics';
import { useDiagnostics } from './diagnostics-context';

/** Centres of the three lifelines, in percent of the ladder's width. */
const LIFELINE = [12, 50, 88] as const;

function Arrow({ arrow }: { arrow: LadderArrow }) {
  const left = Math.min(LIFELINE[arrow.from], LIFELINE[arrow.to]);
  const width = Math.abs(LIFELINE[arrow.to] - LIFELINE[arrow.from]);
  const rightwards = arrow.to > arrow.from;
  return (
    <span className="absolute inset-y-0" style={{ left: `${left}%`, width: `${width}%` }}>
      <span className="absolute inset-x-0 top-0.5 truncate text-center font-mono text-[0.7rem] leading-4 font-semibold">{arrow.label}</span>
      <span aria-hidden="true" className="absolute inset-x-0 top-5 border-t-2 border-current" />
      <span
        aria-hidden="true"
        className={`absolute top-[0.9rem] size-0 border-y-[5px] border-y-transparent ${
          rightwards ? 'right-0 border-l-8 border-l-current' : 'left-0 border-r-8 border-r-current'
        }`}
      />
    </span>
  );
}

/**
 * The recent SIP messages as a ladder diagram: one row per message, an arrow between us, the
 * proxy and the far end labelled with the method or status; choosing a row shows its raw text.
 */
export function SipLadder() {
  const trace = useDiagnostics(selectTrace);
  const clearTrace = useDiagnostics((state) => state.clearTrace);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const rawId = useId();
  const arrows = ladderArrows(trace);
  const shown = trace.find((entry) => entry.seq === chosen);

  return (
    <section aria-labelledby={`${rawId}-title`} className="rounded-2xl bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <div className="flex items-center justify-between gap-2">
        <h3 id={`${rawId}-title`} className="text-sm font-semibold">
          SIP messages
        </h3>
        <button
          type="button"
          onClick={() => {
            clearTrace();
            setChosen(undefined);
          }}
          disabled={trace.length === 0}
          className="h-8 rounded-lg px-2 text-xs font-medium text-teal-800 ring-1 ring-slate-200 disabled:opacity-50 dark:text-teal-300 dark:ring-slate-700"
        >
          Clear messages
        </button>
      </div>
      {arrows.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No SIP messages yet.</p>
      ) : (
        <div className="relative mt-2">
          <div aria-hidden="true" className="grid grid-cols-[24%_1fr_24%] text-center text-xs font-semibold text-slate-600 dark:text-slate-300">
            <span>{LADDER_COLUMNS[0]}</span>
            <span>{LADDER_COLUMNS[1]}</span>
            <span>{LADDER_COLUMNS[2]}</span>
          </div>
          <div className="max-h-96 overflow-y-auto">
            {/* The lifelines span the whole list, also the part scrolled out of view. */}
            <div className="relative">
              {LIFELINE.map((at) => (
                <span key={at} aria-hidden="true" className="pointer-events-none absolute inset-y-0 w-px bg-slate-300 dark:bg-slate-700" style={{ left: `${at}%` }} />
              ))}
              <ol aria-label="SIP ladder" className="relative">
                {arrows.map((arrow) => (
                  <li key={arrow.seq}>
                    <button
                      type="button"
                      aria-pressed={arrow.seq === chosen}
                      aria-controls={rawId}
                      onClick={() => setChosen(arrow.seq === chosen ? undefined : arrow.seq)}
                      className={`relative block h-9 w-full rounded text-slate-800 hover:bg-slate-100 dark:text-slate-100 dark:hover:bg-slate-800 ${
                        arrow.seq === chosen ? 'bg-teal-50 text-teal-900 dark:bg-teal-950 dark:text-teal-100' : ''
                      }`}
                    >
                      {/* The name is the visible label and time with the route between them: "INVITE from Us to Far end at 14:03:07.215". */}
                      <Arrow arrow={arrow} />
                      <span className="sr-only">
                        {' '}
                        from {LADDER_COLUMNS[arrow.from]} to {LADDER_COLUMNS[arrow.to]} at{' '}
                      </span>
                      <span className="absolute bottom-0 left-0 font-mono text-[0.6rem] leading-3 text-slate-600 dark:text-slate-400">
                        {arrow.time}
                      </span>
                    </button>
                  </li>
                ))}
              </ol>
            </div>
          </div>
        </div>
      )}
      <div id={rawId}>
        {shown && (
          // Raw text only (credentials already reduced to hashes): never parsed into markup.
          <pre
            aria-label="Raw message"
            tabIndex={0}
            className="mt-2 max-h-80 overflow-auto rounded-lg bg-slate-50 p-2 font-mono text-[0.7rem] leading-4 break-all whitespace-pre-wrap ring-1 ring-slate-200 dark:bg-slate-950 dark:ring-slate-800"
          >
            {shown.text}
          </pre>
        )}
      </div>
    </section>
  );
}
