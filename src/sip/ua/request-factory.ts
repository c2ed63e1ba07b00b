import { NameAddr, SipRequest, SipUri } from '../message';
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
  /** A preloaded Route (the outbound proxy, §8.1.1.1) for every request this factory builds. */
  route?: string;
  /** Allow and Supported follow the usages registered with the dispatcher. */
  allow(): string[];
  supported(): string[];
}

/**
 * Builds out-of-dialog requests (§8.1.1): From with a fresh tag, a fresh
 * Call-ID, Max-Forwards 70, the outbound proxy's Route, our Contact, Allow, Supported and User-Agent. The
 * Via is added when the request is sent, with a new branch per attempt.
 */
export class RequestFactory {
  readonly #deps: RequestFactoryDeps;
  constructor(deps: RequestFactoryDeps) {
    this.#deps = deps;
  }

  create(method: string, requestUri: SipUri, options: OutOfDialogRequestOptions = {}): SipRequest {
    const { identity, random } = this.#deps;
    const from = ownAddress(identity);
    from.params.set('tag', options.fromTag ?? randomToken(random, 8));
    const to = options.to ?? new NameAddr(requestUri.clone());
    const headers: [string, string][] = [
      ['Max-Forwards', '70'],
      ...(this.#deps.route !== undefined ? ([['Route', this.#deps.route]] as [string, string][]) : []),
      ['From', from.toString()],
      ['To', to.toString()],
      ['Call-ID', options.callId ?? randomToken(random, 16)],
      ['CSeq', `${options.cseq ?? initialCseq(random)} ${method}`],
    ];
    const contact = options.contact ?? 'plain';
    if (contact !== 'none') headers.push(['Contact', ownContact(identity, this.#deps.viaHost, contact === 'register').toString()]);
    headers.push(...(options.headers ?? []));
    headers.push(['Allow', this.#deps.allow().join(', ')]);
    const supported = unique([...this.#deps.supported(), ...(options.supported ?? [])]);
    if (supported.length > 0) headers.push(['Supported', supported.join(', ')]);
    headers.push(['User-Agent', identity.userAgent]);
    return new SipRequest(method, requestUri.clone(), headers, options.body ?? '');
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * The Route header value for an outbound proxy URI: loose routing (`;lr`, RFC 3261 §16.12) is
 * assumed, as every proxy since RFC 3261 does it. Throws when the URI is not sip: or sips:.
 */
export function outboundProxyRoute(proxy: string): string {
  const uri = SipUri.parse(proxy.trim());
  if (!uri.isSip || uri.host === '') throw new Error(`The outbound proxy "${proxy}" is not a sip: or sips: URI`);
  if (!uri.params.has('lr')) uri.params.set('lr', null);
  return new NameAddr(uri).toString();
}
