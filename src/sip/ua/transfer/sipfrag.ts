/** message/sipfrag (RFC 3420) bodies of the NOTIFYs of a REFER subscription (RFC 3515 §2.4.5). */

export const SIPFRAG_TYPE = 'message/sipfrag';
/** Content-Type of the NOTIFYs we send: RFC 3515 §2.4.5 asks for the version parameter. */
export const SIPFRAG_CONTENT_TYPE = 'message/sipfrag;version=2.0';

export interface SipfragStatus {
  status: number;
  reason: string;
}

/** The status line a sipfrag starts with ("SIP/2.0 180 Ringing"); undefined when it has none. */
export function parseSipfragStatus(body: string): SipfragStatus | undefined {
  const line = body.replace(/^\s+/, '').split(/\r?\n/, 1)[0] ?? '';
  const match = /^SIP\/2\.0[ \t]+([1-6]\d\d)(?:[ \t]+(.*))?$/i.exec(line.trim());
  if (!match) return undefined;
  return { status: Number(match[1]), reason: (match[2] ?? '').trim() };
}

/** A sipfrag holding only a status line: all a REFER's progress report needs (RFC 3515 §2.4.5). */
export function sipfragBody(status: number, reason: string): string {
  return `SIP/2.0 ${status} ${reason}\r\n`;
}
