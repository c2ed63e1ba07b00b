import { useContext, useEffect, useId, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import { parseDialTarget } from '../../services/dial-target';
import { entryAddress, selectLastOutgoing } from '../../stores/history';
import { useAccount } from '../hooks/use-account';
import { useCallService } from '../hooks/use-calls';
import { useNavigation } from '../hooks/use-navigation';
import { useHistory } from '../screens/history/use-history';
import { DialFieldSlotContext } from '../keyboard/dial-field-slot';
import { Icon } from './icons';
import { Keypad } from './keypad';

/** The number field, the twelve keys and the Call button. */
export function Dialpad() {
  const service = useCallService();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const input = useRef<HTMLInputElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const slot = useContext(DialFieldSlotContext);
  const problemId = useId();
  const lastOutgoing = useHistory(selectLastOutgoing);
  const aor = useAccount((state) => state.identity?.aor);
  const redialTarget = lastOutgoing && entryAddress(lastOutgoing.remote, aor);
  const draft = useNavigation((state) => state.dialDraft);
  const clearDraft = useNavigation((state) => state.clearDialDraft);
  const [appliedDraft, setAppliedDraft] = useState<number | undefined>(undefined);

  // A number sent here from History, Contacts or a sip: link replaces what was typed, also one sent
  // before this field was on screen (set during render, as React advises for state derived from input).
  if (draft !== undefined && draft.seq !== appliedDraft) {
    setAppliedDraft(draft.seq);
    setText(draft.text);
    setProblem(undefined);
  }
  useEffect(() => {
    if (appliedDraft === undefined) return;
    clearDraft(appliedDraft);
    input.current?.focus();
  }, [appliedDraft, clearDraft]);

  const edit = (next: string) => {
    setText(next);
    setProblem(undefined);
  };

  // Keys typed anywhere on the page (the keyboard shortcuts) land here while the dialpad is shown.
  useEffect(
    () =>
      slot.fill({
        append(key) {
          service?.keyTone(key);
          setText((before) => before + key);
          setProblem(undefined);
          input.current?.focus();
        },
        submit() {
          if (input.current?.value.trim()) form.current?.requestSubmit();
        },
      }),
    [slot, service],
  );

  const press = (key: string) => {
    service?.keyTone(key);
    edit(text + key);
    input.current?.focus();
  };

  // A pasted "tel:+1 (555) 123-4567" becomes "+15551234567" in the field, so what is dialled is what is seen.
  const paste = (event: ClipboardEvent<HTMLInputElement>) => {
    const pasted = event.clipboardData.getData('text');
    const target = parseDialTarget(pasted);
    const field = event.currentTarget;
    const replacesAll = field.value === '' || (field.selectionStart === 0 && field.selectionEnd === field.value.length);
    if (!replacesAll || !target.ok) return;
    event.preventDefault();
    edit(target.target);
  };

  const call = (target: string) => {
    if (!service) return;
    const result = service.call(target);
    if (result.ok) edit('');
    else setProblem(result.problem);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    call(text);
  };

  return (
    <form ref={form} onSubmit={submit} aria-label="Dialpad" className="flex flex-col gap-3">
      <div>
        <div className="flex items-center gap-1 rounded-2xl bg-white px-3 ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-teal-600 dark:bg-slate-900 dark:ring-slate-800 dark:focus-within:ring-teal-500">
          <input
            ref={input}
            type="text"
            inputMode="tel"
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
            aria-label="Number or SIP URI"
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? problemId : undefined}
            placeholder="Number or SIP URI"
            value={text}
            onChange={(event) => edit(event.target.value)}
            onPaste={paste}
            className="h-12 min-w-0 flex-1 bg-transparent text-center text-xl tracking-wide outline-none placeholder:text-base placeholder:tracking-normal placeholder:text-slate-400 dark:placeholder:text-slate-500"
          />
          {text !== '' && (
            <button
              type="button"
              aria-label="Delete last character"
              onClick={() => edit(text.slice(0, -1))}
              className="grid size-9 shrink-0 place-items-center rounded-full text-slate-500 hover:bg-slate-100 dark:text-slate-400 dark:hover:bg-slate-800"
            >
              <Icon name="backspace" />
            </button>
          )}
          {text === '' && redialTarget !== undefined && (
            <button
              type="button"
              disabled={!service}
              aria-label={`Redial ${redialTarget}`}
              title={`Redial ${redialTarget}`}
              onClick={() => call(redialTarget)}
              className="grid size-9 shrink-0 place-items-center rounded-full text-slate-600 hover:bg-slate-100 disabled:opacity-50 dark:text-slate-300 dark:hover:bg-slate-800"
            >
              <Icon name="redial" />
            </button>
          )}
        </div>
        {problem && (
          <p id={problemId} role="alert" className="mt-1.5 text-center text-sm text-red-700 dark:text-red-400">
            {problem}
          </p>
        )}
      </div>

      <Keypad label="Dialpad keys" onKey={press} />

      <button
        type="submit"
        disabled={!service}
        className="flex h-12 items-center justify-center gap-2 rounded-2xl bg-emerald-700 text-base font-semibold text-white shadow-sm transition hover:bg-emerald-800 active:bg-emerald-900 disabled:opacity-50"
      >
        <Icon name="phone" />
        Call
      </button>
    </form>
  );
}
