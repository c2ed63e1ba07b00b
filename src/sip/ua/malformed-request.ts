import { SipParseError, SipResponse, canonicalName, type HeaderField } from '../message';

/** Method SP Request-URI SP SIP/2.0 — enough of a request line to know it is one. */
const REQUEST_LINE = /^([!%*+\-.`'~\w]+) \S+ SIP\/2\.0$/i;
const COPIED = new Set(['Via', 'From', 'To', 'Call-ID', 'CSeq']);

/**
 * The 400 for a request the parser rejected (§8.2.6, §21.4.1), the fault as
 * its reason phrase. Built only when the headers a response must copy are
 * readable — a Via and CSeq the sender can match, plus From, To and Call-ID —
 * and never for an ACK, which gets no response. Undefined means: drop it.
 */
export function malformedRequestResponse(text: string, fault: string, toTag: string): SipResponse | undefined {
  const head = readHead(text);
  const method = head && REQUEST_LINE.exec(head.startLine)?.[1];
  if (!head || !method || method === 'ACK') return undefined;
  const copied = head.headers.filter((h) => COPIED.has(h.name));
  const count = (name: string) => copied.filter((h) => h.name === name).length;
  if (count('Via') === 0 || count('From') !== 1 || count('To') !== 1 || count('Call-ID') !== 1 || count('CSeq') !== 1) {
    return undefined;
  }
  const response = new SipResponse(400, reasonPhrase(fault), copied);
  try {
    if (response.via.length === 0 || response.cseq.method !== method) return undefined;
  } catch (error) {
    if (error instanceof SipParseError) return undefined;
    throw error;
  }
  const to = response.get('To')!;
  if (!/;\s*tag\s*=/i.test(to)) response.set('To', `${to};tag=${toTag}`);
  return response;
}

/** Start line and unfolded header lines, read leniently: the parser already said what is wrong. */
function readHead(text: string): { startLine: string; headers: HeaderField[] } | undefined {
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end < 0 ? text : text.slice(0, end)).replace(/^(\r?\n)+/, '').split(/\r?\n/);
  const startLine = lines.shift();
  if (startLine === undefined) return undefined;
  const headers: HeaderField[] = [];
  for (const line of lines) {
    const last = headers.at(-1);
    if (/^[ \t]/.test(line)) {
      if (last) last.value = `${last.value} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push({ name: canonicalName(line.slice(0, colon).trim()), value: line.slice(colon + 1).trim() });
  }
  return { startLine, headers };
}

/**
 * A fault text made fit for a Reason-Phrase (§25.1): no control characters,
 * double quotes turned into single ones, other characters the grammar does
 * not allow dropped, and kept short.
 */
export function reasonPhrase(fault: string): string {
  const cleaned = fault
    .replace(/[\x00-\x1f\x7f]+/g, ' ')
    .replace(/"/g, "'")
    .replace(/[<>#%[\]{}|\\^`]/g, '')
    .trim();
  const short = cleaned.length > 100 ? `${cleaned.slice(0, 97)}...` : cleaned;
  return short.length > 0 ? short : 'Bad Request';
}
