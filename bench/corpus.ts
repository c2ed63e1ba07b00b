import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Captured MicroSIP 3.21 and Cisco CUCM 14 messages (UDP/TCP), which the parser tests also use. */
const CAPTURES = join(import.meta.dirname, '..', 'tests', 'fixtures', 'sip');
/**
 * SIP over WebSocket as Tabphone and the embedded PBX exchange it: a REGISTER with its 401 and 200,
 * an INVITE with Chromium's WebRTC offer (as sent and as forwarded), 100/180/200 with the answer,
 * ACK, a hold re-INVITE, REFER with Replaces, a sipfrag NOTIFY, BYE, MESSAGE, OPTIONS and its 200,
 * and an INVITE with compact headers, folded lines and three Vias.
 */
const WEBSOCKET_CORPUS = join(import.meta.dirname, 'corpus');

function readSipFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.sip'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

export interface Corpus {
  name: string;
  messages: string[];
}

/** The two benchmark corpora, as WebSocket frames would carry their messages. */
export function readCorpora(): Corpus[] {
  return [
    { name: 'WebSocket corpus', messages: readSipFiles(WEBSOCKET_CORPUS) },
    { name: 'MicroSIP/CUCM captures', messages: readSipFiles(CAPTURES) },
  ];
}
