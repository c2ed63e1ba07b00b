/**
 * Parse throughput: Tabphone's parser against JsSIP's and SIP.js's, in one process, same corpus,
 * interleaved rounds so machine noise hits all three alike. Each parse also reads the headers a UA
 * reads for every message (top Via branch, From/To tags, Call-ID, CSeq), because JsSIP and SIP.js
 * parse those eagerly while our parser parses them on first access.
 *
 *   npx tsx bench/parse-throughput.ts [--rounds 7] [--ms 300]
 */
import { createRequire } from 'node:module';
import { readCorpus } from './corpus';
import { parseMessage } from '../src/sip';
import { Parser as SipJsParser } from 'sip.js/lib/core/messages/parser.js';

const require = createRequire(import.meta.url);
const JsSipParser = require('jssip/lib/Parser.js') as {
  parseMessage(data: string, ua: unknown): { via_branch: string; from_tag: string; to_tag?: string; call_id: string; cseq: number } | undefined;
};

type Candidate = { name: string; parse: (text: string) => unknown };

/** Reads every value (a To tag may be absent) so no parser is spared work by short-circuiting. */
function touched(...values: unknown[]): boolean {
  return values.filter((v) => v !== undefined).length >= 4;
}

const quietLogger = { error() {}, warn() {}, log() {}, debug() {} };

export const candidates: Candidate[] = [
  {
    name: 'Tabphone',
    parse(text) {
      const m = parseMessage(text);
      return touched(m.via[0]?.branch, m.from.tag, m.to.tag, m.callId, m.cseq.seq);
    },
  },
  {
    name: 'JsSIP 3.13.8',
    parse(text) {
      const m = JsSipParser.parseMessage(text, undefined);
      return m && touched(m.via_branch, m.from_tag, m.to_tag, m.call_id, m.cseq);
    },
  },
  {
    name: 'SIP.js 0.21.2',
    parse(text) {
      const m = SipJsParser.parseMessage(text, quietLogger as never);
      return m && touched(m.viaBranch, m.fromTag, m.toTag, m.callId, m.cseq);
    },
  },
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Messages parsed per second during `ms` milliseconds, cycling through the corpus. */
function measure(candidate: Candidate, corpus: string[], ms: number): number {
  const deadline = performance.now() + ms;
  let count = 0;
  let sink = 0;
  while (performance.now() < deadline) {
    for (const text of corpus) {
      if (candidate.parse(text)) sink++;
    }
    count += corpus.length;
  }
  if (sink < 0) console.log(sink);
  return (count * 1000) / ms;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

export function runParseBenchmark(rounds = arg('rounds', 7), ms = arg('ms', 300)) {
  const corpus = readCorpus();
  for (const c of candidates) measure(c, corpus, 200); // warm-up: let the JIT settle
  const samples = new Map(candidates.map((c) => [c.name, [] as number[]]));
  for (let r = 0; r < rounds; r++) {
    for (const c of candidates) samples.get(c.name)!.push(measure(c, corpus, ms));
  }
  const ours = median(samples.get('Tabphone')!);
  return candidates.map((c) => {
    const m = median(samples.get(c.name)!);
    return { parser: c.name, messagesPerSecond: Math.round(m), tabphoneRatio: +(ours / m).toFixed(2) };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const corpus = readCorpus();
  console.log(`corpus: ${corpus.length} real messages (tests/fixtures/sip), node ${process.version}`);
  console.table(runParseBenchmark());
}
