/*
 * Registration of one AOR with RFC 5626 outbound (+sip.instance, reg-id=1) and
 * the failure handling of SIPconnect 2.0 §16.4.1.
 *
 *                  start()
 *   unregistered ----------> registering ---------- 2xx ---------> registered
 *        |                    |     ^  \ 401/407: retry at once      |  refresh timer:
 *        |                    |     |   \ with digest; 423: with     |  REGISTER again,
 *        | transport failed   |     |    \ Min-Expires               |  state stays
 *        | (bad server list)  |     |                                 |
 *        |         no answer, |     | retry timer, transport          | refresh fails,
 *        |    transport lost, |     | up again, or start()            | transport lost
 *        |        4xx-6xx     v     |                                 |
 *        +----------------> failed <----------------------------------+
 *                  back-off 30 s doubling to 960 s; 500/503: Retry-After;
 *                  >3 × 401/407/403 in a row: halted until start()
 *
 *   stop(), from any state: REGISTER with Expires: 0 if we hold a binding → unregistered
 *
 * At most one REGISTER is in flight: a refresh asked for meanwhile is served
 * by the one in flight; stop() waits for it, then unregisters.
 */
import type { DigestAuthorization, DigestClient } from '../auth';
import { SipUri, type SipRequest, type SipResponse } from '../message';
import type { Logger, Timers } from '../ports';
import type { ClientTransaction, ResponseSource } from '../transaction/client-transaction';
import { checkTransition, type StateTable } from '../transaction/state-table';
import { TimerSlots } from '../transaction/timer-slots';
import { TIMER_F } from '../transaction/timers';
import type { TransportState } from '../transport';
import { Emitter } from '../util/emitter';
import { ownAddress, type LocalIdentity } from './local-identity';
import { grantedExpires } from './registration-binding';
import { MAX_AUTH_REJECTIONS, minExpires, refreshDelay, registerRetryDelay, retryAfter } from './registration-timing';
import type { RequestFactory } from './request-factory';
import type { RequestSender } from './request-sender';

export type RegistrationState = 'unregistered' | 'registering' | 'registered' | 'failed';

export interface RegistrationEvents {
  /** Every change of state or cause; the cause is text for the user. */
  state: [state: RegistrationState, cause: string | undefined];
}

const TRANSITIONS: StateTable<RegistrationState> = {
  unregistered: ['registering', 'failed'],
  registering: ['registered', 'failed', 'unregistered'],
  registered: ['failed', 'unregistered'],
  failed: ['registering', 'unregistered'],
};

export const WRONG_CREDENTIALS = `Wrong user name or password (the server rejected the credentials ${MAX_AUTH_REJECTIONS} times)`;

export interface RegistrationOptions {
  identity: LocalIdentity;
  factory: RequestFactory;
  sender: RequestSender;
  /** Undefined when no password or HA1 is configured. */
  digest: DigestClient | undefined;
  transport: { readonly state: TransportState; readonly server: string | undefined; readonly viaHost: string };
  timers: Timers;
  logger: Logger;
  /** Requested binding lifetime in seconds. */
  expires: number;
  /** §10.2: one Call-ID for every REGISTER of this UA, with a rising CSeq. */
  callId: string;
  fromTag: string;
  firstCseq: number;
  /** RFC 5626 §5.4: the keep-alive interval (seconds) the registrar asked for in a 2xx, or undefined when it named none. */
  flowTimer?: (seconds: number | undefined) => void;
}

type Kind = 'register' | 'unregister';

/** What a REGISTER authenticates with: the last challenge, nothing (to be challenged afresh), or a fresh answer. */
type Credentials = 'cached' | 'none' | DigestAuthorization;

export class Registration extends Emitter<RegistrationEvents> {
  #current: RegistrationState = 'unregistered';
  #currentCause: string | undefined;
  /** Between start() and stop(). */
  #active = false;
  /** Credentials rejected (or unusable): nothing is sent until start() again. */
  #halted = false;
  #inFlight: ClientTransaction | undefined;
  /** stop() came while a REGISTER was in flight: unregister once it is answered. */
  #unregisterQueued = false;
  #unregistering = false;
  /** The registrar holds a binding from us on the current flow. */
  #bound = false;
  #authRejections = 0;
  #deliveryFailures = 0;
  #expires: number;
  #cseq: number;
  #stopWaiters: (() => void)[] = [];
  readonly #slots: TimerSlots<'refresh' | 'retry'>;
  readonly #options: RegistrationOptions;

  constructor(options: RegistrationOptions) {
    super(options.logger);
    this.#options = options;
    this.#expires = options.expires;
    this.#cseq = options.firstCseq - 1;
    this.#slots = new TimerSlots(options.timers);
  }

  get state(): RegistrationState {
    return this.#current;
  }

  get cause(): string | undefined {
    return this.#currentCause;
  }

