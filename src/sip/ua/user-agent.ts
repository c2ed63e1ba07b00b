import { DigestClient } from '../auth';
import { initialCseq } from '../dialog/cseq-number';
import { randomToken, silentLogger, type Logger, type Random, type Timers } from '../ports';
import { TransactionLayer } from '../transaction/transaction-layer';
import { DEFAULT_KEEP_ALIVE_INTERVAL, WebSocketTransport, type TransportState, type WebSocketFactory, type WebSocketTransportOptions } from '../transport';
import { Emitter } from '../util/emitter';
import type { CallMediaOptions } from './call/call-deps';
import type { CallSession } from './call/call-session';
import { CallUsage, type CallOptions } from './call/call-usage';
import { DialogRegistry } from './dialog-registry';
import { Dispatcher } from './dispatcher';
import { createLocalIdentity, type LocalIdentity } from './local-identity';
import { MessageUsage } from './message/message-usage';
import { TEXT_PLAIN_UTF8, type ComposingNotice, type IncomingMessage, type MessageAttempt } from './message/message-types';
import { OutgoingMessage, type OutgoingMessageDeps } from './message/outgoing-message';
import { OptionsUsage } from './options-usage';
import { ping, type PingResult } from './ping';
import { Registration, type RegistrationState } from './registration';
import { DEFAULT_REGISTER_EXPIRES } from './registration-timing';
import { outboundProxyRoute, RequestFactory } from './request-factory';
import { RequestSender } from './request-sender';
import type { TransferOptions } from './transfer/transfer-types';

export interface UserAgentOptions {
  /** "sip:1000@127.0.0.1" */
  aor: string;
  displayName?: string;
  /** Digest user name when it differs from the AOR's user part. */
  authUser?: string;
  password?: string;
  ha1?: string;
  /** ["ws://127.0.0.1:5070"], in failover order. */
  servers: string[];
  /** A SIP URI every out-of-dialog request is routed through (a preloaded Route); in-dialog ones follow Record-Route. */
  outboundProxy?: string;
  /** Requested binding lifetime in seconds; default 600. */
  registerExpires?: number;
  /** Stable UUID per install (RFC 5626 +sip.instance); "urn:uuid:" is added when missing. */
  instanceId: string;
  /** Default "Tabphone/0.1.0". */
  userAgent?: string;
  platform: { createWebSocket: WebSocketFactory; timers: Timers; random: Random; logger?: Logger };
  /** Transport tuning (keep-alive, timeouts, reconnect back-off); defaults suit production. */
  transport?: Pick<WebSocketTransportOptions, 'keepAliveInterval' | 'pongTimeout' | 'connectTimeout' | 'reconnect'>;
  /** Media for calls; without it the UA only registers (INVITE is not in Allow). */
  media?: CallMediaOptions;
  /** Session interval our calls ask for (RFC 4028 Session-Expires), in seconds; default 1800, at least 90; 0 switches session timers off. */
  sessionExpires?: number;
  /** When the far end transfers one of our calls (REFER): ask first, or (default) accept. */
  transfer?: TransferOptions;
  /**
   * Take text messages (RFC 3428): MESSAGE in Allow, 'message' and 'composing' events. Without it
   * MESSAGE gets 405, so no sender is told "delivered" for a message no app shows. Sending works either way.
   */
  messaging?: boolean;
}

export interface UserAgentEvents {
  /** Registration state; the cause is user-facing text. */
  registration: [state: RegistrationState, cause?: string];
  transport: [state: TransportState, cause?: string];
  /** A new call to us, ringing (180 sent); answer(), decline() or let it be cancelled. */
  incomingCall: [call: CallSession];
  /** We accepted a transfer (REFER) in `fromCall`: `newCall` is our call to the target; the transferor ends `fromCall`. */
  transferCall: [newCall: CallSession, fromCall: CallSession];
  /** An attended transfer reached us (INVITE with Replaces): `newCall` takes `replacedCall`'s place, answered without ringing. */
  replacingCall: [newCall: CallSession, replacedCall: CallSession];
  /** A text message for us (UserAgentOptions.messaging); answered 200 already. */
  message: [message: IncomingMessage];
  /** The far end started or stopped typing (RFC 3994). */
  composing: [notice: ComposingNotice];
}

