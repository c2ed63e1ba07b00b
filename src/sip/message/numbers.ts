import { isDigits } from './char-classes';
import { fail } from './errors';

/** Largest delta-seconds value; larger ones are read as this (RFC 3261 §20.19, §20.33). */
const MAX_DELTA_SECONDS = 2 ** 32 - 1;

/** A decimal integer in [0, max] written only with digits; `what` names it in the fault. */
export function parseBoundedInt(text: string, max: number, what: string): number {
  if (!isDigits(text)) fail(`${what} "${text}" is not a number`);
  // Leading zeros are legal (RFC 4475 §3.1.1.1); long digit strings are out of range anyway.
  let i = 0;
  while (i < text.length - 1 && text.charCodeAt(i) === 0x30) i++;
  const n = text.length - i > 16 ? Infinity : Number(text.slice(i));
  if (n > max) fail(`${what} ${text} is larger than ${max}`);
  return n;
}

/** delta-seconds = 1*DIGIT; overlarge values are clamped rather than refused. */
export function parseDeltaSeconds(text: string, what: string): number {
  if (!isDigits(text)) fail(`${what} "${text}" is not a number of seconds`);
  let i = 0;
  while (i < text.length - 1 && text.charCodeAt(i) === 0x30) i++;
  if (text.length - i > 10) return MAX_DELTA_SECONDS;
  return Math.min(Number(text.slice(i)), MAX_DELTA_SECONDS);
}
