import { NameAddr, SipRequest, type SipUri } from '../message';
import { randomToken, type Random } from '../ports';
import { initialCseq } from '../dialog/cseq-number';
import { ownAddress, ownContact, type LocalIdentity } from './local-identity';

export interface OutOfDialogRequestOptions {
  /** To; default: the Request-URI. */
  to?: NameAddr;
  /** Default: a new random Call-ID. */
  callId?: string;
  /** Default: a new random tag. */
  fromTag?: string;
  /** Default: a random start below 2^31 (§8.1.1.5). */
  cseq?: number;
  /** 'register' adds the RFC 5626 instance and reg-id; 'none' leaves Contact out. Default 'plain'. */
  contact?: 'plain' | 'register' | 'none';
  /** Option tags this request supports beyond the UA's own ('path' on a REGISTER). */
  supported?: string[];
  headers?: [string, string][];
  body?: string;
}

export interface RequestFactoryDeps {
  identity: LocalIdentity;
  random: Random;
  viaHost: string;
  /** Allow and Supported follow the usages registered with the dispatcher. */
  allow(): string[];
  supported(): string[];
}

/**
 * Builds out-of-dialog requests (§8.1.1): From with a fresh tag, a fresh
 * Call-ID, Max-Forwards 70, our Contact, Allow, Supported and User-Agent. The
 * Via is added when the request is sent, with a new branch per attempt.
 */
export class RequestFactory {
  constructor(private readonly deps: RequestFactoryDeps) {}

  create(method: string, requestUri: SipUri, options: OutOfDialogRequestOptions = {}): SipRequest {
    const { identity, random } = this.deps;
    const from = ownAddress(identity);
    from.params.set('tag', options.fromTag ?? randomToken(random, 8));
    const to = options.to ?? new NameAddr(requestUri.clone());
    const headers: [string, string][] = [
      ['Max-Forwards', '70'],
      ['From', from.toString()],
      ['To', to.toString()],
      ['Call-ID', options.callId ?? randomToken(random, 16)],
      ['CSeq', `${options.cseq ?? initialCseq(random)} ${method}`],
    ];
    const contact = options.contact ?? 'plain';
    if (contact !== 'none') headers.push(['Contact', ownContact(identity, this.deps.viaHost, contact === 'register').toString()]);
    headers.push(...(options.headers ?? []));
    headers.push(['Allow', this.deps.allow().join(', ')]);
    const supported = unique([...this.deps.supported(), ...(options.supported ?? [])]);
    if (supported.length > 0) headers.push(['Supported', supported.join(', ')]);
    headers.push(['User-Agent', identity.userAgent]);
    return new SipRequest(method, requestUri.clone(), headers, options.body ?? '');
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
