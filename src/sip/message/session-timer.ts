import { fail } from './errors';
import { paramText, parseHeaderParams } from './header-params';
import { parseDeltaSeconds } from './numbers';
import { skipWs, trimEnd } from './scanner';

/** Session-Expires header (RFC 4028 §4): interval and who refreshes. */
export interface SessionExpires {
  delta: number;
  refresher?: 'uac' | 'uas';
  params: Map<string, string | null>;
}

/** delta-seconds followed by header parameters (Session-Expires and Min-SE share this). */
function deltaWithParams(value: string, params: Map<string, string | null>, where: string): number {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const start = i;
  while (i < end && value.charCodeAt(i) >= 0x30 && value.charCodeAt(i) <= 0x39) i++;
  const delta = parseDeltaSeconds(value.slice(start, i), where);
  i = parseHeaderParams(value, i, end, params, where);
  if (i < end) fail(`unexpected "${value[i]}" in ${where}`);
  return delta;
}

export function parseSessionExpires(value: string): SessionExpires {
  const params = new Map<string, string | null>();
  const result: SessionExpires = { delta: deltaWithParams(value, params, 'Session-Expires'), params };
  const refresher = paramText(params.get('refresher'))?.toLowerCase();
  if (refresher === 'uac' || refresher === 'uas') result.refresher = refresher;
  else if (refresher !== undefined) fail(`bad Session-Expires refresher "${refresher}"`);
  return result;
}

/** Min-SE header (RFC 4028 §5): the smallest interval the sender accepts. */
export function parseMinSE(value: string): number {
  return deltaWithParams(value, new Map(), 'Min-SE');
}
