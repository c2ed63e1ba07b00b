import { write, type SessionDescription } from 'sdp-transform';
import type { Random } from '../sip/ports';
import { cloneSession } from './clone';

/**
 * The o= line across one call (RFC 4566 §5.2, RFC 3264 §8, SIPconnect 2.0 §14.1).
 *
 * The browser writes a new o= version for every description it makes, so we keep our own: one
 * session id for the call, and a version that grows by one only when the body we send changes.
 * A re-INVITE that repeats the same SDP (a session refresh, a dialog check) keeps the version.
 */

/** The body with the o= version blanked, so two descriptions compare equal when only that differs. */
function bodyKey(session: SessionDescription): string {
  const copy = cloneSession(session);
  copy.origin = { ...copy.origin, sessionVersion: 0 };
  return write(copy);
}

/** Seven random bytes as a decimal: below 2^56, so it fits the 64-bit fields some stacks parse it into. */
function randomSessionId(random: Random): string {
  let id = 0n;
  for (const b of random.bytes(7)) id = (id << 8n) | BigInt(b);
  return id.toString();
}

export class LocalOrigin {
  /** Our sess-id, the same in every description of the call. */
  readonly sessionId: string;
  #version = 0;
  #lastBody: string | undefined;

  constructor(random: Random) {
    this.sessionId = randomSessionId(random);
  }

  /** The version in the last description stamped (0 before the first). */
  get sessionVersion(): number {
    return this.#version;
  }

  /**
   * A copy of our description with our o= session id and version; the version increments only
   * when the body differs from the previous one stamped. The username becomes "-" (RFC 4566
   * §5.2: no user ids); network type and address stay as the browser wrote them.
   */
  stamp(local: SessionDescription): SessionDescription {
    const session = cloneSession(local);
    session.origin = { ...session.origin, username: '-', sessionId: this.sessionId, sessionVersion: this.#version };
    const body = bodyKey(session);
    if (body !== this.#lastBody) {
      this.#version++;
      this.#lastBody = body;
    }
    session.origin.sessionVersion = this.#version;
    return session;
  }
}

export interface RemoteRevision {
  /** The body differs from the previous one, the o= version aside: the media may need updating. */
  changed: boolean;
  /** The o= version differs. */
  versionChanged: boolean;
}

/**
 * How a new description from the far end relates to its previous one. An offer with the same
 * version must still get a valid answer (SIPconnect 2.0 §14.1), typically our previous answer
 * again; a body that changed without a new version is still a change, since some peers forget
 * to count.
 */
export function remoteRevision(previous: SessionDescription, next: SessionDescription): RemoteRevision {
  return {
    changed: bodyKey(previous) !== bodyKey(next),
    versionChanged: String(previous.origin.sessionVersion) !== String(next.origin.sessionVersion),
  };
}
