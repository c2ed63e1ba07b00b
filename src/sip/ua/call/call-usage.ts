import { Dialog } from '../../dialog/dialog';
import type { IncomingRequest } from '../incoming-request';
import type { MethodUsage } from '../usage';
import type { CallDeps } from './call-deps';
import { CallSession, startCall } from './call-session';
import { parseCallTarget } from './call-target';
import { INFO_DTMF_TYPES } from './dtmf-info';
import { hasForeignBody, SDP_CONTENT_TYPE } from './sdp-body';
import { intervalTooSmall, MIN_SE } from './session-timer';

export interface CallOptions {
  /** Headers added to the INVITE as given. */
  extraHeaders?: [string, string][];
}

/**
 * The INVITE usage: makes outgoing calls and turns each new INVITE into an incoming one. Its
 * in-dialog methods go into Allow; SDP and the INFO DTMF types into Accept; reliable provisional
 * responses (RFC 3262, both roles) and session timers (RFC 4028) into Supported.
 */
export class CallUsage implements MethodUsage {
  readonly method = 'INVITE';
  readonly inDialogMethods = ['ACK', 'CANCEL', 'BYE', 'INFO', 'UPDATE', 'PRACK'];
  readonly optionTags = ['100rel', 'timer'];
  readonly accepts = [SDP_CONTENT_TYPE, ...INFO_DTMF_TYPES];
  private readonly live = new Set<CallSession>();

  constructor(
    private readonly deps: CallDeps,
    private readonly onIncoming: (call: CallSession) => void,
  ) {}

  /** Calls that have not ended. */
  get calls(): CallSession[] {
    return [...this.live];
  }

  call(target: string, options: CallOptions = {}): CallSession {
    const session = new CallSession({
      deps: this.deps,
      origin: { direction: 'outgoing', target: parseCallTarget(target, this.deps.identity.aor), dialled: target, extraHeaders: options.extraHeaders ?? [] },
      onEnded: (ended) => this.live.delete(ended),
    });
    this.live.add(session);
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
    const minSe = intervalTooSmall(request, MIN_SE);
    if (minSe !== undefined) {
      incoming.reply(422, { headers: [['Min-SE', String(minSe)]] });
      return;
    }
    // §12.1.1: the early dialog our 180 creates.
    const dialog = Dialog.asUas(request, incoming.toTag, 'early', this.deps.random);
    if (!dialog) {
      incoming.reply(400, { reason: 'Missing Contact or From tag' });
      return;
    }
    const session = new CallSession({
      deps: this.deps,
      origin: { direction: 'incoming', incoming, dialog },
      onEnded: (ended) => this.live.delete(ended),
    });
    this.live.add(session);
    this.onIncoming(session);
    startCall(session);
  }
}
