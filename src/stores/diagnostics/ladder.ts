import type { TraceEntry } from './state';

/**
 * The ladder diagram's model: three lifelines (us, the proxy or PBX, the far end) and one arrow
 * per message. We see only our own hop, so a message to or from a far end is drawn across the
 * proxy's lifeline, straight between us and the far end.
 */
export const LADDER_COLUMNS = ['Us', 'Proxy', 'Far end'] as const;

export type LadderColumn = 0 | 1 | 2;

export interface LadderArrow {
  seq: number;
  from: LadderColumn;
  to: LadderColumn;
  label: string;
  /** Local wall-clock time, "14:03:07.215". */
  time: string;
  /** Since the first message shown, "+1.204 s". */
  offset: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "HH:MM:SS.mmm" in local time. */
export function clockTime(at: number): string {
  const d = new Date(at);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

export function ladderArrows(entries: readonly TraceEntry[]): LadderArrow[] {
  const start = entries[0]?.at ?? 0;
  return entries.map((entry) => {
    const far: LadderColumn = entry.peer === 'proxy' ? 1 : 2;
    const from: LadderColumn = entry.direction === 'out' ? 0 : far;
    const to: LadderColumn = entry.direction === 'out' ? far : 0;
    const time = clockTime(entry.at);
    return {
      seq: entry.seq,
      from,
      to,
      label: entry.label,
      time,
      offset: `+${((entry.at - start) / 1000).toFixed(3)} s`,
    };
  });
}
