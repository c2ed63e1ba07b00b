import {
  buildChallenge,
  createResponse,
  parseMessage,
  SipRequest,
  verifyAuthorization,
  type SipMessage,
  type SipResponse,
} from '../../../src/sip';
import type { Timers } from '../../../src/sip/ports';
import { WebSocketReadyState, type WebSocketFactory } from '../../../src/sip/transport';
import { ServerSideSocket } from './server-side-socket';

/** One message the relay saw: who sent it, to whom it went ("pbx" when the relay answered or dropped it). */
export interface RelayedFrame {
  /** Clock time the frame was sent. */
  at: number;
  from: string;
  to: string;
  message: SipMessage;
}

/** What a test's filter decides about a frame: pass it on, or lose it. */
export type FrameVerdict = 'deliver' | 'drop';

interface Endpoint {
  label: string;
  /** The Via host of the requests it sends (a UA's random "….invalid"). */
  viaHost: string | undefined;
  receive(text: string): void;
}

/** A WebSocket of a user agent under test; the relay plays the server side. */
class LoopbackSocket extends ServerSideSocket implements Endpoint {
  viaHost: string | undefined;

  constructor(
    readonly label: string,
    relay: LoopbackPbx,
  ) {
    super((data) => relay.fromEndpoint(this, data));
  }

  receive(text: string): void {
    this.deliver(text);
  }

  override serverClose(): void {
    if (this.readyState !== WebSocketReadyState.OPEN) return;
    // Responses and in-dialog requests for this Via host go to the UA's next socket.
    this.viaHost = undefined;
    super.serverClose();
  }
}

/**
 * A far end written by hand: registered under a user, it records what reaches it and sends the
 * raw text a test gives it (a CUCM INVITE, a G.729-only offer), so real captured messages can be
 * played against a user agent.
 */
export class ScriptedPhone implements Endpoint {
  readonly received: SipMessage[] = [];

  constructor(
    readonly label: string,
    readonly viaHost: string,
    private readonly relay: LoopbackPbx,
  ) {}

  receive(text: string): void {
    this.received.push(parseMessage(text));
  }

  send(text: string): void {
    this.relay.fromEndpoint(this, text);
  }

  /** The requests of `method` it received. */
  requests(method: string): SipRequest[] {
    return this.received.filter((m): m is SipRequest => m instanceof SipRequest && m.method === method);
  }

  /** The responses to `method` it received, in order. */
  responses(method: string): SipResponse[] {
    return this.received.filter((m): m is SipResponse => !(m instanceof SipRequest) && m.cseq.method === method);
  }
}

const REALM = 'tabphone';

/**
 * A fake PBX for core tests on a FakeClock: it relays SIP frames between the fake WebSockets of
 * several user agents (and scripted phones), recording every one. REGISTER is answered 200; a
 * request goes to every endpoint registered for its Request-URI user (so two registrations of one
 * user fork the call) or, for in-dialog requests, to the endpoint whose Via host is the
 * Request-URI host; a response goes back to the endpoint whose Via host is on top. It adds no Via
 * and no Record-Route, so what each side sends is exactly what the other receives.
 * Frames arrive `latency` ms after they were sent, so nothing re-enters the sender.
 */
export class LoopbackPbx {
  readonly frames: RelayedFrame[] = [];
  /** Users that exist but may be offline (480); anyone else is unknown (404). */
  readonly knownUsers = new Set(['1000', '1001', '1002', '1003', '1004', '1005', '1006', '1007', '1008', '1009']);
  /** Answer new INVITEs without valid Proxy-Authorization with 407, as a proxy would. */
  challengeInvites = false;
  /** Methods besides INVITE whose new requests get 407 without valid Proxy-Authorization ("MESSAGE"). */
  readonly challengeMethods = new Set<string>();
  /** Decides the fate of each frame before it is relayed. */
  filter: ((message: SipMessage, from: string) => FrameVerdict) | undefined;
  latency = 0;
  private readonly endpoints: Endpoint[] = [];
  private readonly registered = new Map<string, Endpoint[]>();
  /** Branches of INVITEs the relay answered itself: their ACK ends here. */
  private readonly answeredHere = new Set<string>();
  private nonceCount = 0;

  constructor(private readonly timers: Timers) {}

  /** The WebSocket factory for a user agent; `label` names it in frames. */
  factory(label: string): WebSocketFactory {
    return () => {
      const socket = new LoopbackSocket(label, this);
      this.endpoints.push(socket);
      this.timers.setTimeout(() => socket.open(), 0);
      return socket;
    };
  }

  /** A scripted phone registered as `user`, with `viaHost` as the host of its Via and Contact. */
  scriptedPhone(user: string, viaHost = `script${user}.invalid`): ScriptedPhone {
    const phone = new ScriptedPhone(user, viaHost, this);
    this.endpoints.push(phone);
    this.bind(user, phone);
    return phone;
  }

  /** The relay drops the WebSocket of `label` (a lost flow); the user agent reconnects by itself. */
  sever(label: string): void {
    for (const socket of this.endpoints) {
      if (socket instanceof LoopbackSocket && socket.label === label) socket.serverClose();
    }
    // RFC 5626 §7: the flow's bindings go with it.
    for (const [user, list] of this.registered) this.registered.set(user, list.filter((e) => e.label !== label || !(e instanceof LoopbackSocket)));
  }