  /** Starts registering (again, after wrong credentials); REGISTER goes out once the transport is up. */
  start(): void {
    if (this.#active && !this.#halted) return;
    this.#active = true;
    this.#halted = false;
    this.#authRejections = 0;
    this.#deliveryFailures = 0;
    if (this.#unregisterQueued) {
      // start() overrules the stop() still waiting for the REGISTER in flight, which now serves the start.
      this.#unregisterQueued = false;
      this.#releaseStopWaiters();
    }
    // An unregister in flight is followed by a REGISTER (finishStop).
    if (this.#unregistering || this.#inFlight) return;
    if (this.#connected) this.#send('register');
    // Otherwise the transport's 'connecting' event names the server it tries.
    else if (this.#options.transport.server !== undefined) this.#setState('registering', `Connecting to ${this.#serverName}`);
  }

  /** Re-REGISTER now (the network changed, the user asked); coalesced with one in flight. */
  refresh(): void {
    if (this.#active && !this.#halted && this.#connected) this.#send('register');
  }

  /** Removes our binding (Expires: 0) if we have one; resolves when that exchange is over. */
  stop(): Promise<void> {
    const done = new Promise<void>((resolve) => this.#stopWaiters.push(resolve));
    this.#active = false;
    this.#halted = false;
    this.#slots.clearAll();
    if (this.#unregistering) return done;
    if (this.#inFlight) this.#unregisterQueued = true;
    else if (this.#bound && this.#connected) this.#send('unregister');
    else this.#finishStop();
    return done;
  }

  transportConnecting(): void {
    if (this.#active && !this.#halted) this.#setState('registering', `Connecting to ${this.#serverName}`);
  }

  /** A flow is up: register on it at once, whatever back-off was pending. */
  transportUp(): void {
    if (!this.#active || this.#halted) return;
    this.#slots.clear('retry');
    this.#send('register');
  }

  /** The flow is gone and its binding with it (RFC 5626 §4.4); the transport reconnects by itself. */
  transportDown(cause: string | undefined): void {
    this.#bound = false;
    this.#slots.clear('refresh');
    if (this.#active && !this.#halted) this.#setState('failed', `Server unreachable: ${cause ?? 'connection closed'}`);
  }

  get #connected(): boolean {
    return this.#options.transport.state === 'connected';
  }

  get #serverName(): string {
    return this.#options.transport.server ?? 'the server';
  }

  get #aor(): string {
    return this.#options.identity.aor.aor;
  }

  #send(kind: Kind, credentials: Credentials = 'cached'): void {
    if (this.#inFlight) return; // coalesced: the REGISTER in flight refreshes the binding as well
    const request = this.#buildRegister(kind, credentials);
    if (kind === 'unregister') this.#unregistering = true;
    else if (this.#current !== 'registered') this.#setState('registering', `Registering ${this.#aor} with ${this.#serverName}`);
    this.#inFlight = this.#options.sender.send(request, (response, source) => this.#answered(kind, request, response, source));
  }

  #buildRegister(kind: Kind, credentials: Credentials): SipRequest {
    const { identity, factory, digest } = this.#options;
    const registrar = this.#registrarUri();
    const request = factory.create('REGISTER', registrar, {
      to: ownAddress(identity),
      callId: this.#options.callId,
      fromTag: this.#options.fromTag,
      cseq: ++this.#cseq,
      contact: 'register',
      // RFC 5626 §4.2.1: a UA using outbound supports Path.
      supported: ['path'],
      headers: [['Expires', String(kind === 'unregister' ? 0 : this.#expires)]],
    });
    // SIPconnect 2.0 §16.6.1: re-use the last challenge so a refresh needs no extra round trip.
    const authorization =
      credentials === 'cached' ? digest?.authorizeCached('REGISTER', registrar.toString(), '') : credentials === 'none' ? undefined : credentials;
    if (authorization) request.append(authorization.header, authorization.value);
    return request;
  }

  #answered(kind: Kind, request: SipRequest, response: SipResponse, source: ResponseSource): void {
    if (response.status < 200) return;
    this.#inFlight = undefined;
    if (kind === 'unregister') this.#unregisterAnswered(response);
    else if (this.#unregisterQueued) this.#unregisterAfter(response);
    else if (this.#active && !this.#halted) this.#registerAnswered(request, response, source);
  }

  #registerAnswered(request: SipRequest, response: SipResponse, source: ResponseSource): void {
    if (source === 'transport-error') {
      // The flow is gone: transportDown() reports it and transportUp() registers again.
      if (!this.#connected) return;
      return this.#deliveryFailed(`Server unreachable: could not send REGISTER to ${this.#serverName}`);
    }
    if (source === 'timeout') return this.#deliveryFailed(`Server unreachable: no answer from ${this.#serverName} within ${TIMER_F / 1000} s`);
    const { status } = response;
    if (status === 401 || status === 407) return this.#challenged(response, 'register');
    if (status === 403) return this.#forbidden();
    // Any other answer ends a run of rejections (SIPconnect 2.0 §16.4.1.4).
    this.#authRejections = 0;
    if (status < 300) return this.#accepted(response);
    const rejected = `Registration rejected: ${status} ${response.reason}`;
    if (status === 423) return this.#tooBrief(request, response, rejected);
    const wait = status === 500 || status === 503 ? retryAfter(response) : undefined;
    // SIPconnect 2.0 §16.4.1.6: the server says when to come back.
    if (wait !== undefined) return this.#retryIn(wait * 1000, rejected);
    this.#deliveryFailed(rejected);
  }

  #accepted(response: SipResponse): void {
    const { identity, transport } = this.#options;
    const granted = grantedExpires(
      response,
      { instanceUrn: identity.instanceUrn, contactUser: identity.contactUser, contactHost: transport.viaHost },
      this.#expires,
    );
    if (granted <= 0) return this.#deliveryFailed('Registration rejected: the registrar kept no binding');
    this.#deliveryFailures = 0;
    this.#bound = true;
    const flowTimer = Number(response.get('Flow-Timer'));
    this.#options.flowTimer?.(Number.isInteger(flowTimer) && flowTimer > 0 ? flowTimer : undefined);
    this.#setState('registered', `Registered as ${this.#aor} with ${this.#serverName}`);
    this.#slots.start('refresh', refreshDelay(granted), () => this.#send('register'));
  }

  /** 401/407: answer the challenge with a new branch and CSeq + 1 (§22.2). */
  #challenged(response: SipResponse, kind: Kind): void {
    const { digest } = this.#options;
    if (!digest) return this.#giveUp(kind, 'The server asks for a password, but none is set');
    const result = digest.authorize({
      status: response.status as 401 | 407,
      challengeHeaders: response.getAll(response.status === 401 ? 'WWW-Authenticate' : 'Proxy-Authenticate'),
      method: 'REGISTER',
      uri: this.#registrarUri().toString(),
      body: '',
    });
    if (!result.ok) return this.#giveUp(kind, `Cannot authenticate: ${result.reason}`);
    // A stale nonce says the credentials were right (RFC 7616 §3.3): not a rejection.
    if (!result.stale && ++this.#authRejections > MAX_AUTH_REJECTIONS) return this.#giveUp(kind, WRONG_CREDENTIALS);
    this.#send(kind, result);
  }

  /** 403 counts like a rejected challenge (SIPconnect 2.0 §16.4.1.4); ask afresh for a challenge. */
  #forbidden(): void {
    if (++this.#authRejections > MAX_AUTH_REJECTIONS) return this.#giveUp('register', WRONG_CREDENTIALS);
    this.#send('register', 'none');
  }

  /** 423: ask again for at least Min-Expires (§10.2.8). */
  #tooBrief(request: SipRequest, response: SipResponse, rejected: string): void {
    const min = minExpires(response);
    if (min === undefined || min <= (request.expires ?? 0)) return this.#deliveryFailed(rejected);
    this.#expires = min;
    this.#send('register');
  }

  #deliveryFailed(cause: string): void {
    this.#deliveryFailures++;
    this.#retryIn(registerRetryDelay(this.#deliveryFailures), cause);
  }

  #retryIn(delay: number, cause: string): void {
    this.#slots.clear('refresh');
    this.#setState('failed', `${cause}; retrying in ${Math.round(delay / 1000)} s`);
    this.#slots.start('retry', delay, () => {
      if (this.#connected) this.#send('register');
    });
  }

  #giveUp(kind: Kind, cause: string): void {
    if (kind === 'unregister') return this.#finishStop();
    this.#halted = true;
    this.#slots.clearAll();
    this.#setState('failed', cause);
  }

  /** The REGISTER that was in flight when stop() came is answered: unregister if it bound us. */
  #unregisterAfter(response: SipResponse): void {
    this.#unregisterQueued = false;
    if (response.status >= 200 && response.status < 300) this.#bound = true;
    if (this.#bound && this.#connected) this.#send('unregister');
    else this.#finishStop();
  }

  #unregisterAnswered(response: SipResponse): void {
    this.#unregistering = false;
    if (response.status === 401 || response.status === 407) return this.#challenged(response, 'unregister');
    this.#finishStop();
  }

  #finishStop(): void {
    this.#unregistering = false;
    this.#bound = false;
    this.#authRejections = 0;
    if (this.#current !== 'unregistered') this.#setState('unregistered', 'Unregistered');
    this.#releaseStopWaiters();
    // start() came while unregistering.
    if (this.#active && this.#connected) this.#send('register');
  }

  #releaseStopWaiters(): void {
    const waiters = this.#stopWaiters;
    this.#stopWaiters = [];
    for (const resolve of waiters) resolve();
  }

  /** §10.2: the Request-URI of a REGISTER names the domain of the AOR, without user. */
  #registrarUri(): SipUri {
    const { aor } = this.#options.identity;
    const uri = new SipUri({ scheme: aor.scheme, host: aor.host });
    if (aor.port !== undefined) uri.port = aor.port;
    return uri;
  }

  #setState(state: RegistrationState, cause: string | undefined): void {
    if (state === this.#current && cause === this.#currentCause) return;
    if (state !== this.#current) checkTransition(TRANSITIONS, 'registration', this.#current, state);
    this.#current = state;
    this.#currentCause = cause;
    this.#options.logger.log('info', `registration: ${state}${cause ? ` (${cause})` : ''}`);
    this.safeEmit('state', state, cause);
  }
}
