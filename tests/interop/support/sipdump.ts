import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseMessage, SipRequest, SipResponse, type SipMessage } from '../../../src/sip';

/** One message in Kamailio's sipdump files: what it received ('rcv') or sent ('snd'), and where. */
export interface DumpedMessage {
  tag: 'rcv' | 'snd';
  /** Seconds since the epoch, with microseconds. */
  time: number;
  /** 'udp', 'tcp', 'ws', 'wss', 'tls'. */
  proto: string;
  srcPort: number;
  dstPort: number;
  text: string;
  /** Parsed with our own parser; undefined if it refused the text. */
  message: SipMessage | undefined;
}

export type DumpedRequest = DumpedMessage & { message: SipRequest };
export type DumpedResponse = DumpedMessage & { message: SipResponse };

const RECORD_START = '====================\n';
const BODY_START = '~~~~~~~~~~~~~~~~~~~~\n';
const RECORD_END = '||||||||||||||||||||\n';

/** Every message Kamailio dumped so far, in order (sipdump writes within about 20 ms). */
export async function readSipDump(runDir: string): Promise<DumpedMessage[]> {
  const files = (await readdir(runDir)).filter((name) => name.startsWith('sipdump-') && name.endsWith('.data')).sort();
  const messages: DumpedMessage[] = [];
  for (const file of files) messages.push(...parseSipDump(await readFile(path.join(runDir, file), 'utf8')));
  return messages.sort((a, b) => a.time - b.time);
}

export function parseSipDump(data: string): DumpedMessage[] {
  const records: DumpedMessage[] = [];
  for (const record of data.split(RECORD_START)) {
    const bodyAt = record.indexOf(BODY_START);
    const endAt = record.lastIndexOf(RECORD_END);
    if (bodyAt < 0 || endAt < bodyAt) continue; // a record still being written
    const fields = new Map<string, string>();
    for (const line of record.slice(0, bodyAt).split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
    }
    const text = record.slice(bodyAt + BODY_START.length, endAt);
    let message: SipMessage | undefined;
    try {
      message = parseMessage(text);
    } catch {
      message = undefined;
    }
    records.push({
      tag: fields.get('tag') === 'snd' ? 'snd' : 'rcv',
      time: Number(fields.get('time')),
      proto: (fields.get('proto') ?? '').split(' ')[0] ?? '',
      srcPort: Number(fields.get('srcport')),
      dstPort: Number(fields.get('dstport')),
      text,
      message,
    });
  }
  return records;
}

/** Requests of `method` that Kamailio sent to the far end listening on `port`: what it saw. */
export function requestsSentTo(dump: readonly DumpedMessage[], port: number, method: string): DumpedRequest[] {
  return dump.filter(
    (m): m is DumpedRequest =>
      m.tag === 'snd' && m.dstPort === port && m.message instanceof SipRequest && m.message.method === method,
  );
}

/** Responses Kamailio received from the far end on `port` to requests of `method`. */
export function responsesFrom(dump: readonly DumpedMessage[], port: number, method: string): DumpedResponse[] {
  return dump.filter(
    (m): m is DumpedResponse =>
      m.tag === 'rcv' && m.srcPort === port && m.message instanceof SipResponse && m.message.cseq.method === method,
  );
}

/** Requests of `method` Kamailio received over `proto` (e.g. 'ws' for the browsers). */
export function requestsReceived(dump: readonly DumpedMessage[], method: string, proto?: string): DumpedRequest[] {
  return dump.filter(
    (m): m is DumpedRequest =>
      m.tag === 'rcv' && m.message instanceof SipRequest && m.message.method === method && (proto === undefined || m.proto === proto),
  );
}

/** Responses Kamailio sent back over `proto` to requests of `method`. */
export function responsesSent(dump: readonly DumpedMessage[], method: string, proto?: string): DumpedResponse[] {
  return dump.filter(
    (m): m is DumpedResponse =>
      m.tag === 'snd' && m.message instanceof SipResponse && m.message.cseq.method === method && (proto === undefined || m.proto === proto),
  );
}
