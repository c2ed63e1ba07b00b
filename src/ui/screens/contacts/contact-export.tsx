import { useState } from 'react';
import type { ExportFormat } from '../../../services/contacts/contact-files';
import { downloadFile } from './download-file';
import { useContactsService } from './use-contacts';

const FORMATS: { id: ExportFormat; label: string }[] = [
  { id: 'vcard-3', label: 'vCard 3.0' },
  { id: 'vcard-4', label: 'vCard 4.0' },
  { id: 'csv', label: 'CSV' },
];

/** Downloads every contact as vCard (3.0 reads almost everywhere) or CSV. */
export function ContactExport({ count }: { count: number }) {
  const service = useContactsService();
  const [format, setFormat] = useState<ExportFormat>('vcard-3');
  return (
    <div className="flex shrink-0 gap-1.5">
      <select
        aria-label="Export format"
        value={format}
        onChange={(event) => setFormat(event.target.value as ExportFormat)}
        className="h-9 w-28 rounded-xl bg-white px-2 text-sm ring-1 ring-slate-200 outline-none focus:ring-2 focus:ring-teal-600 dark:bg-slate-900 dark:ring-slate-700 dark:focus:ring-teal-500"
      >
        {FORMATS.map(({ id, label }) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      <button
        type="button"
        disabled={!service || count === 0}
        aria-label="Export contacts"
        onClick={() => service && downloadFile(service.exportFile(format))}
        className="h-9 shrink-0 rounded-xl px-3 text-sm font-medium text-teal-800 ring-1 ring-slate-200 hover:bg-white disabled:opacity-50 dark:text-teal-300 dark:ring-slate-700 dark:hover:bg-slate-900"
      >
        Export
      </button>
    </div>
  );
}
