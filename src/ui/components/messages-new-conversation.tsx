import { useId, useState, type FormEvent } from 'react';
import { useMessageService } from '../hooks/use-messages';

/** A number or SIP URI field that opens (or starts) the conversation with it. */
export function MessagesNewConversation() {
  const service = useMessageService();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const problemId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!service) return;
    const result = service.conversationFor(text);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setText('');
    service.openConversation(result.peer);
  };

  return (
    <form onSubmit={submit} aria-label="New conversation">
      <div className="flex gap-2">
        <input
          type="text"
          inputMode="tel"
          autoComplete="off"
          spellCheck={false}
          aria-label="New conversation with"
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? problemId : undefined}
          placeholder="Number or SIP URI"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(undefined);
          }}
          className="h-10 min-w-0 flex-1 rounded-xl bg-white px-3 text-sm ring-1 ring-slate-200 outline-none placeholder:text-slate-400 focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:ring-slate-800 dark:placeholder:text-slate-500 dark:focus:ring-teal-500"
        />
        <button
          type="submit"
          disabled={!service}
          className="h-10 shrink-0 rounded-xl bg-teal-700 px-3 text-sm font-semibold text-white hover:bg-teal-800 disabled:opacity-50 dark:bg-teal-600 dark:hover:bg-teal-500"
        >
          Start conversation
        </button>
      </div>
      {problem && (
        <p id={problemId} role="alert" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
          {problem}
        </p>
      )}
    </form>
  );
}
