import { TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { isWs, scanQuoted, skipWs, trimEnd, unquote } from './scanner';

/** A challenge or credentials value: scheme plus auth-params (RFC 3261 §25.1, RFC 7616). */
export interface AuthParams {
  scheme: string; // as written ("Digest"); compare case-insensitively
  params: Map<string, string>; // names lower-case, values unquoted
}

/**
 * Parses `scheme LWS auth-param *(COMMA auth-param)` from a WWW-Authenticate,
 * Proxy-Authenticate, Authorization or Proxy-Authorization value. Commas inside quoted
 * values (qop="auth,auth-int") do not split. Throws SipParseError when malformed.
 */
export function parseAuthParams(value: string): AuthParams {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const schemeStart = i;
  while (i < end && isIn(TOKEN, value.charCodeAt(i))) i++;
  if (i === schemeStart) fail('authentication header without a scheme');
  const scheme = value.slice(schemeStart, i);
  const params = new Map<string, string>();
  if (i < end && !isWs(value.charCodeAt(i))) fail(`bad character after the ${scheme} scheme`);
  i = skipWs(value, i, end);
  while (i < end) {
    const nameStart = i;
    while (i < end && isIn(TOKEN, value.charCodeAt(i))) i++;
    if (i === nameStart) fail('empty auth-param name');
    const name = value.slice(nameStart, i).toLowerCase();
    i = skipWs(value, i, end);
    if (i >= end || value.charCodeAt(i) !== 0x3d) fail(`auth-param ${name} without a value`);
    i = skipWs(value, i + 1, end);
    let text: string;
    if (i < end && value.charCodeAt(i) === 0x22) {
      const q = scanQuoted(value, i, end);
      if (q < 0) fail(`unterminated quoted value for auth-param ${name}`);
      text = unquote(value.slice(i, q));
      i = q;
    } else {
      // token per the grammar; peers also send bare URIs and base64 here, so take the run.
      const valueStart = i;
      while (i < end && value.charCodeAt(i) !== 0x2c && !isWs(value.charCodeAt(i))) i++;
      if (i === valueStart) fail(`empty value for auth-param ${name}`);
      text = value.slice(valueStart, i);
    }
    if (!params.has(name)) params.set(name, text);
    i = skipWs(value, i, end);
    if (i < end) {
      if (value.charCodeAt(i) !== 0x2c) fail(`unexpected "${value[i]}" between auth-params`);
      while (i < end && (value.charCodeAt(i) === 0x2c || isWs(value.charCodeAt(i)))) i++;
    }
  }
  return { scheme, params };
}
