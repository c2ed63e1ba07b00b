import { useId, useState, type FormEvent } from 'react';
import { useCallService } from '../hooks/use-calls';

/** The blind-transfer field of one call: who to send the caller to. Closes once the transfer starts. */
export function TransferForm({ id, lineId, onStarted }: { id: string; lineId: string; onStarted(): void }) {
  const service = useCallService();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    const result = service.transfer(lineId, text);
    if (result.ok) onStarted();
    else setProblem(result.problem);
  };

  return (
    <form id={id} onSubmit={submit} aria-label="Blind transfer" className="mt-3 flex flex-col gap-2">
      <div className="flex gap-2">
        <input
          type="text"
          inputMode="tel"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-label="Transfer to"
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? problemId : undefined}
          placeholder="Transfer to"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(undefined);
          }}
          className="h-10 min-w-0 flex-1 rounded-xl bg-slate-50 px-3 ring-1 ring-slate-200 outline-none focus:ring-2 focus:ring-teal-600 dark:bg-slate-800 dark:ring-slate-700 dark:focus:ring-teal-500"
        />
        <button
          type="submit"
          disabled={!service}
          className="h-10 shrink-0 rounded-xl bg-teal-700 px-3 text-sm font-medium text-white hover:bg-teal-800 disabled:opacity-50"
        >
          Transfer call
        </button>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
