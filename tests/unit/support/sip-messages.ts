import { createResponse, parseMessage, type SipRequest, type SipResponse } from '../../../src/sip';

export interface RequestSpec {
  uri?: string;
  /** Top Via branch; default a z9hG4bK branch. */
  branch?: string;
  /** Whole top Via value, replacing the default (RFC 2543 peers, other sent-by). */
  via?: string;
  fromTag?: string;
  toTag?: string;
  callId?: string;
  cseq?: number;
  /** CSeq method when it differs from the request method. */
  cseqMethod?: string;
  maxForwards?: number | null;
  headers?: string[];
  body?: string;
}

/** A request as it arrives from the network: written as text, then parsed. */
export function sipRequest(method: string, spec: RequestSpec = {}): SipRequest {
  const lines = [
    `${method} ${spec.uri ?? 'sip:bob@biloxi.example.com'} SIP/2.0`,
    `Via: ${spec.via ?? `SIP/2.0/WS client.invalid;branch=${spec.branch ?? 'z9hG4bKnashds8'}`}`,
    ...(spec.maxForwards === null ? [] : [`Max-Forwards: ${spec.maxForwards ?? 70}`]),
    `To: Bob <sip:bob@biloxi.example.com>${spec.toTag ? `;tag=${spec.toTag}` : ''}`,
    `From: Alice <sip:alice@atlanta.example.com>;tag=${spec.fromTag ?? '1928301774'}`,
    `Call-ID: ${spec.callId ?? 'a84b4c76e66710'}`,
    `CSeq: ${spec.cseq ?? 314159} ${spec.cseqMethod ?? method}`,
    'Contact: <sip:alice@client.invalid;transport=ws>',
    ...(spec.headers ?? []),
  ];
  return parseMessage(`${lines.join('\r\n')}\r\n\r\n${spec.body ?? ''}`) as SipRequest;
}

/** A response to `request` as it arrives from the network (serialized and parsed again). */
export function sipResponse(request: SipRequest, status: number, options: { toTag?: string; headers?: [string, string][]; reason?: string } = {}): SipResponse {
  const response = createResponse(request, status, options.reason, options.toTag);
  for (const [name, value] of options.headers ?? []) response.append(name, value);
  return reparse(response);
}

/** The same message after a trip over the wire. */
export function reparse<T extends SipRequest | SipResponse>(message: T): T {
  return parseMessage(message.toString()) as T;
}
