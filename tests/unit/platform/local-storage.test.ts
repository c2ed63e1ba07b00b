import { afterEach, describe, expect, it, vi } from 'vitest';
import { localStorageOrUndefined } from '../../../src/platform/local-storage';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('localStorageOrUndefined', () => {
  it("returns the window's localStorage when the browser allows it", () => {
    const storage = { getItem: () => null, setItem: () => {} };
    vi.stubGlobal('window', { localStorage: storage });
    expect(localStorageOrUndefined()).toBe(storage);
  });

  it('returns undefined when the localStorage getter throws (storage blocked by policy)', () => {
    const blocked = {
      get localStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    };
    vi.stubGlobal('window', blocked);
    expect(localStorageOrUndefined()).toBeUndefined();
  });

  it('returns undefined where there is no window at all', () => {
    expect(typeof window).toBe('undefined');
    expect(localStorageOrUndefined()).toBeUndefined();
  });
});
