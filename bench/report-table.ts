/**
 * The benchmark's one table: a row per figure with Tabphone's value, JsSIP's and SIP.js's where
 * measured, how many times better Tabphone is than each (above 1: Tabphone is better, whichever way
 * "better" points for the figure), and the issue's target with whether it was met.
 */

/** One figure per contender. */
export interface Contest<T> {
  tabphone: T;
  jssip: T;
  sipjs: T;
}

export type Unit = 'msg/s' | 'MB/s' | 'ns' | 'ms' | 'KiB' | 'MiB';

export interface Row {
  what: string;
  unit: Unit;
  better: 'higher' | 'lower';
  tabphone: number;
  jssip?: number;
  sipjs?: number;
  /** Set when the others' figure is not like for like (shown, no ratio). */
  noRatio?: boolean;
  target?: { text: string; met: boolean };
}

const DECIMALS: Record<Unit, number> = { 'msg/s': 0, 'MB/s': 2, ns: 0, ms: 0, KiB: 1, MiB: 1 };

export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const digits = DECIMALS[unit];
  return `${value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

/** How many times better `ours` is than `theirs`: above 1 means ours is better. */
export function advantage(ours: number, theirs: number, better: Row['better']): number {
  return better === 'higher' ? ours / theirs : theirs / ours;
}

export function formatAdvantage(row: Row, theirs: number | undefined): string {
  if (theirs === undefined || Number.isNaN(theirs) || Number.isNaN(row.tabphone)) return '—';
  if (row.noRatio) return 'n/a';
  const times = advantage(row.tabphone, theirs, row.better);
  if (!Number.isFinite(times)) return '—';
  return `${times.toFixed(times >= 10 ? 0 : times >= 1 ? 1 : 2)}×`;
}

/** A Markdown table of `rows`, aligned so it also reads well on a terminal. */
export function renderTable(rows: Row[]): string {
  const header = ['figure', 'Tabphone', 'JsSIP 3.13.8', 'SIP.js 0.21.2', 'vs JsSIP', 'vs SIP.js', 'target'];
  const cells = rows.map((row) => [
    row.what,
    formatValue(row.tabphone, row.unit),
    formatValue(row.jssip, row.unit),
    formatValue(row.sipjs, row.unit),
    formatAdvantage(row, row.jssip),
    formatAdvantage(row, row.sipjs),
    row.target ? `${row.target.text}: ${row.target.met ? 'met' : 'MISSED'}` : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => `| ${c.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (i === 0 || i === 6 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...cells.map(line)].join('\n');
}
