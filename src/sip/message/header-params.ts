import { GEN_VALUE, TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { quote, scanQuoted, skipWs, unquote } from './scanner';

/**
 * Header parameters: *( SEMI generic-param ), generic-param = token [ EQUAL gen-value ],
 * gen-value = token / host / quoted-string (RFC 3261 §25.1). Keys are lower-cased; values
 * are kept as written (a quoted value keeps its quotes) so they serialize unchanged.
 */

function isValueChar(c: number): boolean {
  return isIn(GEN_VALUE, c);
}

/**
 * Parses parameters from `i` (at optional whitespace before ";") up to `end`, into `out`.
 * Returns the index where parameters stop (the caller decides whether more may follow).
 */
export function parseHeaderParams(
  s: string,
  i: number,
  end: number,
  out: Map<string, string | null>,
  where: string,
): number {
  for (;;) {
    const semi = skipWs(s, i, end);
    if (semi >= end || s.charCodeAt(semi) !== 0x3b /* ; */) return semi;
    let j = skipWs(s, semi + 1, end);
    const nameStart = j;
    let upper = false;
    for (; j < end; j++) {
      const c = s.charCodeAt(j);
      if (!isIn(TOKEN, c)) break;
      if (c <= 0x5a && c >= 0x41) upper = true;
    }
    if (j === nameStart) fail(`empty parameter in ${where}`);
    // Names nearly always arrive in lower case: lower-case a copy only when needed.
    const name = upper ? s.slice(nameStart, j).toLowerCase() : s.slice(nameStart, j);
    const k = skipWs(s, j, end);
    if (k < end && s.charCodeAt(k) === 0x3d /* = */) {
      let v = skipWs(s, k + 1, end);
      const valueStart = v;
      if (v < end && s.charCodeAt(v) === 0x22) {
        v = scanQuoted(s, v, end);
        if (v < 0) fail(`unterminated quoted string in ${where} parameter ${name}`);
      } else {
        while (v < end && isValueChar(s.charCodeAt(v))) v++;
        if (v === valueStart) fail(`empty value for ${where} parameter ${name}`);
      }
      out.set(name, s.slice(valueStart, v));
      i = v;
    } else {
      out.set(name, null);
      i = j;
    }
  }
}

/** Serializes parameters as ";name=value;flag". */
export function formatHeaderParams(params: ReadonlyMap<string, string | null>): string {
  let out = '';
  for (const [name, value] of params) out += value === null ? `;${name}` : `;${name}=${value}`;
  return out;
}

/** A parameter value with surrounding quotes and quoted-pairs undone (for reading). */
export function paramText(value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return value.length >= 2 && value.charCodeAt(0) === 0x22 ? unquote(value) : value;
}

/** A value fit to write after "name=": kept bare when it is a token, otherwise quoted. */
export function paramValue(text: string): string {
  for (let i = 0; i < text.length; i++) if (!isValueChar(text.charCodeAt(i))) return quote(text);
  return text.length === 0 ? '""' : text;
}
