import {
  DEFAULT_AUDIO_SETTINGS,
  EMPTY_SETTINGS,
  blankAccount,
  type AccountSettings,
  type Settings,
} from '../../stores/settings';

/** The saved record: the settings with the version of their shape. */
export interface StoredSettings {
  format: number;
  settings: Settings;
}

/**
 * FORMAT_STEPS[n] turns a record of format n + 1 into format n + 2. None yet: format 1 is the
 * first. Fields added to a format later are filled from the defaults by readStoredSettings.
 */
const FORMAT_STEPS: readonly ((settings: Record<string, unknown>) => Record<string, unknown>)[] = [];

export const SETTINGS_FORMAT = FORMAT_STEPS.length + 1;

export function toStoredSettings(settings: Settings): StoredSettings {
  return { format: SETTINGS_FORMAT, settings };
}

/**
 * The settings in a saved record, brought up to the current format; fields the record lacks
 * get their defaults. A record from a newer Tabphone (after a downgrade) or not a record at all
 * gives undefined: the caller starts from empty settings rather than misreading it.
 */
export function readStoredSettings(record: unknown): Settings | undefined {
  if (typeof record !== 'object' || record === null) return undefined;
  const { format, settings } = record as Partial<StoredSettings>;
  if (typeof format !== 'number' || format < 1 || format > SETTINGS_FORMAT || typeof settings !== 'object' || settings === null) {
    return undefined;
  }
  let current = settings as unknown as Record<string, unknown>;
  for (const step of FORMAT_STEPS.slice(format - 1)) current = step(current);
  return withDefaults(current);
}

function withDefaults(raw: Record<string, unknown>): Settings {
  const accounts = Array.isArray(raw.accounts)
    ? raw.accounts
        .filter((a): a is Record<string, unknown> => typeof a === 'object' && a !== null && typeof a.id === 'string')
        .map((a) => ({ ...blankAccount(a.id as string), ...a }) as AccountSettings)
    : EMPTY_SETTINGS.accounts;
  const active = typeof raw.activeAccountId === 'string' && accounts.some((a) => a.id === raw.activeAccountId) ? raw.activeAccountId : undefined;
  const audio = typeof raw.audio === 'object' && raw.audio !== null ? { ...DEFAULT_AUDIO_SETTINGS, ...raw.audio } : DEFAULT_AUDIO_SETTINGS;
  return { accounts, activeAccountId: active, audio };
}