/**
 * The UA core: one WebSocket flow, the transaction layer on top of it, the
 * dispatcher that hands requests to usages, and registration. Later usages
 * (calls, MESSAGE, REFER, subscriptions) plug into `dispatcher` and `dialogs`
 * and send through `requests` and `sender`.
 */
export class UserAgent extends Emitter<UserAgentEvents> {
  readonly identity: LocalIdentity;
  readonly transport: WebSocketTransport;
  readonly transactions: TransactionLayer;
  readonly dialogs = new DialogRegistry();
  readonly dispatcher: Dispatcher;
  readonly requests: RequestFactory;
  readonly sender: RequestSender;
  readonly #registration: Registration;
  readonly #calls: CallUsage | undefined;
  /** What out-of-dialog MESSAGE and OPTIONS requests are built and sent with. */
  readonly #outOfDialog: OutgoingMessageDeps & { timers: Timers };
  #flowUp = false;
  /** Between start() and stop(): a start() during stop() keeps the flow. */
  #running = false;

  constructor(options: UserAgentOptions) {
    const { timers, random, createWebSocket } = options.platform;
    const logger = options.platform.logger ?? silentLogger;
    super(logger);
    this.identity = createLocalIdentity(options, random);
    this.transport = new WebSocketTransport({ ...options.transport, servers: options.servers, createWebSocket, timers, random, logger });
    const transport = this.transport;
    this.transactions = new TransactionLayer({ timers, logger, send: (text) => transport.send(text) });
    this.dispatcher = new Dispatcher({
      transactions: this.transactions,
      dialogs: this.dialogs,
      send: (text) => transport.send(text),
      viaHost: transport.viaHost,
      userAgent: this.identity.userAgent,
      random,
      logger,
    });
    const dispatcher = this.dispatcher;
    this.requests = new RequestFactory({
      identity: this.identity,
      random,
      viaHost: transport.viaHost,
      ...(options.outboundProxy ? { route: outboundProxyRoute(options.outboundProxy) } : {}),
      allow: () => dispatcher.allow(),
      supported: () => dispatcher.supported(),
    });
    this.sender = new RequestSender({ transport, transactions: this.transactions, random });
    if (options.media) {
      this.#calls = new CallUsage(
        {
          identity: this.identity,
          viaHost: transport.viaHost,
          factory: this.requests,
          sender: this.sender,
          transactions: this.transactions,
          send: (text) => transport.send(text),
          dialogs: this.dialogs,
          // A digest client of its own: a proxy's 407 must not replace the registrar's cached challenge.
          digest: this.#createDigestClient(options, random),
          media: options.media,
          sessionExpires: options.sessionExpires,
          transfer: options.transfer,
          allow: () => dispatcher.allow(),
          supported: () => dispatcher.supported(),
          timers,
          random,
          logger,
        },
        {
          incoming: (call) => this.safeEmit('incomingCall', call),
          transferCall: (call, from) => this.safeEmit('transferCall', call, from),
          replacingCall: (call, replaced) => this.safeEmit('replacingCall', call, replaced),
        },
      );
      // Added before OPTIONS so Allow lists INVITE first.
      dispatcher.addUsage(this.#calls);
    }
    if (options.messaging) {
      dispatcher.addUsage(
        new MessageUsage(timers, {
          message: (message) => this.safeEmit('message', message),
          composing: (notice) => this.safeEmit('composing', notice),
        }),
      );
    }
    this.#outOfDialog = {
      factory: this.requests,
      sender: this.sender,
      accountUri: this.identity.aor,
      // Its own digest client too: MESSAGE and OPTIONS meet the proxy's challenges, not the registrar's.
      digest: this.#createDigestClient(options, random),
      timers,
    };
    dispatcher.addUsage(
      new OptionsUsage({ allow: () => dispatcher.allow(), accept: () => dispatcher.accept(), supported: () => dispatcher.supported() }),
    );
    this.#registration = new Registration({
      identity: this.identity,
      factory: this.requests,
      sender: this.sender,
      digest: this.#createDigestClient(options, random),
      transport,
      timers,
      logger,
      expires: options.registerExpires ?? DEFAULT_REGISTER_EXPIRES,
      callId: randomToken(random, 16),
      fromTag: randomToken(random, 8),
      firstCseq: initialCseq(random),
      // A registrar's Flow-Timer may only shorten our keep-alive: intermediaries often close a
      // WebSocket idle for a minute, whatever the registrar would tolerate.
      flowTimer: (seconds) => {
        const own = options.transport?.keepAliveInterval ?? DEFAULT_KEEP_ALIVE_INTERVAL;
        transport.setKeepAliveInterval(seconds === undefined ? own : Math.min(seconds * 1000, own));
      },
    });
    this.#registration.on('state', (state, cause) => this.safeEmit('registration', state, cause));
    transport.on('message', (text) => dispatcher.receive(text));
    transport.on('state', (state, cause) => this.#transportChanged(state, cause));
  }

  get registrationState(): RegistrationState {
    return this.#registration.state;
  }

  get registrationCause(): string | undefined {
    return this.#registration.cause;
  }

  /** Connects and registers; after wrong credentials, tries again. */
  start(): void {
    this.#running = true;
    this.#registration.start();
    this.transport.connect();
  }

  /** Re-REGISTER now (after a network change, or when the user asks); coalesced with one in flight. */
  register(): void {
    this.#registration.refresh();
  }

  /**
   * Calls `target`: "1001" or "+1 555 0100" in the account's domain, "sip:1001@host", "tel:+1…".
   * Failures (an unusable target, a blocked microphone, busy…) arrive as the call's 'ended' event.
   */
  call(target: string, options?: CallOptions): CallSession {
    if (!this.#calls) throw new Error('call() needs UserAgentOptions.media');
    return this.#calls.call(target, options);
  }

  /**
   * Sends a text message (RFC 3428) to `target` ("1001", "sip:1001@host"…) with a Call-ID of its
   * own; `resend` re-uses an earlier attempt's identity (the outbox does). Failures, including an
   * unusable target or a body over 64 KiB, arrive as the outcome in `done`.
   */
  sendMessage(target: string, body: string, contentType: string = TEXT_PLAIN_UTF8, resend?: MessageAttempt): OutgoingMessage {
    return new OutgoingMessage(this.#outOfDialog, target, body, contentType, resend);
  }

  /** OPTIONS to `target` (RFC 3261 §11): is it reachable, and what does it support? */
  ping(target: string): Promise<PingResult> {
    return ping(this.#outOfDialog, target);
  }

  /** Hangs up every call, un-REGISTERs (Expires: 0), then disconnects — unless start() came meanwhile. */
  async stop(): Promise<void> {
    this.#running = false;
    for (const call of this.#calls?.calls ?? []) call.hangup();
    await this.#registration.stop();
    if (!this.#running) this.transport.disconnect();
  }

  #transportChanged(state: TransportState, cause: string | undefined): void {
    if (state === 'connected') this.#flowUp = true;
    else if (this.#flowUp) {
      // Nothing sent on the lost flow can be answered any more.
      this.#flowUp = false;
      this.transactions.transportLost();
    }
    this.safeEmit('transport', state, cause);
    if (state === 'connecting') this.#registration.transportConnecting();
    else if (state === 'connected') this.#registration.transportUp();
    else this.#registration.transportDown(cause);
  }

  #createDigestClient(options: UserAgentOptions, random: Random): DigestClient | undefined {
    if (options.password === undefined && options.ha1 === undefined) return undefined;
    const username = options.authUser ?? this.identity.aor.user ?? '';
    return new DigestClient({ username, password: options.password, ha1: options.ha1 }, random);
  }
}
