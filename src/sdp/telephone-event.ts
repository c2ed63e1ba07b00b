/**
 * The event list of a telephone-event a=fmtp line ("0-15", "0-16", "0-15,66,70").
 *
 * RFC 4733 §7.1.1: without an fmtp line a receiver is assumed to support events 0-15.
 * SIPconnect 2.0 §14.5: a receiver MUST list its events in an fmtp line and MUST be prepared to
 * receive at least 0-15 (the DTMF digits 0-9, *, #, A-D).
 */

/** The DTMF events every endpoint must receive. */
export const DTMF_EVENTS = '0-15';

const DTMF_LAST_EVENT = 15;
/** RFC 4733 §2.3.5: the event field is 8 bits. */
const MAX_EVENT = 255;

/** The event codes of a list, ascending, or undefined when the list is malformed. */
export function parseEventList(list: string): number[] | undefined {
  const events = new Set<number>();
  for (const item of list.split(',')) {
    const match = /^\s*(\d{1,3})(?:\s*-\s*(\d{1,3}))?\s*$/.exec(item);
    if (!match) return undefined;
    const first = Number(match[1]);
    const last = match[2] === undefined ? first : Number(match[2]);
    if (last < first || last > MAX_EVENT) return undefined;
    for (let e = first; e <= last; e++) events.add(e);
  }
  return [...events].sort((a, b) => a - b);
}

/** Writes ascending event codes in the compact range form: [0…16, 66] → "0-16,66". */
export function formatEventList(events: readonly number[]): string {
  const parts: string[] = [];
  let i = 0;
  while (i < events.length) {
    const first = events[i]!;
    let last = first;
    while (i + 1 < events.length && events[i + 1] === last + 1) last = events[++i]!;
    parts.push(first === last ? String(first) : `${first}-${last}`);
    i++;
  }
  return parts.join(',');
}

/**
 * The list widened to include 0-15, keeping any wider range the browser declared.
 * A missing or malformed list becomes "0-15".
 */
export function withDtmfEvents(list: string | undefined): string {
  const events = list === undefined ? undefined : parseEventList(list);
  if (!events) return DTMF_EVENTS;
  const merged = new Set(events);
  for (let e = 0; e <= DTMF_LAST_EVENT; e++) merged.add(e);
  return formatEventList([...merged].sort((a, b) => a - b));
}
