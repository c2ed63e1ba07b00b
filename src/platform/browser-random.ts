import type { Random } from '../sip/ports';

export const browserRandom: Random = {
  bytes(length) {
    const bytes = new Uint8Array(length);
    globalThis.crypto.getRandomValues(bytes);
    return bytes;
  },
};
