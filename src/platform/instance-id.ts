import { browserRandom } from './browser-random';

const STORAGE_KEY = 'tabphone.instance-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The install's stable UUID, sent as +sip.instance (RFC 5626 §4.1) so the registrar can tell
 * a re-registration of this install from another device. Created on first use. When storage
 * is unavailable (a locked-down profile) the UUID lasts for the page's life only.
 */
export function loadInstanceId(storage: Pick<Storage, 'getItem' | 'setItem'> | undefined): string {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    if (stored && UUID.test(stored)) return stored;
  } catch {
    // Storage access can throw (blocked cookies); fall through to a fresh id.
  }
  const id = randomUuid();
  try {
    storage?.setItem(STORAGE_KEY, id);
  } catch {
    // Quota or policy: keep the in-memory id.
  }
  return id;
}

/** A version 4 UUID (RFC 9562 §5.4). crypto.randomUUID exists only in secure contexts. */
function randomUuid(): string {
  const b = browserRandom.bytes(16);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = Array.from(b, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
