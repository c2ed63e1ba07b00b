export * from './message';
export * from './auth';
export * from './transaction/timers';
export type { ClientTransaction, ClientTransactionListener, ResponseSource } from './transaction/client-transaction';
export type { ServerTransaction } from './transaction/server-transaction';
export { InviteClientTransaction, type InviteClientState } from './transaction/invite-client-transaction';
export { NonInviteClientTransaction, type NonInviteClientState } from './transaction/non-invite-client-transaction';
export { InviteServerTransaction, type InviteServerState, type InviteServerTransactionEvents } from './transaction/invite-server-transaction';
export { NonInviteServerTransaction, type NonInviteServerState } from './transaction/non-invite-server-transaction';
export { TransactionLayer, type IncomingRequestDisposition, type AnyServerTransaction } from './transaction/transaction-layer';
export { MAGIC_COOKIE, clientTransactionKey, serverTransactionKey } from './transaction/transaction-matching';
export { createCancel, createNon2xxAck } from './transaction/hop-by-hop-requests';
export { Dialog, type DialogState, type DialogInit, type InDialogRequestOptions } from './dialog/dialog';
export { dialogKey, dialogIdOf, type DialogId } from './dialog/dialog-id';
export { initialCseq } from './dialog/cseq-number';
export { UserAgent, type UserAgentOptions, type UserAgentEvents } from './ua/user-agent';
export { type RegistrationState, WRONG_CREDENTIALS } from './ua/registration';
export { Dispatcher } from './ua/dispatcher';
export { DialogRegistry, type DialogEntry } from './ua/dialog-registry';
export { IncomingRequest, type ReplyOptions } from './ua/incoming-request';
export type { MethodUsage, DialogUsage } from './ua/usage';
export { RequestFactory, type OutOfDialogRequestOptions } from './ua/request-factory';
export { RequestSender } from './ua/request-sender';
export { Invite2xxRetransmitter, ACK_WAIT, type Invite2xxRetransmitterState } from './ua/invite-2xx-retransmitter';
export type { LocalIdentity } from './ua/local-identity';
export * from './transport';
export * from './ports';
export { Emitter } from './util/emitter';
export type { CallMediaOptions } from './ua/call/call-deps';
export { CallSession } from './ua/call/call-session';
export type { CallOptions } from './ua/call/call-usage';
export type { CallDirection, CallEnd, CallEndCause, CallEvents, CallParty, CallState, HoldState } from './ua/call/call-types';
export { parseCallTarget } from './ua/call/call-target';
export { glareRetryDelay } from './ua/call/glare';
export { dtmfRelayBody, parseDtmfInfo, INFO_DTMF_DURATION } from './ua/call/dtmf-info';
export { DEFAULT_SESSION_EXPIRES, MIN_SE, SESSION_TIMERS_OFF } from './ua/call/session-timer';
export type { IncomingTransferRequest, TransferOptions, TransferProgress, TransferResult, TransferState } from './ua/transfer/transfer-types';
export { parseSipfragStatus, sipfragBody, SIPFRAG_TYPE, type SipfragStatus } from './ua/transfer/sipfrag';
export { OutgoingMessage, type OutgoingMessageState } from './ua/message/outgoing-message';
export {
  MAX_MESSAGE_BYTES,
  TEXT_PLAIN_UTF8,
  type ComposingNotice,
  type IncomingMessage,
  type MessageAttempt,
  type MessageFailureCause,
  type MessageOutcome,
} from './ua/message/message-types';
export { IS_COMPOSING_TYPE, isComposingDocument, parseIsComposing } from './ua/message/is-composing';
export { Outbox, type MessageAgent, type OutboxEntry, type OutboxEvents, type OutboxOptions, type OutboxState } from './ua/message/outbox';
export { sendWithDigestRetry, type DigestRetryDeps, type DigestRetryListener, type FinalResponse } from './ua/send-with-digest-retry';
export type { PingResult } from './ua/ping';
