import { describe, expect, it } from 'vitest';
import { advantage, formatAdvantage, formatValue, renderTable, type Row } from '../../../bench/report-table';
import { median } from '../../../bench/stats';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even one, in any order', () => {
    expect(median([300, 100, 200])).toBe(200);
    expect(median([40, 10, 30, 20])).toBe(25);
    expect(median([7])).toBe(7);
  });

  it('is NaN for no values, so a missing measurement shows as missing', () => {
    expect(median([])).toBeNaN();
  });
});

describe('the benchmark table', () => {
  const faster: Row = { what: 'click → INVITE', unit: 'ms', better: 'lower', tabphone: 100, jssip: 250, target: { text: '≤ 300 ms', met: true } };

  it('says how many times better Tabphone is, whichever way better points', () => {
    expect(advantage(100, 250, 'lower')).toBe(2.5);
    expect(advantage(30_000, 1_000, 'higher')).toBe(30);
    expect(formatAdvantage(faster, 250)).toBe('2.5×');
    expect(formatAdvantage({ ...faster, tabphone: 400 }, 250)).toBe('0.63×');
    expect(formatAdvantage({ ...faster, better: 'higher', tabphone: 30_000 }, 1_000)).toBe('30×');
  });

  it('shows no ratio where a figure is missing or not like for like', () => {
    expect(formatAdvantage(faster, undefined)).toBe('—');
    expect(formatAdvantage({ ...faster, noRatio: true }, 250)).toBe('n/a');
  });

  it('formats values with their unit and grouping, and a dash for none', () => {
    expect(formatValue(145_350.4, 'msg/s')).toBe('145,350 msg/s');
    expect(formatValue(20.04, 'KiB')).toBe('20.0 KiB');
    expect(formatValue(undefined, 'ms')).toBe('—');
    expect(formatValue(NaN, 'ms')).toBe('—');
  });

  it('renders a Markdown table with aligned columns and each target met or MISSED', () => {
    const table = renderTable([faster, { what: 'first load', unit: 'KiB', better: 'lower', tabphone: 174.3, target: { text: '≤ 110 KiB', met: false } }]);
    const lines = table.split('\n');
    expect(lines).toHaveLength(4);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(lines[0]).toMatch(/^\| figure +\| Tabphone +\| JsSIP 3\.13\.8 +\| SIP\.js 0\.21\.2 +\| vs JsSIP +\| vs SIP\.js +\| target +\|$/);
    expect(lines[1]).toMatch(/^\|-+\|-+:\|/);
    expect(lines[2]).toContain('| 100 ms ');
    expect(lines[2]).toContain('| 2.5× ');
    expect(lines[2]).toContain('≤ 300 ms: met');
    expect(lines[3]).toContain('≤ 110 KiB: MISSED');
    expect(lines[3]).toContain('| —');
  });
});