  /** Frames of requests with `method`, in order. */
  requests(method: string): SipRequest[] {
    return this.frames.map((f) => f.message).filter((m): m is SipRequest => m instanceof SipRequest && m.method === method);
  }

  /** Responses to `method` with `status` (any when omitted), in order. */
  responses(method: string, status?: number): SipResponse[] {
    return this.frames
      .map((f) => f.message)
      .filter((m): m is SipResponse => !(m instanceof SipRequest) && m.cseq.method === method && (status === undefined || m.status === status));
  }

  /** "1000 → 1001 INVITE", "1001 → 1000 180 Ringing": the call flow as a list. */
  ladder(): string[] {
    return this.frames.map(({ from, to, message }) =>
      `${from} → ${to} ${message instanceof SipRequest ? message.method : `${message.status} ${message.reason}`}`,
    );
  }

  fromEndpoint(from: Endpoint, text: string): void {
    if (text === '\r\n\r\n') {
      // RFC 5626 §4.4.1 keep-alive ping.
      this.timers.setTimeout(() => from.receive('\r\n'), this.latency);
      return;
    }
    const message = parseMessage(text);
    if (message instanceof SipRequest) from.viaHost ??= message.via[0]?.host;
    if (this.filter?.(message, from.label) === 'drop') {
      this.frames.push({ at: this.timers.now(), from: from.label, to: 'lost', message });
      return;
    }
    if (message instanceof SipRequest) this.routeRequest(from, message, text);
    else this.routeResponse(from, message, text);
  }

  private routeRequest(from: Endpoint, request: SipRequest, text: string): void {
    if (request.method === 'REGISTER') return this.register(from, request);
    if (request.method === 'ACK' && this.answeredHere.has(request.via[0]?.branch ?? '')) {
      this.frames.push({ at: this.timers.now(), from: from.label, to: 'pbx', message: request });
      return;
    }
    const challenged = request.method === 'INVITE' ? this.challengeInvites : this.challengeMethods.has(request.method);
    if (challenged && request.to.tag === undefined && !this.authorized(request)) {
      this.frames.push({ at: this.timers.now(), from: from.label, to: 'pbx', message: request });
      return this.answer(from, request, 407, [['Proxy-Authenticate', buildChallenge({ realm: REALM, nonce: `n${++this.nonceCount}`, algorithm: 'MD5', qop: ['auth'] })]]);
    }
    const host = request.uri.host;
    const targets = host.endsWith('.invalid')
      ? this.endpoints.filter((e) => e.viaHost === host)
      : (this.registered.get(request.uri.user ?? '') ?? []).filter((e) => e !== from);
    if (targets.length === 0) {
      this.frames.push({ at: this.timers.now(), from: from.label, to: 'nowhere', message: request });
      if (request.method === 'ACK') return;
      const known = this.knownUsers.has(request.uri.user ?? '');
      return this.answer(from, request, host.endsWith('.invalid') ? 481 : known ? 480 : 404);
    }
    for (const target of targets) this.deliver(from, target, request, text);
  }

  private routeResponse(from: Endpoint, response: SipResponse, text: string): void {
    const host = response.via[0]?.host;
    const target = this.endpoints.find((e) => e.viaHost === host);
    if (target) this.deliver(from, target, response, text);
    else this.frames.push({ at: this.timers.now(), from: from.label, to: 'nowhere', message: response });
  }

  private register(from: Endpoint, request: SipRequest): void {
    const user = request.to.uri.user ?? '';
    this.bind(user, from);
    this.answer(from, request, 200, [['Contact', `${request.get('Contact')};expires=${request.expires ?? 600}`]]);
  }

  private bind(user: string, endpoint: Endpoint): void {
    const list = this.registered.get(user) ?? [];
    if (!list.includes(endpoint)) list.push(endpoint);
    this.registered.set(user, list);
  }

  private authorized(request: SipRequest): boolean {
    const value = request.get('Proxy-Authorization');
    if (value === undefined) return false;
    const user = request.from.uri.user ?? '';
    const verdict = verifyAuthorization(value, {
      method: request.method,
      realm: REALM,
      password: `secret${user}`,
      body: request.body,
      isNonceValid: (nonce) => /^n\d+$/.test(nonce),
    });
    return verdict.ok;
  }

  private answer(to: Endpoint, request: SipRequest, status: number, headers: [string, string][] = []): void {
    const response = createResponse(request, status, undefined, status === 100 ? undefined : 'pbx');
    for (const [name, value] of headers) response.append(name, value);
    if (request.method === 'INVITE') this.answeredHere.add(request.via[0]?.branch ?? '');
    this.frames.push({ at: this.timers.now(), from: 'pbx', to: to.label, message: response });
    const text = response.toString();
    this.timers.setTimeout(() => to.receive(text), this.latency);
  }

  private deliver(from: Endpoint, to: Endpoint, message: SipMessage, text: string): void {
    this.frames.push({ at: this.timers.now(), from: from.label, to: to.label, message });
    this.timers.setTimeout(() => to.receive(text), this.latency);
  }
}
