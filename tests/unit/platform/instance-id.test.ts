import { describe, expect, it } from 'vitest';
import { loadInstanceId } from '../../../src/platform/instance-id';

const KEY = 'tabphone.instance-id';
// RFC 9562 §5.4: version nibble 4, variant bits 10.
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The two Storage methods the loader uses, over a Map; either can be made to throw. */
class FakeStorage {
  readonly items = new Map<string, string>();
  getFails = false;
  setFails = false;

  getItem(key: string): string | null {
    if (this.getFails) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    if (this.setFails) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('loadInstanceId', () => {
  it('creates a version 4 UUID on first use and stores it', () => {
    const storage = new FakeStorage();
    const id = loadInstanceId(storage);
    expect(id).toMatch(UUID_V4);
    expect(storage.items.get(KEY)).toBe(id);
  });

  it('returns the same id on every later load from the same storage', () => {
    const storage = new FakeStorage();
    const first = loadInstanceId(storage);
    expect(loadInstanceId(storage)).toBe(first);
    expect(loadInstanceId(storage)).toBe(first);
    expect(storage.items.size).toBe(1);
  });

  it('keeps an id stored by an earlier session, in whatever case it was written', () => {
    const storage = new FakeStorage();
    storage.items.set(KEY, '8F3C0A52-3B6E-4D5C-9A1E-2F4B6C8D0E1F');
    expect(loadInstanceId(storage)).toBe('8F3C0A52-3B6E-4D5C-9A1E-2F4B6C8D0E1F');
  });

  it.each(['', 'not-a-uuid', 'urn:uuid:8f3c0a52-3b6e-4d5c-9a1e-2f4b6c8d0e1f', '8f3c0a52-3b6e-4d5c-9a1e-2f4b6c8d0e1f0'])(
    'replaces a corrupt stored value %j with a fresh id',
    (corrupt) => {
      const storage = new FakeStorage();
      storage.items.set(KEY, corrupt);
      const id = loadInstanceId(storage);
      expect(id).toMatch(UUID_V4);
      expect(storage.items.get(KEY)).toBe(id);
    },
  );

  it('gives different installs different ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => loadInstanceId(new FakeStorage())));
    expect(ids.size).toBe(200);
    for (const id of ids) expect(id).toMatch(UUID_V4);
  });

  it('still returns a valid id when reading storage throws', () => {
    const storage = new FakeStorage();
    storage.getFails = true;
    const id = loadInstanceId(storage);
    expect(id).toMatch(UUID_V4);
    expect(storage.items.get(KEY)).toBe(id);
  });

  it('still returns a valid id when writing storage throws', () => {
    const storage = new FakeStorage();
    storage.setFails = true;
    expect(loadInstanceId(storage)).toMatch(UUID_V4);
    expect(storage.items.size).toBe(0);
  });

  it('makes a fresh id for every load when there is no storage at all', () => {
    const first = loadInstanceId(undefined);
    expect(first).toMatch(UUID_V4);
    expect(loadInstanceId(undefined)).not.toBe(first);
  });
});
