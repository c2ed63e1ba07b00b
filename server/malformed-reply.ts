/**
 * A 400 for a request the message layer could not parse. Built from the raw text because there is no
 * parsed request to copy from: the header lines a response must echo (RFC 3261 §8.2.6.2) are taken
 * as written, and the reason phrase names the fault (RFC 3261 §21.4.1). Returns undefined for
 * responses and for text that is not a SIP message at all: those are dropped.
 */
export function replyToMalformedRequest(text: string, fault: string, toTag: string): string | undefined {
  // Leading blank lines are ignored before a start line (RFC 3261 §7.5).
  const head = text.replace(/^(?:\r?\n)+/, '').split(/\r?\n\r?\n/, 1)[0] ?? '';
  const lines = unfold(head);
  const startLine = lines[0] ?? '';
  if (/^SIP\//i.test(startLine) || !/^\S+ \S+ SIP\//i.test(startLine)) return undefined;

  const echoed: string[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = ECHOED.get(line.slice(0, colon).trim().toLowerCase());
    if (!name) continue;
    let value = line.slice(colon + 1).trim();
    if (name === 'To' && !/;\s*tag\s*=/i.test(value)) value += `;tag=${toTag}`;
    echoed.push(`${name}: ${value}`);
  }
  const reason = `Bad Request - ${fault}`.replace(/[\r\n]+/g, ' ');
  return [`SIP/2.0 400 ${reason}`, ...echoed, 'Content-Length: 0', '', ''].join('\r\n');
}

// Full and compact names (RFC 3261 §7.3.3) of the headers a response echoes.
const ECHOED = new Map([
  ['via', 'Via'],
  ['v', 'Via'],
  ['from', 'From'],
  ['f', 'From'],
  ['to', 'To'],
  ['t', 'To'],
  ['call-id', 'Call-ID'],
  ['i', 'Call-ID'],
  ['cseq', 'CSeq'],
]);

/** Header lines with folded continuations joined (RFC 3261 §7.3.1). */
function unfold(head: string): string[] {
  const out: string[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1] += ` ${line.trim()}`;
    else out.push(line);
  }
  return out;
}
