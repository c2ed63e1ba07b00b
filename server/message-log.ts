import { SipRequest, type SipMessage } from '../src/sip';
import type { LevelLogger } from './logger';

/** Where a message went or came from, as the log names it. */
export interface Peer {
  id: number;
  peer: string;
}

// Header lines (and their folded continuations) whose values are credentials.
const CREDENTIAL_LINE = /^((?:Proxy-)?Authorization)[ \t]*:.*(?:\r?\n[ \t].*)*/gim;

/** The message text with Authorization / Proxy-Authorization values replaced by "<redacted>". */
export function redactCredentials(text: string): string {
  return text.replace(CREDENTIAL_LINE, '$1: <redacted>');
}

/** "INVITE sip:1001@127.0.0.1 cseq=1" or "180 Ringing cseq=1 INVITE". */
export function summarize(message: SipMessage): string {
  const cseq = safe(() => message.cseq);
  if (message instanceof SipRequest) {
    return `${message.method} ${message.uri.toString()}${cseq ? ` cseq=${cseq.seq}` : ''}`;
  }
  return `${message.status} ${message.reason}${cseq ? ` cseq=${cseq.seq} ${cseq.method}` : ''}`;
}

/**
 * One info line per message in or out — direction, peer, method or status, Call-ID — and the whole
 * text at debug level. Credentials never reach the logger.
 */
export class MessageLog {
  constructor(private readonly logger: LevelLogger) {}

  received(peer: Peer, text: string, message: SipMessage): void {
    this.line('in ', peer, message, text);
  }

  sent(peer: Peer, text: string, message: SipMessage): void {
    this.line('out', peer, message, text);
  }

  malformed(peer: Peer, text: string, fault: string): void {
    this.logger.log('warn', `in  ${label(peer)} malformed message: ${fault}`);
    if (this.logger.enabled('debug')) this.logger.log('debug', `in  ${label(peer)} malformed text:\n${redactCredentials(text)}`);
  }

  /** A reply built as text, without a parsed message (the 400 to an unparseable request). */
  sentText(peer: Peer, text: string): void {
    this.entry(`out ${label(peer)} ${text.slice(0, text.indexOf('\r\n')).replace(/^SIP\/2\.0 /, '')}`, text);
  }

  /** The summary line at info, or at debug the same line followed by the whole (redacted) text. */
  private entry(head: string, text: string): void {
    if (this.logger.enabled('debug')) this.logger.log('debug', `${head}\n${redactCredentials(text)}`);
    else this.logger.log('info', head);
  }

  private line(direction: string, peer: Peer, message: SipMessage, text: string): void {
    const callId = safe(() => message.callId) ?? '?';
    const head = `${direction} ${label(peer)} ${summarize(message)} call-id=${callId}`;
    this.entry(head, text);
  }
}

function label(peer: Peer): string {
  return `#${peer.id} ${peer.peer}`;
}

/** Header accessors throw on a malformed value; a log line must not. */
function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
