import { readFileSync } from 'node:fs';
import { createResponse, parseMessage, type SipRequest, type SipResponse } from '../../../src/sip';
import type { ScriptedPhone } from '../support/loopback-pbx';

/** A fixture's text with CRLF line ends, as it travels on the wire. */
export function fixture(path: string): string {
  return readFileSync(new URL(`../../fixtures/${path}`, import.meta.url), 'utf8').replace(/\r?\n/g, '\r\n');
}

export interface ScriptedRequest {
  body?: string;
  contentType?: string;
  headers?: string[];
  /** Default: the next CSeq of the dialog. */
  cseq?: number;
  /** Contact to announce (a target refresh); default the phone's own. */
  contact?: string;
}

let branches = 0;

/** Message text with Content-Length filled in. */
export function sipText(lines: string[], body = ''): string {
  return `${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

/**
 * One call of a scripted phone, written message by message: the far end of a user agent under
 * test when the test needs exact control of what arrives (captured CUCM messages, odd SDP, bad
 * CSeqs). Tags, CSeq and the remote target follow RFC 3261 §12 so the UA sees a proper dialog.
 */
export class ScriptedCall {
  readonly callId: string;
  readonly fromTag: string;
  cseq = 100;
  /** The UA's tag and Contact, learnt from its responses to our INVITE. */
  remoteTag: string | undefined;
  remoteTarget: string | undefined;
  invite: SipRequest | undefined;

  constructor(
    readonly phone: ScriptedPhone,
    readonly target = 'sip:1001@127.0.0.1',
    id = 'scripted',
  ) {
    this.callId = `${id}-call`;
    this.fromTag = `${id}-tag`;
  }

  get contact(): string {
    return `<sip:${this.phone.label}@${this.phone.viaHost};transport=ws>`;
  }

  /** Sends the INVITE that starts the call. */
  sendInvite(options: ScriptedRequest = {}): SipRequest {
    this.cseq = options.cseq ?? this.cseq + 1;
    const text = this.text('INVITE', this.target, `<${this.target}>`, options);
    this.invite = parseMessage(text) as SipRequest;
    this.phone.send(text);
    return this.invite;
  }

  /** Learns the UA's tag and Contact from the last response to our INVITE. */
  learnDialog(): SipResponse {
    const response = this.phone.responses('INVITE').filter((r) => r.status > 100).at(-1);
    if (!response) throw new Error('no response to the INVITE yet');
    this.remoteTag = response.to.tag;
    this.remoteTarget = response.contact[0]?.uri.toString();
    return response;
  }

  /** ACK for the 2xx to the INVITE with CSeq `seq` (default the last one). */
  sendAck(options: { body?: string; seq?: number } = {}): void {
    const seq = options.seq ?? this.cseq;
    this.phone.send(this.text('ACK', this.requestUri(), this.to(), { ...options, cseq: seq }, 'ACK'));
  }

  /** A request inside the dialog: BYE, INFO, re-INVITE, UPDATE. */
  send(method: string, options: ScriptedRequest = {}): SipRequest {
    this.cseq = options.cseq ?? this.cseq + 1;
    const text = this.text(method, this.requestUri(), this.to(), { ...options, cseq: this.cseq });
    this.phone.send(text);
    return parseMessage(text) as SipRequest;
  }

  /** CANCEL for our INVITE (§9.1: same branch, Request-URI and CSeq number). */
  sendCancel(headers: string[] = []): void {
    const invite = this.invite;
    if (!invite) throw new Error('no INVITE to cancel');
    const lines = [
      `CANCEL ${invite.uri.toString()} SIP/2.0`,
      `Via: ${invite.getAll('Via')[0]}`,
      'Max-Forwards: 70',
      `From: ${invite.get('From')}`,
      `To: ${invite.get('To')}`,
      `Call-ID: ${invite.callId}`,
      `CSeq: ${invite.cseq.seq} CANCEL`,
      ...headers,
    ];
    this.phone.send(sipText(lines));
  }

  /** Answers a request the UA sent us. */
  respond(request: SipRequest, status: number, options: { headers?: [string, string][]; body?: string; toTag?: string } = {}): void {
    const response = createResponse(request, status, undefined, status === 100 ? undefined : (options.toTag ?? 'scripted-uas'));
    if (status < 300 && status > 100) response.append('Contact', this.contact);
    for (const [name, value] of options.headers ?? []) response.append(name, value);
    if (options.body !== undefined) {
      response.append('Content-Type', 'application/sdp');
      response.body = options.body;
    }
    this.phone.send(response.toString());
  }

  private requestUri(): string {
    if (!this.remoteTarget) throw new Error('learnDialog() first');
    return this.remoteTarget;
  }

  private to(): string {
    return `<${this.target}>;tag=${this.remoteTag}`;
  }

  private text(method: string, uri: string, to: string, options: ScriptedRequest, cseqMethod = method): string {
    const body = options.body ?? '';
    const lines = [
      `${method} ${uri} SIP/2.0`,
      `Via: SIP/2.0/WS ${this.phone.viaHost};branch=z9hG4bKscript${++branches}`,
      'Max-Forwards: 70',
      `From: <sip:${this.phone.label}@127.0.0.1>;tag=${this.fromTag}`,
      `To: ${to}`,
      `Call-ID: ${this.callId}`,
      `CSeq: ${options.cseq ?? this.cseq} ${cseqMethod}`,
      ...(method === 'ACK' ? [] : [`Contact: ${options.contact ?? this.contact}`]),
      ...(options.headers ?? []),
      ...(body === '' ? [] : [`Content-Type: ${options.contentType ?? 'application/sdp'}`]),
    ];
    return sipText(lines, body);
  }
}
