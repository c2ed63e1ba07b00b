/*
 * Being transferred (RFC 3515 §2.4, RFC 5589 §6–7): a REFER in one of our calls.
 *
 *   REFER ── not exactly one sip: Refer-To ──> 400
 *     │   ── our call is not connected, or a transfer is running in it ──> 403 / 491
 *     │   ── the app's confirm hook says no ──> 603
 *     v
 *   202 (with Refer-Sub: false when the REFER asked for no subscription: RFC 4488 §4)
 *   NOTIFY "100 Trying" at once, and a new call to the Refer-To target carrying Referred-By
 *   (RFC 3892) and the Replaces the Refer-To URI embeds (RFC 3891, attended transfer)
 *     its 180/183 ──> NOTIFY "180 Ringing"
 *     answered   ──> NOTIFY "200 OK", terminated;reason=noresource
 *     failed     ──> NOTIFY with its final status, terminated;reason=noresource
 *   The transferor then hangs up our first call (RFC 5589 §6): we leave that to it.
 */
import { formatReplaces, parseReplaces, type NameAddr, type SipUri } from '../../message';
import type { CallDeps } from '../call/call-deps';
import { parseCallTarget } from '../call/call-target';
import type { CallDialog } from '../call/call-dialog';
import type { CallSession } from '../call/call-session';
import type { CallParty } from '../call/call-types';
import { partyOf } from '../call/remote-party';
import type { IncomingRequest } from '../incoming-request';
import { ReferNotifier } from './refer-notifier';
import type { IncomingTransferRequest } from './transfer-types';

export interface TransfereeInit {
  incoming: IncomingRequest;
  callDialog: CallDialog;
  deps: CallDeps;
  /** Places the new call, announced to the app as a transfer of our call. */
  placeCall(target: SipUri, headers: [string, string][]): CallSession;
}

/** A REFER's Refer-To, split into where to call and what to carry into the INVITE. */
interface ReferTarget {
  uri: SipUri;
  headers: [string, string][];
  replaces: boolean;
}

/** Answers a REFER and, when accepted, calls its target; resolves with the new call (undefined when refused). */
export async function acceptTransfer(init: TransfereeInit): Promise<CallSession | undefined> {
  const { incoming, deps } = init;
  const target = referTarget(incoming, deps);
  if (typeof target === 'string') {
    incoming.reply(400, { reason: target });
    return undefined;
  }
  const request: IncomingTransferRequest = { target: target.uri.toString(), attended: target.replaces };
  const referredBy = referredByParty(incoming);
  if (referredBy) request.referredBy = referredBy;
  if (!(await confirmed(deps, request))) {
    incoming.reply(603);
    return undefined;
  }
  if (init.callDialog.dialog.state === 'terminated') {
    incoming.reply(481);
    return undefined;
  }
  const subscribe = !suppressesSubscription(incoming);
  incoming.reply(202, subscribe ? {} : { headers: [['Refer-Sub', 'false']] });
  const notifier = subscribe ? new ReferNotifier(init.callDialog, deps, incoming.request.cseq.seq) : undefined;
  notifier?.report(100);
  const call = init.placeCall(target.uri, target.headers);
  if (notifier) follow(call, notifier);
  return call;
}

/** The new call's progress as NOTIFYs. */
function follow(call: CallSession, notifier: ReferNotifier): void {
  const offs = [
    call.on('progress', (status, reason) => {
      if (status === 180 || status === 183) notifier.report(status, reason);
    }),
    call.on('state', (state) => {
      if (state !== 'established') return;
      notifier.report(200);
      for (const off of offs) off();
    }),
    call.on('ended', (end) => {
      // A call that failed without a SIP status (no microphone, no common codec) reports 503.
      if (end.status !== undefined && end.status >= 300) notifier.report(end.status, end.reason);
      else notifier.report(503);
      for (const off of offs) off();
    }),
  ];
}

function referTarget(incoming: IncomingRequest, deps: CallDeps): ReferTarget | string {
  const { request } = incoming;
  if (request.getLines('Refer-To').length !== 1) return 'Exactly One Refer-To Required';
  let referTo: NameAddr | undefined;
  try {
    referTo = request.referTo;
  } catch {
    return 'Bad Refer-To';
  }
  if (!referTo) return 'Exactly One Refer-To Required';
  // A tel: target is called in our domain, as if dialled (call-target.ts).
  const uri = referTo.uri.isSip ? referTo.uri.clone() : parseCallTarget(referTo.uri.toString(), deps.identity.aor);
  if (!uri) return 'Refer-To Must Be A SIP Or Tel URI';
  const embedded = new Map([...uri.headers].map(([name, value]) => [name.toLowerCase(), value]));
  uri.headers.clear();
  // RFC 3261 §19.1.5 lets a URI embed any header; we carry only Replaces, so a REFER cannot make us send arbitrary ones.
  const headers: [string, string][] = [];
  const replaces = embedded.get('replaces');
  if (replaces !== undefined) {
    // Re-formatted from its parts: an unescaped value must not smuggle line breaks into our INVITE.
    try {
      headers.push(['Replaces', formatReplaces(parseReplaces(replaces))]);
    } catch {
      return 'Bad Replaces In Refer-To';
    }
  }
  const referredBy = request.get('Referred-By');
  if (referredBy !== undefined) headers.push(['Referred-By', referredBy]);
  return { uri, headers, replaces: replaces !== undefined };
}

function referredByParty(incoming: IncomingRequest): CallParty | undefined {
  try {
    const address = incoming.request.referredBy;
    return address ? partyOf(address) : undefined;
  } catch {
    return undefined;
  }
}

/** RFC 4488 §4: the REFER asks for no implicit subscription. */
function suppressesSubscription(incoming: IncomingRequest): boolean {
  return incoming.request.get('Refer-Sub')?.trim().toLowerCase() === 'false';
}

async function confirmed(deps: CallDeps, request: IncomingTransferRequest): Promise<boolean> {
  const confirm = deps.transfer?.confirm;
  if (!confirm) return true;
  try {
    return (await confirm(request)) === true;
  } catch (error) {
    deps.logger.log('error', 'transfer: the confirm hook failed; declining the transfer', error);
    return false;
  }
}
