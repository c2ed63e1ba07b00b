import { useContext, useId, useState, type FormEvent } from 'react';
import { reachabilityReport, type ReachabilityReport } from '../../services/reachability';
import { PingContext } from '../ping-context';

/** Sends OPTIONS to any address and shows what came back: a check users can run themselves (on the Diagnostics screen). */
export function ReachabilityCheck() {
  const ping = useContext(PingContext);
  const [target, setTarget] = useState('');
  const [report, setReport] = useState<ReachabilityReport | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const resultId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!ping || target.trim() === '') return;
    setBusy(true);
    setReport(undefined);
    setReport(reachabilityReport(await ping(target.trim())));
    setBusy(false);
  };

  return (
    <section aria-labelledby={`${resultId}-title`} className="rounded-2xl bg-white p-3 text-sm ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h3 id={`${resultId}-title`} className="font-semibold">
        Check reachability (OPTIONS)
      </h3>
      <form onSubmit={(event) => void submit(event)} className="mt-2 flex gap-2">
        <input
          type="text"
          aria-label="SIP URI to check"
          placeholder="1001 or sip:host"
          autoComplete="off"
          spellCheck={false}
          value={target}
          onChange={(event) => setTarget(event.target.value)}
          className="h-9 min-w-0 flex-1 rounded-lg bg-slate-50 px-2 ring-1 ring-slate-200 outline-none focus:ring-2 focus:ring-teal-600 dark:bg-slate-950 dark:ring-slate-700"
        />
        <button
          type="submit"
          disabled={!ping || busy}
          className="h-9 rounded-lg bg-teal-700 px-3 font-medium text-white disabled:opacity-50 dark:bg-teal-700"
        >
          Check
        </button>
      </form>
      <div id={resultId} role="status" aria-label="Reachability result" className="mt-2">
        {busy && <p>Checking…</p>}
        {report && (
          <>
            <p className={report.reachable ? 'text-teal-800 dark:text-teal-300' : 'text-rose-700 dark:text-rose-300'}>{report.headline}</p>
            {report.details.length > 0 && (
              <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-2 text-xs text-slate-600 dark:text-slate-400">
                {report.details.map(([label, value]) => (
                  <div key={label} className="contents">
                    <dt className="font-medium">{label}</dt>
                    <dd className="break-words">{value}</dd>
                  </div>
                ))}
              </dl>
            )}
          </>
        )}
      </div>
    </section>
  );
}
