import { fail } from './errors';
import { paramText, parseHeaderParams } from './header-params';
import { parseDeltaSeconds } from './numbers';
import { skipWs, trimEnd } from './scanner';

/** Retry-After header (RFC 3261 §20.33): delta-seconds [comment] *(;retry-param). */
export interface RetryAfter {
  delta: number;
  comment?: string;
  duration?: number;
  params: Map<string, string | null>;
}

export function parseRetryAfter(value: string): RetryAfter {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const start = i;
  while (i < end && value.charCodeAt(i) >= 0x30 && value.charCodeAt(i) <= 0x39) i++;
  const result: RetryAfter = { delta: parseDeltaSeconds(value.slice(start, i), 'Retry-After'), params: new Map() };
  i = skipWs(value, i, end);
  if (i < end && value.charCodeAt(i) === 0x28 /* ( */) {
    // comments nest (RFC 3261 §25.1); "\" escapes one character inside them.
    let depth = 0;
    const open = i;
    for (; i < end; i++) {
      const c = value.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
    }
    if (i >= end) fail('unterminated comment in Retry-After');
    result.comment = value.slice(open + 1, i);
    i++;
  }
  i = parseHeaderParams(value, i, end, result.params, 'Retry-After');
  if (i < end) fail(`unexpected "${value[i]}" in Retry-After`);
  const duration = paramText(result.params.get('duration'));
  if (duration !== undefined) result.duration = parseDeltaSeconds(duration, 'Retry-After duration');
  return result;
}
