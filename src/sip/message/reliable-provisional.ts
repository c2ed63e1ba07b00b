import { type CSeq, parseCSeq } from './cseq';
import { fail } from './errors';
import { parseBoundedInt } from './numbers';
import { isWs, skipWs, trimEnd } from './scanner';

/** RSeq and RAck numbers are 1 to 2^32-1 (RFC 3262 §7.1). */
const MAX_RSEQ = 2 ** 32 - 1;

export function parseRSeq(value: string): number {
  const n = parseBoundedInt(value.trim(), MAX_RSEQ, 'RSeq');
  if (n === 0) fail('RSeq 0');
  return n;
}

/** RAck header (RFC 3262 §7.2): the RSeq being acknowledged and the CSeq it belongs to. */
export interface RAck extends CSeq {
  rseq: number;
}

export function parseRAck(value: string): RAck {
  const end = trimEnd(value, 0, value.length);
  let i = skipWs(value, 0, end);
  const start = i;
  while (i < end && !isWs(value.charCodeAt(i))) i++;
  const rseq = parseRSeq(value.slice(start, i));
  const { seq, method } = parseCSeq(value.slice(i, end));
  return { rseq, seq, method };
}
