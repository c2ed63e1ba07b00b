/**
 * Picks the challenge to answer among all WWW-Authenticate or Proxy-Authenticate values of a response.
 *
 * Local policy, as RFC 8760 §2.4 allows ("topmost supported … unless a local policy dictates
 * otherwise"): the strongest algorithm wins (SHA-512-256 > SHA-256 > MD5), ties go to the challenge
 * written first. Challenges are not integrity-protected, so honouring their order would let an on-path
 * attacker put MD5 on top (the downgrade RFC 8760 §3 warns about).
 *
 * qop: "auth" whenever it is offered, "auth-int" only when it is the only option. A SIP body is
 * often rewritten on its way (SDP mangled by SBCs and media relays) which breaks auth-int, and auth
 * already binds the method and Request-URI, which is what the digest can meaningfully protect in SIP
 * (RFC 3261 §26.4.1).
 */
import { isHeaderSafe, scanAuthHeader } from './auth-params';
import { toDigestChallenge, type DigestChallenge } from './challenge';
import type { DigestCredentials } from './credentials';
import type { DigestQop } from './digest-response';
import { digestHexLength, findAlgorithm, type DigestAlgorithm } from './hash';

export interface ChosenChallenge {
  challenge: DigestChallenge;
  algorithm: DigestAlgorithm;
  qop?: DigestQop;
}

export type ChooseChallengeResult = ({ ok: true } & ChosenChallenge) | { ok: false; reason: string };

const HEX = /^[0-9a-f]+$/i;

export function chooseChallenge(challengeHeaders: string[], credentials: DigestCredentials): ChooseChallengeResult {
  const skipped: string[] = [];
  let best: ChosenChallenge | undefined;

  for (const header of challengeHeaders) {
    const elements = scanAuthHeader(header);
    if (!elements) {
      skipped.push('an unreadable challenge');
      continue;
    }
    for (const element of elements) {
      if (element.scheme.toLowerCase() !== 'digest') {
        skipped.push(`${element.scheme} (unsupported scheme)`);
        continue;
      }
      const challenge = toDigestChallenge(element);
      if (!challenge) {
        skipped.push('Digest without realm or nonce');
        continue;
      }
      const usable = assess(challenge, credentials);
      if (typeof usable === 'string') {
        skipped.push(`Digest realm="${challenge.realm}" algorithm=${challenge.algorithm} (${usable})`);
      } else if (!best || usable.algorithm.strength > best.algorithm.strength) {
        best = usable;
      }
    }
  }

  if (best) return { ok: true, ...best };
  if (!skipped.length) return { ok: false, reason: 'no challenge was offered' };
  return { ok: false, reason: `no usable challenge; the server offered ${skipped.join('; ')}` };
}

/** The way to answer a challenge, or why these credentials cannot. */
function assess(challenge: DigestChallenge, credentials: DigestCredentials): ChosenChallenge | string {
  const algorithm = findAlgorithm(challenge.algorithm);
  if (!algorithm) return 'unsupported algorithm';

  if (credentials.realm !== undefined && credentials.realm !== challenge.realm) {
    return `the credentials are for realm "${credentials.realm}"`;
  }

  let qop: DigestQop | undefined;
  if (challenge.qop.includes('auth')) qop = 'auth';
  else if (challenge.qop.includes('auth-int')) qop = 'auth-int';
  else if (challenge.qop.length) return `unsupported qop ${challenge.qop.join(',')}`;
  // "-sess" needs a cnonce, and a cnonce is only sent along with qop (RFC 2617 §3.2.2).
  if (algorithm.session && !qop) return 'session algorithm without qop';

  if (credentials.password === undefined) {
    if (credentials.ha1 === undefined) return 'no password or HA1 configured';
    const family = credentials.ha1Algorithm ?? 'MD5';
    if (family !== algorithm.family) return `the HA1 is for ${family}`;
    if (credentials.ha1.length !== digestHexLength(family) || !HEX.test(credentials.ha1)) {
      return `the HA1 is not a ${family} digest`;
    }
  }
  if (!isHeaderSafe(credentials.username)) return 'the username contains a line break';

  return qop ? { challenge, algorithm, qop } : { challenge, algorithm };
}
