/**
 * `npm run bench`: every benchmark against JsSIP and SIP.js in one run on one machine, printed as
 * one table and written with the machine, the load and the raw samples to bench/results.md.
 * Re-runs itself inside a loopback-only network namespace (scripts/netns-run.sh) for Chromium.
 *
 *   npm run bench [-- --runs 5]
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBrowserBenchStack } from './browser-bench-stack';
import { buildApp, librarySize, LIBRARY_ENTRIES, type BundleSize } from './bundle-size';
import { measureCallSetup, type CallSetupSamples } from './call-setup';
import { readCorpora } from './corpus';
import { inLoopbackOnlyNamespace, rerunInLoopbackNamespace } from './loopback-namespace';
import { describeMachine, loadAverage } from './machine';
import { measureHeap, type HeapFigures } from './memory';
import { runParseBenchmark } from './parse-throughput';
import { scriptsFetchedUntilRegistered } from './startup-fetches';
import { measureRegistration } from './registration';
import { renderTable, type Contest } from './report-table';
import { previousRunSummary, renderResults } from './results-file';
import { codeRevision } from './revision';
import { tableRows } from './table-rows';

if (!inLoopbackOnlyNamespace()) rerunInLoopbackNamespace();

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const RUNS = arg('runs', 5);
const step = (text: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}, load ${loadAverage()}] ${text}`);

const startedAt = new Date();
const loadAtStart = loadAverage();
const work = await mkdtemp(path.join(os.tmpdir(), 'tabphone-bench-'));
try {
  step('parse throughput');
  const corpora = readCorpora();
  const parse = corpora.map((corpus) => ({ corpus, figures: runParseBenchmark(corpus.messages, 5, 300) }));

  step('bundle sizes');
  const libraries: BundleSize[] = [];
  for (const { name, entry } of LIBRARY_ENTRIES) libraries.push(await librarySize(name, entry, path.join(work, entry)));
  const appDist = path.join(work, 'app');
  const app = await buildApp(appDist);
  const { firstLoad } = app;

  step('registration and recovery (Node)');
  const registration = await measureRegistration({ runs: RUNS * 2, outages: 3, outageMs: 1_000 });

  step('call set-up and memory (Chromium)');
  const stack = await startBrowserBenchStack(appDist, work);
  let chromiumVersion: string;
  let calls: Contest<CallSetupSamples>;
  let heap: Contest<HeapFigures>;
  let coldStart: BundleSize;
  try {
    chromiumVersion = stack.browser.version();
    const env = { browser: stack.browser, calleeBrowser: stack.calleeBrowser, seen: stack.seen, busyUser: stack.busy.user, stunUrl: stack.stun.url, deadStunUrl: stack.deadStun.url };
    step('  calls, the three taking turns (JsSIP and SIP.js wait for ICE gathering: their dead-STUN calls run in parallel)');
    const [tabphone, jssip, sipjs] = await measureCallSetup(
      env,
      [
        { stack: stack.tabphone, users: { caller: '1000', callee: '1001' } },
        { stack: stack.jssip, users: { caller: '1002', callee: '1003' }, parallelDeadCallers: ['1004', '1015'] },
        { stack: stack.sipjs, users: { caller: '1016', callee: '1017' }, parallelDeadCallers: ['1018', '1019'] },
      ],
      RUNS,
    );
    calls = { tabphone: tabphone!, jssip: jssip!, sipjs: sipjs! };
    step('  what a cold start fetches until registered');
    coldStart = await app.size('Tabphone app, everything fetched until registered', await scriptsFetchedUntilRegistered(stack.browser, stack.tabphone, '1025'));
    step('  memory');
    heap = {
      tabphone: await measureHeap(stack.browser, stack.tabphone, '1005', ['1006', '1007', '1008', '1009']),
      jssip: await measureHeap(stack.browser, stack.jssip, '1010', ['1011', '1012', '1013', '1014']),
      sipjs: await measureHeap(stack.browser, stack.sipjs, '1020', ['1021', '1022', '1023', '1024']),
    };
  } finally {
    await stack.close();
  }

  const rows = tableRows(parse, libraries, firstLoad, coldStart, calls, registration, heap);
  const table = renderTable(rows);
  console.log(table);
  const resultsPath = path.join(import.meta.dirname, 'results.md');
  const earlier = await readFile(resultsPath, 'utf8').catch(() => undefined);
  const results = renderResults({
    startedAt,
    revision: codeRevision(),
    seconds: (Date.now() - startedAt.getTime()) / 1000,
    machine: describeMachine(),
    chromiumVersion,
    load: { start: loadAtStart, end: loadAverage() },
    corpora: corpora.map(({ name, messages }) => ({ name, size: messages.length })),
    runs: RUNS,
    table,
    bundles: [...libraries, firstLoad, coldStart],
    calls,
    registration,
  }, earlier === undefined ? undefined : previousRunSummary(earlier));
  await writeFile(resultsPath, results);
  step('wrote bench/results.md');
} finally {
  await rm(work, { recursive: true, force: true });
}
