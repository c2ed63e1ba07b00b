import { describe, expect, it } from 'vitest';
import { previousRunSummary, renderResults, type RunReport } from '../../../bench/results-file';

const samples = (n: number) => ({
  clickToInvite: { 'no STUN': [n], 'reachable STUN': [n + 1], 'dead STUN': [n + 2] },
  inviteTo200: [n + 3],
  answerToAudio: [n + 4],
});

const report: RunReport = {
  startedAt: new Date('2026-11-22T01:30:05Z'),
  revision: 'cad76ca',
  seconds: 231.6,
  machine: { cpu: 'Example CPU @ 2.0GHz', cores: 2, memoryGiB: 8, node: 'v20.20.2', os: 'Linux 6.1' },
  chromiumVersion: '156.0.8078.79',
  load: { start: '0.4', end: '1.2' },
  corpora: [{ name: 'SIP over WebSocket', size: 18 }],
  runs: 5,
  table: '| figure | Tabphone |\n|---|--:|',
  bundles: [{ name: 'Tabphone UA core + SDP', files: 1, minBytes: 160_256, gzipBytes: 51_200, biggest: [['src/sip/ua', 0.434], ['bench/entries', 0.001]] }],
  calls: { tabphone: samples(100), jssip: samples(200), sipjs: samples(300) },
  registration: { connectAndRegister: { Tabphone: [12.4], 'JsSIP 3.13.8': [20.6] }, recovery: { Tabphone: [1_100], 'JsSIP 3.13.8': [1_020] } },
};

describe('bench/results.md', () => {
  const text = renderResults(report);

  it('says when, how long, on what machine and under what load the run happened', () => {
    expect(text).toContain('Run 2026-11-22 01:30 UTC, 232 s, with `npm run bench` at cad76ca.');
    expect(text).toContain('Machine: Example CPU @ 2.0GHz, 2 cores, 8 GiB; Linux 6.1; Node v20.20.2; Chromium 156.0.8078.79.');
    expect(text).toContain('Load average (1 min) 0.4 at the start, 1.2 at the end');
  });

  it('holds the table and the samples behind each median', () => {
    expect(text).toContain(report.table);
    expect(text).toContain('- Tabphone: click → INVITE, no STUN: 100; reachable STUN: 101; dead STUN: 102; INVITE → 200: 103; Answer → first audio: 104');
    expect(text).toContain('- JsSIP 3.13.8: connect + REGISTER: 21; recovery: 1020');
  });

  it('says what takes the room in each bundle, leaving out parts that round to 0 %', () => {
    expect(text).toContain('- Tabphone UA core + SDP (156.5 KiB min, 50.0 KiB gzip, 1 file): src/sip/ua 43%\n');
  });
});

describe('the run before', () => {
  it('keeps the summary and table of the earlier results.md under the new run, without its samples or its own earlier run', () => {
    const earlier = renderResults({ ...report, load: { start: '9.9', end: '8.8' } }, 'Run 2026-11-21 …');
    const summary = previousRunSummary(earlier)!;
    expect(summary.startsWith('Run 2026-11-22 01:30 UTC')).toBe(true);
    expect(summary).toContain('Load average (1 min) 9.9 at the start, 8.8 at the end');
    expect(summary).toContain(report.table);
    expect(summary).not.toContain('## Samples');
    expect(summary).not.toContain('2026-11-21');

    const text = renderResults(report, summary);
    expect(text.indexOf('## The run before')).toBeGreaterThan(text.indexOf('## What takes the room'));
    expect(text).toContain(`## The run before\n\n${summary}\n`);
  });

  it('is left out when there is no earlier results.md or it is not one', () => {
    expect(renderResults(report)).not.toContain('## The run before');
    expect(previousRunSummary('# Something else\n\n## How')).toBeUndefined();
  });
});
