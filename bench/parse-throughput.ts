/**
 * Parse throughput: Tabphone's parser against JsSIP's and SIP.js's, in one process, same corpus,
 * interleaved rounds so machine noise hits all three alike, counted per CPU second of this process.
 * Two measurements per parser:
 *   parse + read  parse, then read the top Via branch, the From tag and the CSeq, which a UA reads
 *                 for every message to find its transaction and dialog;
 *   parse only    the parse call alone.
 * JsSIP and SIP.js parse those headers eagerly; ours parses them on first access, so its parse-only
 * figure is not comparable and "read cost" (the difference per message) is where its work went.
 * Before timing, every parser must parse every message and agree on the three values.
 *
 *   npx tsx bench/parse-throughput.ts [--rounds 7] [--ms 300]
 */
import { createRequire } from 'node:module';
import { Parser as SipJsParser } from 'sip.js/lib/core/messages/parser.js';
import { parseMessage } from '../src/sip';
import { readCorpora } from './corpus';
import { median } from './stats';

const require = createRequire(import.meta.url);
const JsSipParser = require('jssip/lib/Parser.js') as {
  parseMessage(data: string, ua: unknown): { via_branch: string; from_tag: string; cseq: number; method: string } | undefined;
};

/** What a UA reads from every message: top Via branch, From tag, CSeq number and method. */
type Keys = [branch: string | undefined, fromTag: string | undefined, cseq: number, method: string];

interface Candidate<M = unknown> {
  name: string;
  /** Parses; undefined when the parser refused the message. */
  parse(text: string): M | undefined;
  read(message: M): Keys;
}

const quietLogger = { error() {}, warn() {}, log() {}, debug() {} };

function candidate<M>(c: Candidate<M>): Candidate {
  return c as Candidate;
}

export const candidates: Candidate[] = [
  candidate({
    name: 'Tabphone',
    parse: (text) => parseMessage(text),
    read: (m) => [m.via[0]?.branch, m.from.tag, m.cseq.seq, m.cseq.method],
  }),
  candidate({
    name: 'JsSIP 3.13.8',
    parse: (text) => JsSipParser.parseMessage(text, undefined),
    read: (m) => [m.via_branch, m.from_tag, m.cseq, m.method],
  }),
  candidate({
    name: 'SIP.js 0.21.2',
    parse: (text) => SipJsParser.parseMessage(text, quietLogger as never),
    read: (m) => [m.viaBranch, m.fromTag, m.cseq, m.method],
  }),
];

function parseAndRead(c: Candidate, text: string): Keys | undefined {
  const message = c.parse(text);
  return message === undefined ? undefined : c.read(message);
}

/** Throws unless every parser parses every message and all agree on its keys. */
export function checkAgreement(corpus: string[]): void {
  for (const [i, text] of corpus.entries()) {
    const [reference, ...others] = candidates.map((c) => ({ name: c.name, keys: JSON.stringify(parseAndRead(c, text)) }));
    for (const other of [reference!, ...others]) {
      if (other.keys === undefined || other.keys !== reference!.keys) {
        throw new Error(`corpus message ${i} (${text.split('\r\n')[0]}): ${other.name} read ${other.keys}, Tabphone ${reference!.keys}`);
      }
    }
  }
}

/** CPU time this process has used, in ms (all its threads: V8's helper threads do part of the GC work). */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * Messages handled per CPU second by `work` in a round of about `ms` milliseconds, cycling through
 * the corpus. CPU time, not wall time: on a machine shared with other work, time spent waiting for
 * a core is not the parser's.
 */
function measure(work: (text: string) => unknown, corpus: string[], ms: number): number {
  const deadline = performance.now() + ms;
  const cpuAtStart = cpuMs();
  let count = 0;
  let sink = 0;
  do {
    for (const text of corpus) if (work(text)) sink++;
    count += corpus.length;
  } while (performance.now() < deadline);
  if (sink < 0) console.log(sink);
  return (count * 1000) / (cpuMs() - cpuAtStart);
}

export interface ParseFigures {
  parser: string;
  /** Parse + read, messages per CPU second (median of the rounds). */
  messagesPerSecond: number;
  /** Parse + read, megabytes (10^6 bytes of UTF-8) per CPU second. */
  megabytesPerSecond: number;
  parseOnlyPerSecond: number;
  /** Nanoseconds per message to read the three keys from a message parsed beforehand (median of the rounds). */
  readCostNs: number;
}

/** Nanoseconds per message to read the keys of `batch` messages, parsed (untimed) just before. */
function readCost(c: Candidate, corpus: string[], batch: number): number {
  const parsed = Array.from({ length: batch }, (_, i) => c.parse(corpus[i % corpus.length]!));
  const started = performance.now();
  let sink = 0;
  for (const message of parsed) if (c.read(message)[2] > 0) sink++;
  const ns = ((performance.now() - started) * 1e6) / batch;
  if (sink < 0) console.log(sink);
  return ns;
}

export function runParseBenchmark(corpus: string[], rounds: number, ms: number): ParseFigures[] {
  checkAgreement(corpus);
  const bytesPerMessage = corpus.reduce((sum, text) => sum + Buffer.byteLength(text), 0) / corpus.length;
  const works = candidates.flatMap((c) => [
    { name: c.name, kind: 'read' as const, work: (t: string) => parseAndRead(c, t) },
    { name: c.name, kind: 'parse' as const, work: (t: string) => c.parse(t) },
  ]);
  for (const w of works) measure(w.work, corpus, 200); // warm-up: let the JIT settle
  for (const c of candidates) readCost(c, corpus, 16 * corpus.length);
  const samples = new Map(works.map((w) => [w, [] as number[]]));
  const readSamples = new Map(candidates.map((c) => [c, [] as number[]]));
  for (let r = 0; r < rounds; r++) {
    for (const w of works) samples.get(w)!.push(measure(w.work, corpus, ms));
    for (const c of candidates) readSamples.get(c)!.push(readCost(c, corpus, 16 * corpus.length));
  }
  return candidates.map((c) => {
    const rate = (kind: 'read' | 'parse') => median(samples.get(works.find((w) => w.name === c.name && w.kind === kind)!)!);
    const read = rate('read');
    return {
      parser: c.name,
      messagesPerSecond: read,
      megabytesPerSecond: (read * bytesPerMessage) / 1e6,
      parseOnlyPerSecond: rate('parse'),
      readCostNs: median(readSamples.get(c)!),
    };
  });
}

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const { name, messages } of readCorpora()) {
    console.log(`${name}: ${messages.length} messages, node ${process.version}`);
    console.table(runParseBenchmark(messages, arg('rounds', 7), arg('ms', 300)));
  }
}
