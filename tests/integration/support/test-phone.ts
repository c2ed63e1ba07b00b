import { randomBytes } from 'node:crypto';
import { SipRequest, SipResponse } from '../../../src/sip';
import { DigestClient } from '../../../src/sip/auth';
import { WsSipClient } from './ws-sip-client';

const nodeRandom = { bytes: (n: number) => new Uint8Array(randomBytes(n)) };

export function token(bytes = 6): string {
  return randomBytes(bytes).toString('hex');
}

export interface RequestSpec {
  method: string;
  uri: string;
  callId: string;
  cseq: number;
  /** Full To value; a tag makes it in-dialog. */
  to: string;
  branch?: string;
  route?: string[];
  headers?: [string, string][];
  body?: string;
  maxForwards?: number;
  /** Contact value; default this phone's contact URI; null for none (CANCEL, ACK). */
  contact?: string | null;
}

/**
 * One SIP user on a raw WebSocket, writing its messages as text the way a browser client would
 * (".invalid" Via host and Contact), with just enough logic for the PBX tests: digest retries and
 * responses that copy what RFC 3261 §8.2.6 says to copy.
 */
export class TestPhone {
  readonly fromTag = token();
  readonly digest: DigestClient;

  private constructor(
    readonly client: WsSipClient,
    readonly user: string,
    password: string,
  ) {
    this.digest = new DigestClient({ username: user, password }, nodeRandom);
  }

  static async connect(url: string, user: string, password = `secret${user}`): Promise<TestPhone> {
    return new TestPhone(await WsSipClient.connect(url), user, password);
  }

  get contactUri(): string {
    return `sip:${this.user}@${this.client.host};transport=ws`;
  }

  get aor(): string {
    return `sip:${this.user}@127.0.0.1`;
  }

  /** The text of a request from this phone; returns it with the branch it used. */
  request(spec: RequestSpec): { text: string; branch: string } {
    const branch = spec.branch ?? `z9hG4bK${token()}`;
    const lines = [
      `${spec.method} ${spec.uri} SIP/2.0`,
      `Via: SIP/2.0/WS ${this.client.host};branch=${branch}`,
      `Max-Forwards: ${spec.maxForwards ?? 70}`,
      ...(spec.route ?? []).map((r) => `Route: ${r}`),
      `From: <${this.aor}>;tag=${this.fromTag}`,
      `To: ${spec.to}`,
      `Call-ID: ${spec.callId}`,
      `CSeq: ${spec.cseq} ${spec.method}`,
      ...(spec.contact === null ? [] : [`Contact: ${spec.contact ?? `<${this.contactUri}>`}`]),
      ...(spec.headers ?? []).map(([n, v]) => `${n}: ${v}`),
      `Content-Length: ${Buffer.byteLength(spec.body ?? '')}`,
      '',
      spec.body ?? '',
    ];
    return { text: lines.join('\r\n'), branch };
  }

  send(spec: RequestSpec): string {
    const { text, branch } = this.request(spec);
    this.client.send(text);
    return branch;
  }

  /** The final (or, with `provisional`, any non-100) response to the request sent with `branch`. */
  response(branch: string, options: { provisional?: boolean; method?: string } = {}): Promise<SipResponse> {
    return this.client.receive(
      (m) =>
        m instanceof SipResponse &&
        m.via[0]?.branch === branch &&
        (options.method === undefined || m.cseq.method === options.method) &&
        (options.provisional ? m.status > 100 : m.status >= 200),
    ) as Promise<SipResponse>;
  }

  /**
   * Sends, answers the 401/407 with digest credentials (CSeq + 1, new branch) and returns the retry's
   * branch and CSeq without waiting for its answer.
   */
  async sendWithCredentials(spec: RequestSpec): Promise<{ branch: string; cseq: number }> {
    const first = await this.response(this.send(spec), { method: spec.method });
    if (first.status !== 401 && first.status !== 407) throw new Error(`expected a challenge, got ${first.status}`);
    const header = first.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate';
    const auth = this.digest.authorize({
      status: first.status,
      challengeHeaders: first.getLines(header),
      method: spec.method,
      uri: spec.uri,
      body: spec.body ?? '',
    });
    if (!auth.ok) throw new Error(auth.reason);
    const cseq = spec.cseq + 1;
    const branch = this.send({ ...spec, cseq, headers: [...(spec.headers ?? []), [auth.header, auth.value]] });
    return { branch, cseq };
  }

  /** sendWithCredentials, then the final response. */
  async sendAuthenticated(spec: RequestSpec): Promise<SipResponse> {
    const { branch } = await this.sendWithCredentials(spec);
    return this.response(branch, { method: spec.method });
  }

  /** REGISTER with digest; resolves with the registrar's final answer. */
  async register(options: { expires?: number; contactParams?: string; callId?: string } = {}): Promise<SipResponse> {
    const spec: RequestSpec = {
      method: 'REGISTER',
      uri: 'sip:127.0.0.1',
      callId: options.callId ?? token(),
      cseq: 1,
      to: `<${this.aor}>`,
      headers: [['Expires', String(options.expires ?? 600)]],
      contact: `<${this.contactUri}>${options.contactParams ?? ''}`,
    };
    return this.sendAuthenticated(spec);
  }

  /** The next request of `method` arriving at this phone. */
  incoming(method: string, match: (r: SipRequest) => boolean = () => true): Promise<SipRequest> {
    return this.client.receive((m) => m instanceof SipRequest && m.method === method && match(m)) as Promise<SipRequest>;
  }

  /** Answers `request` as a UAS would: Via, Record-Route, From, To (+tag), Call-ID, CSeq copied. */
  respond(request: SipRequest, status: number, reason: string, toTag?: string, body = ''): void {
    const to = request.get('To')!;
    const lines = [
      `SIP/2.0 ${status} ${reason}`,
      ...request.getLines('Via').map((v) => `Via: ${v}`),
      ...request.getLines('Record-Route').map((r) => `Record-Route: ${r}`),
      `From: ${request.get('From')}`,
      `To: ${toTag && !request.to.tag ? `${to};tag=${toTag}` : to}`,
      `Call-ID: ${request.callId}`,
      `CSeq: ${request.get('CSeq')}`,
      ...(status < 300 && request.method !== 'BYE' ? [`Contact: <${this.contactUri}>`] : []),
      `Content-Length: ${Buffer.byteLength(body)}`,
      '',
      body,
    ];
    this.client.send(lines.join('\r\n'));
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
