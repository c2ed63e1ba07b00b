import { Dialog } from '../../dialog/dialog';
import type { SipUri } from '../../message';
import type { IncomingRequest } from '../incoming-request';
import { matchReplaces } from '../transfer/replaces-matching';
import { SIPFRAG_TYPE } from '../transfer/sipfrag';
import type { MethodUsage } from '../usage';
import type { CallDeps } from './call-deps';
import { CallSession, startCall } from './call-session';
import { parseCallTarget } from './call-target';
import { INFO_DTMF_TYPES } from './dtmf-info';
import { hasForeignBody, SDP_CONTENT_TYPE } from './sdp-body';
import { intervalTooSmall, MIN_SE, SESSION_TIMERS_OFF } from './session-timer';

export interface CallOptions {
  /** Headers added to the INVITE as given. */
  extraHeaders?: [string, string][];
}

/** How the usage tells the user agent about calls it did not get from call(). */
export interface CallUsageEvents {
  /** A new call to us, ringing. */
  incoming(call: CallSession): void;
  /** We accepted a REFER in `from`: `call` is our new call to the transfer target (RFC 5589 §6). */
  transferCall(call: CallSession, from: CallSession): void;
  /** An INVITE with Replaces (RFC 3891) took `replaced` over: `call` is answered without ringing. */
  replacingCall(call: CallSession, replaced: CallSession): void;
}

/**
 * The INVITE usage: makes outgoing calls and turns each new INVITE into an incoming one. Its
 * in-dialog methods go into Allow; SDP, the INFO DTMF types and REFER progress reports
 * (message/sipfrag) into Accept; reliable provisional responses (RFC 3262, both roles), session
 * timers (RFC 4028), Replaces (RFC 3891) and REFER without subscription (RFC 4488) into Supported.
 */
export class CallUsage implements MethodUsage {
  readonly method = 'INVITE';
  readonly inDialogMethods = ['ACK', 'CANCEL', 'BYE', 'INFO', 'UPDATE', 'PRACK', 'REFER', 'NOTIFY'];
  get optionTags(): string[] {
    const timer = this.#deps.sessionExpires === SESSION_TIMERS_OFF ? [] : ['timer'];
    return ['100rel', ...timer, 'replaces', 'norefersub'];
  }
  readonly accepts = [SDP_CONTENT_TYPE, ...INFO_DTMF_TYPES, SIPFRAG_TYPE];
  readonly #live = new Set<CallSession>();
  readonly #deps: CallDeps;
  readonly #events: CallUsageEvents;

  constructor(
    deps: CallDeps,
    events: CallUsageEvents,
  ) {
    this.#deps = deps;
    this.#events = events;
  }

  /** Calls that have not ended. */
  get calls(): CallSession[] {
    return [...this.#live];
  }

  call(target: string, options: CallOptions = {}): CallSession {
    const session = this.#outgoing(parseCallTarget(target, this.#deps.identity.aor), target, options.extraHeaders ?? []);
    startCall(session);
    return session;
  }

  receiveRequest(incoming: IncomingRequest): void {
    const { request } = incoming;
    if (hasForeignBody(request)) {
      incoming.reply(415, { headers: [['Accept', SDP_CONTENT_TYPE]] });
      return;
    }
    // RFC 4028 §9: refused before it rings, so nobody is offered a call that cannot be set up.
    const minSe = this.#deps.sessionExpires === SESSION_TIMERS_OFF ? undefined : intervalTooSmall(request, MIN_SE);
    if (minSe !== undefined) {
      incoming.reply(422, { headers: [['Min-SE', String(minSe)]] });
      return;
    }
    const match = request.has('Replaces') ? matchReplaces(request, this.#live) : undefined;
    if (match?.kind === 'reject') {
      incoming.reply(match.status, match.reason === undefined ? {} : { reason: match.reason });
      return;
    }
    // §12.1.1: the early dialog our 180 creates.
    const dialog = Dialog.asUas(request, incoming.toTag, 'early', this.#deps.random);
    if (!dialog) {
      incoming.reply(400, { reason: 'Missing Contact or From tag' });
      return;
    }
    const replaced = match?.call;
    const session = new CallSession({
      deps: this.#deps,
      origin: { direction: 'incoming', incoming, dialog, replacing: replaced !== undefined },
      onEnded: (ended) => this.#live.delete(ended),
      placeTransferCall: (target, headers, from) => this.#transferCall(target, headers, from),
    });
    this.#live.add(session);
    if (!replaced) {
      this.#events.incoming(session);
      startCall(session);
      return;
    }
    // RFC 3891 §3: the new call is answered in the old one's place, which then ends with a BYE (or CANCEL).
    this.#events.replacingCall(session, replaced);
    startCall(session);
    void session.answer().then(() => {
      if (session.state === 'established') replaced.replacedByAnotherCall();
    });
  }

  #outgoing(target: SipUri | undefined, dialled: string, extraHeaders: [string, string][]): CallSession {
    const session = new CallSession({
      deps: this.#deps,
      origin: { direction: 'outgoing', target, dialled, extraHeaders },
      onEnded: (ended) => this.#live.delete(ended),
      placeTransferCall: (uri, headers, from) => this.#transferCall(uri, headers, from),
    });
    this.#live.add(session);
    return session;
  }

  /** The call a REFER asked for, announced before it starts so the app sees all its events. */
  #transferCall(target: SipUri, headers: [string, string][], from: CallSession): CallSession {
    const session = this.#outgoing(target, target.toString(), headers);
    this.#events.transferCall(session, from);
    startCall(session);
    return session;
  }
}
