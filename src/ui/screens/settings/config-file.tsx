import { useId, useRef, useState, type ChangeEvent } from 'react';
import { useSettingsService } from '../../hooks/use-settings';
import { BUTTON, CARD, CheckboxField } from './form-controls';

/**
 * Export and import of the whole configuration as JSON (the shape a provisioning link uses).
 * Passwords and TURN credentials stay out of an export unless the user ticks the box.
 */
export function ConfigFile() {
  const service = useSettingsService();
  const [includePasswords, setIncludePasswords] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const titleId = useId();

  const exportFile = () => {
    if (!service) return;
    const blob = new Blob([service.exportConfig(includePasswords)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = includePasswords ? 'tabphone-settings-with-passwords.json' : 'tabphone-settings.json';
    link.click();
    // The click has started the download; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file && service) await service.importConfig(await file.text());
  };

  return (
    <section aria-labelledby={titleId} className={`${CARD} flex flex-col gap-2`}>
      <h3 id={titleId} className="text-sm font-semibold">
        Configuration file
      </h3>
      <CheckboxField
        label="Include passwords"
        hint="Off: the file holds no passwords or TURN credentials, and importing it keeps the ones saved here."
        checked={includePasswords}
        onChecked={setIncludePasswords}
      />
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={!service} onClick={exportFile} className={BUTTON}>
          Export settings
        </button>
        <button type="button" disabled={!service} onClick={() => fileInput.current?.click()} className={BUTTON}>
          Import settings…
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" aria-label="Settings file to import" className="sr-only" tabIndex={-1} onChange={(e) => void importFile(e)} />
      </div>
    </section>
  );
}
