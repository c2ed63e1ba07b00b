/** The figures of one run as the rows of the benchmark table, with the targets. */
import type { BundleSize } from './bundle-size';
import type { CallSetupSamples, StunCase } from './call-setup';
import type { Corpus } from './corpus';
import type { HeapFigures } from './memory';
import type { ParseFigures } from './parse-throughput';
import type { RegistrationFigures } from './registration';
import type { Contest, Row } from './report-table';
import { median } from './stats';

export function tableRows(
  parse: { corpus: Corpus; figures: ParseFigures[] }[],
  libraries: BundleSize[],
  firstLoad: BundleSize,
  coldStart: BundleSize,
  calls: Contest<CallSetupSamples>,
  registration: RegistrationFigures,
  heap: Contest<HeapFigures>,
): Row[] {
  const parseRow = (figures: ParseFigures[], what: string, unit: Row['unit'], better: Row['better'], pick: (p: ParseFigures) => number, extra: Partial<Row> = {}): Row => {
    const [tabphone, jssip, sipjs] = figures.map(pick);
    return { what, unit, better, tabphone: tabphone!, jssip, sipjs, ...extra };
  };
  const parseRows = ({ corpus, figures }: (typeof parse)[number], details: boolean): Row[] => {
    const of = `${corpus.name} (${corpus.messages.length})`;
    const [ours, jssip] = figures;
    return [
      parseRow(figures, `parse + read keys, per CPU second: ${of}`, 'msg/s', 'higher', (p) => p.messagesPerSecond, {
        target: { text: '≥ 15× JsSIP', met: ours!.messagesPerSecond >= 15 * jssip!.messagesPerSecond },
      }),
      parseRow(figures, `parse + read keys, throughput: ${of}`, 'MB/s', 'higher', (p) => p.megabytesPerSecond),
      ...(details
        ? [
            parseRow(figures, `parse only (ours defers headers): ${of}`, 'msg/s', 'higher', (p) => p.parseOnlyPerSecond, { noRatio: true }),
            parseRow(figures, `reading the keys after parse: ${of}`, 'ns', 'lower', (p) => p.readCostNs, { noRatio: true }),
          ]
        : []),
    ];
  };
  const kib = (bytes: number) => bytes / 1024;
  const [core, coreWebRtc, jssipUa, sipjsUa] = libraries;
  /** A call figure; the issue asks Tabphone to be faster than JsSIP in every case, and some under `cap` ms. */
  const versusJsSip = (what: string, figures: Contest<number>, cap?: number): Row => ({
    what,
    unit: 'ms',
    better: 'lower',
    ...figures,
    target: {
      text: cap === undefined ? 'faster than JsSIP' : `≤ ${cap} ms and faster than JsSIP`,
      met: figures.tabphone < figures.jssip && (cap === undefined || figures.tabphone <= cap),
    },
  });
  const each = <T>(pick: (s: CallSetupSamples) => T): Contest<T> => ({ tabphone: pick(calls.tabphone), jssip: pick(calls.jssip), sipjs: pick(calls.sipjs) });
  const callRow = (what: string, pick: (s: CallSetupSamples) => number[], cap?: number): Row => {
    const counts = Object.values(each((s) => pick(s).length)).join(' / ');
    return versusJsSip(`${what} (median of ${counts})`, each((s) => median(pick(s))), cap);
  };
  const clickRow = (stun: StunCase) => callRow(`click → INVITE at the PBX, ${stun}`, (s) => s.clickToInvite[stun], 300);
  const registrationRow = (what: string, samples: Record<string, number[]>): Row => ({
    what: `${what} (median of ${samples.Tabphone!.length})`,
    unit: 'ms',
    better: 'lower',
    tabphone: median(samples.Tabphone!),
    jssip: median(samples['JsSIP 3.13.8']!),
    sipjs: median(samples['SIP.js 0.21.2']!),
  });
  const heapRow = (what: string, pick: (h: HeapFigures) => number): Row => ({
    what: `JS heap after GC, ${what}`,
    unit: 'MiB',
    better: 'lower',
    tabphone: pick(heap.tabphone) / 2 ** 20,
    jssip: pick(heap.jssip) / 2 ** 20,
    sipjs: pick(heap.sipjs) / 2 ** 20,
    noRatio: true,
  });
  return [
    ...parse.flatMap((p, i) => parseRows(p, i === 0)),
    { what: 'UA core + SDP, minified', unit: 'KiB', better: 'lower', tabphone: kib(core!.minBytes), jssip: kib(jssipUa!.minBytes), sipjs: kib(sipjsUa!.minBytes) },
    {
      what: 'UA core + SDP, min + gzip',
      unit: 'KiB',
      better: 'lower',
      tabphone: kib(core!.gzipBytes),
      jssip: kib(jssipUa!.gzipBytes),
      sipjs: kib(sipjsUa!.gzipBytes),
      target: { text: '≤ 20 KiB', met: kib(core!.gzipBytes) <= 20 },
    },
    { what: 'core + SDP + WebRTC engine + adapters, min + gzip', unit: 'KiB', better: 'lower', tabphone: kib(coreWebRtc!.gzipBytes), jssip: kib(jssipUa!.gzipBytes), sipjs: kib(sipjsUa!.gzipBytes) },
    { what: 'whole app, first load, gzip', unit: 'KiB', better: 'lower', tabphone: kib(firstLoad.gzipBytes), target: { text: '≤ 110 KiB', met: kib(firstLoad.gzipBytes) <= 110 } },
    { what: 'whole app, everything fetched until registered, gzip', unit: 'KiB', better: 'lower', tabphone: kib(coldStart.gzipBytes) },
    clickRow('no STUN'),
    versusJsSip('click → INVITE, first call after opening the page, no STUN', each((s) => s.clickToInvite['no STUN'][0]!), 300),
    clickRow('reachable STUN'),
    clickRow('dead STUN'),
    callRow('INVITE → 200, callee answers at once', (s) => s.inviteTo200),
    callRow('Answer click → first audio packet at the caller', (s) => s.answerToAudio),
    registrationRow('connect + REGISTER with the 401 round, Node', registration.connectAndRegister),
    registrationRow('PBX back → registered again, Node', registration.recovery),
    heapRow('idle and registered', (h) => h.idle),
    heapRow('one live call', (h) => h.oneCall),
    heapRow('four live calls', (h) => h.fourCalls),
  ];
}
