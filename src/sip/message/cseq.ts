import { TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { parseBoundedInt } from './numbers';
import { isWs, skipWs, trimEnd } from './scanner';

export interface CSeq {
  seq: number;
  method: string;
}

/** The sequence number must be below 2^31 (RFC 3261 §8.1.1.5). */
export const MAX_CSEQ = 2 ** 31 - 1;

/** CSeq = 1*DIGIT LWS Method (RFC 3261 §20.16). */
export function parseCSeq(value: string): CSeq {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const numStart = i;
  while (i < end && !isWs(value.charCodeAt(i))) i++;
  const seq = parseBoundedInt(value.slice(numStart, i), MAX_CSEQ, 'CSeq number');
  const m = skipWs(value, i, end);
  if (m === i || m >= end) fail('CSeq without a method');
  for (let k = m; k < end; k++) if (!isIn(TOKEN, value.charCodeAt(k))) fail('bad CSeq method');
  return { seq, method: value.slice(m, end) };
}
