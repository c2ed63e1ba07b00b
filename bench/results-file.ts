/** bench/results.md: the table of one run with where and how it ran, and the samples behind it. */
import type { BundleSize } from './bundle-size';
import type { CallSetupSamples } from './call-setup';
import type { Machine } from './machine';
import type { RegistrationFigures } from './registration';
import type { Contest } from './report-table';

export interface RunReport {
  startedAt: Date;
  /** The commit benchmarked (codeRevision), when known. */
  revision: string | undefined;
  seconds: number;
  machine: Machine;
  chromiumVersion: string;
  /** 1-minute load average at the start and at the end. */
  load: { start: string; end: string };
  corpora: { name: string; size: number }[];
  runs: number;
  table: string;
  bundles: BundleSize[];
  calls: Contest<CallSetupSamples>;
  registration: RegistrationFigures;
}

const list = (values: number[]) => values.map((v) => v.toFixed(0)).join(', ');
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

function callSamples(name: string, s: CallSetupSamples): string[] {
  return [
    `- ${name}: click → INVITE, no STUN: ${list(s.clickToInvite['no STUN'])}; reachable STUN: ${list(s.clickToInvite['reachable STUN'])}; ` +
      `dead STUN: ${list(s.clickToInvite['dead STUN'])}; INVITE → 200: ${list(s.inviteTo200)}; Answer → first audio: ${list(s.answerToAudio)}`,
  ];
}

const PREVIOUS_RUN = '## The run before';

/**
 * The summary of the run in an earlier results.md (its header lines and table, without the samples),
 * to keep under the new run: two runs side by side show how much the figures move between runs.
 */
export function previousRunSummary(earlier: string): string | undefined {
  const end = earlier.indexOf('\n## ');
  if (!earlier.startsWith('# Benchmark results\n') || end < 0) return undefined;
  return earlier.slice('# Benchmark results\n'.length, end).trim();
}

export function renderResults(r: RunReport, previous?: string): string {
  const m = r.machine;
  return [
    '# Benchmark results',
    '',
    `Run ${r.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC, ${Math.round(r.seconds)} s, with \`npm run bench\`` +
      `${r.revision ? ` at ${r.revision}` : ''}.`,
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; ${m.os}; Node ${m.node}; Chromium ${r.chromiumVersion}.`,
    `Load average (1 min) ${r.load.start} at the start, ${r.load.end} at the end — absolute figures move with load; compare the ratios.`,
    '',
    '"vs JsSIP" and "vs SIP.js": how many times better Tabphone is (above 1: better; for times and sizes, lower is better).',
    '"Keys": the top Via branch, the From tag and the CSeq, which a UA reads from every message.',
    '',
    r.table,
    '',
    '## How',
    '',
    `- **Parsing:** ${r.corpora.map((c) => `${c.name}, ${c.size} messages`).join('; ')}.`,
    '  The WebSocket corpus (bench/corpus) is SIP over WebSocket as Tabphone and the PBX exchange it (a WebRTC INVITE',
    '  as sent and as forwarded, REGISTER with its 401 and 200, REFER',
    '  with Replaces, a sipfrag NOTIFY, compact and folded headers, three Vias); tests/fixtures/sip holds the captures.',
    '  All three parsers must accept every message and agree on the values read. Median of 5 interleaved rounds of',
    '  300 ms, per second of the process’s CPU time (waiting for a core on a busy machine does not count). Our parser',
    '  defers header parsing to first access, so compare "parse + read". Reading the keys is timed on messages parsed',
    '  just before, loop included.',
    '- **Bundles:** each entry of bench/entries built by Vite 8 (Rolldown, default minifier, target es2022), gzip level 9.',
    '  First load: the production build’s index.html plus the scripts and stylesheets it references.',
    `- **Calls:** Chromium, headless, loopback-only network namespace, embedded PBX; after one uncounted call per stack,`,
    `  ${r.runs} calls per case on freshly opened pages, the three taking turns; callers and callees in two Chromium`,
    '  instances, as on two machines; callee pages answer the moment the Answer button appears. Times: click and answer in the page, INVITE and 200 as the PBX saw',
    '  them, first audio by getStats polled every 10 ms. JsSIP and SIP.js run with their defaults on bench/jssip-page and',
    '  bench/sipjs-page: JsSIP sends the INVITE once ICE gathering completes, SIP.js then or after its 5 s gathering',
    '  timeout. With the dead STUN server the call goes to a far end that answers 486.',
    '- **Registration:** in Node over `ws`, each client with its own reconnect policy; recovery after a 1 s PBX outage,',
    '  fresh clients for each outage.',
    '- **Memory:** used JS heap after a forced GC (CDP). The JsSIP and SIP.js figures are of bare pages with no UI framework: not like for like.',
    '',
    '## Samples (ms)',
    '',
    ...callSamples('Tabphone', r.calls.tabphone),
    ...callSamples('JsSIP', r.calls.jssip),
    ...callSamples('SIP.js', r.calls.sipjs),
    ...Object.entries(r.registration.connectAndRegister).map(
      ([client, v]) => `- ${client}: connect + REGISTER: ${list(v)}; recovery: ${list(r.registration.recovery[client] ?? [])}`,
    ),
    '',
    '## What takes the room',
    '',
    'Share of each package or folder in the code before minification.',
    '',
    ...r.bundles.map(
      (b) =>
        `- ${b.name} (${kib(b.minBytes)} min, ${kib(b.gzipBytes)} gzip, ${b.files} file${b.files === 1 ? '' : 's'}): ` +
        b.biggest
          .filter(([, share]) => share >= 0.005)
          .map(([group, share]) => `${group} ${(share * 100).toFixed(0)}%`)
          .join(', '),
    ),
    '',
    ...(previous ? [PREVIOUS_RUN, '', previous, ''] : []),
  ].join('\n');
}
