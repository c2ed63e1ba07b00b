import { useState, type ChangeEvent } from 'react';
import type { ImportReport } from '../../../services/contacts/contacts-service';
import { decodeFileText } from '../../../services/contacts/decode-file-text';
import { useContactsService } from './use-contacts';

/** Larger than any address book a person keeps; a bigger file is most likely the wrong one. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** Picks a vCard or CSV file and imports it; `onOutcome` gets how it went (shown by ImportOutcome). */
export function ContactImport({ onOutcome }: { onOutcome(outcome: ImportReport | undefined): void }) {
  const service = useContactsService();
  const [busy, setBusy] = useState(false);

  const picked = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    // The same file can be picked again next time.
    input.value = '';
    if (!file || !service) return;
    if (file.size > MAX_FILE_BYTES) {
      onOutcome({ ok: false, problem: `${file.name} was not imported: it is larger than 5 MB` });
      return;
    }
    setBusy(true);
    onOutcome(undefined);
    onOutcome(await service.importFile(file.name, decodeFileText(new Uint8Array(await file.arrayBuffer()))));
    setBusy(false);
  };

  return (
    <label
      className={`flex h-9 min-w-0 flex-1 cursor-pointer items-center justify-center rounded-xl px-3 text-sm font-medium text-teal-800 ring-1 ring-slate-200 focus-within:ring-2 focus-within:ring-teal-600 hover:bg-white dark:text-teal-300 dark:ring-slate-700 dark:hover:bg-slate-900 ${!service || busy ? 'opacity-50' : ''}`}
    >
      <span aria-hidden="true">Import</span>
      <input
        type="file"
        aria-label="Import contacts"
        accept=".vcf,.vcard,.csv,text/vcard,text/csv"
        disabled={!service || busy}
        onChange={(event) => void picked(event)}
        className="sr-only"
      />
    </label>
  );
}

/** How an import went: how many were added, which were skipped and why, or why the file was refused. */
export function ImportOutcome({ outcome, onDismiss }: { outcome: ImportReport; onDismiss(): void }) {
  return (
    <div
      role={outcome.ok ? 'status' : 'alert'}
      aria-label="Import result"
      className={`rounded-xl p-2.5 text-sm ring-1 ${outcome.ok ? 'ring-slate-200 dark:ring-slate-700' : 'text-red-700 ring-red-200 dark:text-red-400 dark:ring-red-900'}`}
    >
      {outcome.ok ? (
        <>
          <p>
            Added {outcome.added} {outcome.added === 1 ? 'contact' : 'contacts'}
            {outcome.skipped.length > 0 && `, skipped ${outcome.skipped.length}`}.
          </p>
          {outcome.skipped.length > 0 && (
            <ul aria-label="Skipped" className="mt-1 list-disc pl-5 text-slate-600 dark:text-slate-400">
              {outcome.skipped.map((skip, index) => (
                <li key={index}>
                  {skip.where}: {skip.reason}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : (
        <p>{outcome.problem}</p>
      )}
      <button type="button" onClick={onDismiss} className="mt-1.5 text-xs font-medium underline">
        Dismiss
      </button>
    </div>
  );
}
