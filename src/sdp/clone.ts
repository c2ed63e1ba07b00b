import type { SessionDescription } from 'sdp-transform';

/**
 * A deep copy of a parsed description. Every transform in this module works on a copy so callers
 * can keep the original (the remote offer is needed again to build the answer), and because
 * sdp-transform's write() fills in defaults on the object it is given.
 * A parsed description is plain JSON data, so a JSON round trip copies it exactly.
 */
export function cloneSession(session: SessionDescription): SessionDescription {
  return JSON.parse(JSON.stringify(session)) as SessionDescription;
}
