/** What a user agent authenticates with. Never logged, never echoed in a failure reason. */
import type { DigestHashFamily } from './hash';

export interface DigestCredentials {
  username: string;
  password?: string;
  /**
   * HA1 = H(username ":" realm ":" password) in place of the password. It is only good for challenges of
   * the hash family it was computed with (MD5 by default, see ha1Algorithm) and for the realm it was
   * computed for; both plain and "-sess" algorithms of that family can use it.
   */
  ha1?: string;
  /** The hash family of `ha1`; default "MD5", the form PBX user tables usually store. */
  ha1Algorithm?: DigestHashFamily;
  /** When set, only challenges for this realm are answered. */
  realm?: string;
}
