import { TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { parseHeaderParams } from './header-params';
import { skipWs, trimEnd } from './scanner';

/** Content-Type value (RFC 3261 §20.15): "type/subtype" lower-case plus parameters. */
export interface MediaType {
  type: string; // "application/sdp"
  params: Map<string, string | null>; // boundary=…, charset=…
}

export function parseMediaType(value: string): MediaType {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const start = i;
  while (i < end && isIn(TOKEN, value.charCodeAt(i))) i++;
  const typeEnd = i;
  i = skipWs(value, i, end);
  if (typeEnd === start || i >= end || value.charCodeAt(i) !== 0x2f) fail('bad Content-Type');
  i = skipWs(value, i + 1, end);
  const subStart = i;
  while (i < end && isIn(TOKEN, value.charCodeAt(i))) i++;
  if (i === subStart) fail('bad Content-Type subtype');
  const type = `${value.slice(start, typeEnd)}/${value.slice(subStart, i)}`.toLowerCase();
  const params = new Map<string, string | null>();
  i = parseHeaderParams(value, i, end, params, 'Content-Type');
  if (i < end) fail(`unexpected "${value[i]}" in Content-Type`);
  return { type, params };
}
