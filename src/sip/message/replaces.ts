import { fail } from './errors';
import { formatHeaderParams, paramText, paramValue, parseHeaderParams } from './header-params';
import { isWs, skipWs, trimEnd } from './scanner';

/** Replaces header (RFC 3891 §6.1): the dialog an INVITE replaces. */
export interface Replaces {
  callId: string;
  toTag: string;
  fromTag: string;
  earlyOnly: boolean;
  params: Map<string, string | null>;
}

/**
 * Parses a Replaces value, from the header or from a Refer-To URI's ?Replaces= (already
 * unescaped). to-tag and from-tag are mandatory (RFC 3891 §6.1).
 */
export function parseReplaces(value: string): Replaces {
  const end = trimEnd(value, 0, value.length);
  const start = skipWs(value, 0, end);
  let i = start;
  while (i < end && value.charCodeAt(i) !== 0x3b && !isWs(value.charCodeAt(i))) i++;
  if (i === start) fail('Replaces without a Call-ID');
  const params = new Map<string, string | null>();
  const stop = parseHeaderParams(value, i, end, params, 'Replaces');
  if (stop < end) fail(`unexpected "${value[stop]}" in Replaces`);
  const toTag = paramText(params.get('to-tag'));
  const fromTag = paramText(params.get('from-tag'));
  if (toTag === undefined) fail('Replaces without to-tag');
  if (fromTag === undefined) fail('Replaces without from-tag');
  return { callId: value.slice(start, i), toTag, fromTag, earlyOnly: params.has('early-only'), params };
}

/** "callid;to-tag=…;from-tag=…[;early-only]" */
export function formatReplaces(r: Pick<Replaces, 'callId' | 'toTag' | 'fromTag' | 'earlyOnly'>): string {
  const params = new Map<string, string | null>([
    ['to-tag', paramValue(r.toTag)],
    ['from-tag', paramValue(r.fromTag)],
  ]);
  if (r.earlyOnly) params.set('early-only', null);
  return r.callId + formatHeaderParams(params);
}
