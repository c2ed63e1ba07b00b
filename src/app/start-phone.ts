import { version } from '../../package.json';
import { WebRtcMediaEngine } from '../media';
import { createBrowserPlatform } from '../platform';
import { loadInstanceId } from '../platform/instance-id';
import { createCallService, type CallService } from '../services/call-service';
import { startDiagnostics } from '../services/diagnostics/start-diagnostics';
import { startHistory } from '../services/history/start-history';
import type { HistoryService } from '../services/history/history-service';
import { createMessageService, notifyWhenHidden, type MessageService } from '../services/message-service';
import { openMessageRepository } from '../services/persistence/open-message-repository';
import { createTypingNotices } from '../services/typing-notices';
import { createPhoneService, type PhoneService } from '../services/phone-service';
import type { Ringer } from '../services/ringer';
import { UserAgent } from '../sip';
import type { Logger } from '../sip/ports';
import type { AccountStore } from '../stores/account';
import { createCallsStore, type CallsStore } from '../stores/calls';
import type { DiagnosticsStore } from '../stores/diagnostics';
import { createHistoryStore, type HistoryStore } from '../stores/history';
import { createMessagesStore, type MessagesStore } from '../stores/messages';
import { DEFAULT_AUDIO_SETTINGS, type AudioSettings } from '../stores/settings';
import type { AccountConfig } from './account-config';
import { callMediaOptions, transferOptions } from './call-media-defaults';

export interface StartPhoneOptions {
  /** The account to register: from Settings or the page's URL. */
  account: AccountConfig;
  store: AccountStore;
  /** The store the calls panel renders; a private one when the caller shows no calls. */
  calls?: CallsStore;
  /** The store the Messages screen renders; a private one when the caller shows no messages. */
  messages?: MessagesStore;
  /** The store the History screen renders; a private one when the caller shows no history. */
  history?: HistoryStore;
  /** The SIP trace and call-quality samples the Diagnostics screen shows; none are kept without it. */
  diagnostics?: DiagnosticsStore;
  /** The incoming-call sound; one per page, shared by the phones of successive accounts. */
  ringer: Ringer;
  storage: Storage | undefined;
  logger: Logger;
  /** The audio devices chosen in Settings, read when a call opens the microphone. */
  audio?: () => AudioSettings;
  /** Asks the user a yes/no question (window.confirm), e.g. before following a transfer. */
  ask?: (question: string) => boolean;
  /** Brings the Messages screen into view (a click on a message notification). */
  showMessages?: () => void;
  /**
   * Registers only while this tab owns the account (one registered tab per account, src/pwa):
   * it calls `registration.start()` when this tab may register and returns the release for stop().
   * Absent: register at once.
   */
  claimAccount?: (aor: string, registration: { start(): void; stop(): Promise<void> }) => () => void;
}

/** The running phone: registration (PhoneService) and calls. */
export interface RunningPhone extends PhoneService {
  readonly calls: CallService;
  readonly messages: MessageService;
  readonly history: HistoryService;
  /** Routes call audio to the chosen speaker ("" is the system default). */
  setSpeaker(deviceId: string): Promise<void>;
}

/**
 * The composition root for one account: platform → media engine → user agent → services →
 * stores. The one function that starts a phone; phone-controller.ts decides when.
 */
export async function startPhone(options: StartPhoneOptions): Promise<RunningPhone> {
  const { store, logger, account: config } = options;
  const audio = options.audio ?? (() => DEFAULT_AUDIO_SETTINGS);
  store.getState().setIdentity({
    user: config.user,
    aor: config.aor,
    server: config.servers.join(', '),
    ...(config.displayName ? { displayName: config.displayName } : {}),
  });

  const platform = createBrowserPlatform(logger);
  const engine = new WebRtcMediaEngine({ timers: platform.timers, random: platform.random, logger });
  const agent = new UserAgent({
    aor: config.aor,
    ...(config.displayName ? { displayName: config.displayName } : {}),
    authUser: config.authUser ?? config.user,
    password: config.password,
    servers: config.servers,
    ...(config.outboundProxy !== undefined ? { outboundProxy: config.outboundProxy } : {}),
    ...(config.registerExpires !== undefined ? { registerExpires: config.registerExpires } : {}),
    ...(config.call.sessionExpires !== undefined ? { sessionExpires: config.call.sessionExpires } : {}),
    instanceId: loadInstanceId(options.storage),
    userAgent: `Tabphone/${version}`,
    platform,
    media: { engine, ...callMediaOptions(config.call, () => audio().microphoneId) },
    messaging: true,
    transfer: transferOptions(config.call, options.ask ?? (() => true)),
  });
  const phone = createPhoneService(agent, store);
  const callsStore = options.calls ?? createCallsStore();
  const calls = createCallService({
    agent,
    store: callsStore,
    keyTones: engine,
    ringer: options.ringer,
    timers: platform.timers,
    logger,
  });
  // Before phone.start(), so the ladder shows the first REGISTER.
  const stopDiagnostics =
    options.diagnostics &&
    startDiagnostics({
      transport: agent.transport,
      calls: callsStore,
      stats: (id) => calls.stats(id),
      diagnostics: options.diagnostics,
      timers: platform.timers,
      secrets: [config.password ?? ''],
    });
  const messagesStore = options.messages ?? createMessagesStore();
  const messages = createMessageService({
    agent,
    store: messagesStore,
    repository: await openMessageRepository(config.aor, logger),
    account: agent.identity.aor,
    random: platform.random,
    now: () => Date.now(),
    notify: (notice) =>
      notifyWhenHidden(notice, () => {
        messages.openConversation(notice.peer);
        options.showMessages?.();
      }),
    typing: createTypingNotices({ agent, store: messagesStore, account: agent.identity.aor, timers: platform.timers, logger }),
    logger,
  });
  const history = await startHistory(config.aor, callsStore, options.history ?? createHistoryStore(), logger);
  const unclaim = options.claimAccount?.(config.aor, { start: () => agent.start(), stop: () => agent.stop() });
  if (!unclaim) phone.start();
  if (audio().speakerId !== '') await applySpeaker(engine, audio().speakerId, logger);
  return {
    calls,
    messages,
    history,
    setSpeaker: (deviceId) => applySpeaker(engine, deviceId, logger),
    start: () => phone.start(),
    ping: (target) => phone.ping(target),
    async stop() {
      // Hang up first: a BYE needs the flow the un-REGISTER closes.
      calls.dispose();
      messages.dispose();
      // After the calls: the calls hung up just now are still recorded.
      history.dispose();
      stopDiagnostics?.();
      await phone.stop();
      unclaim?.();
    },
  };
}

async function applySpeaker(engine: WebRtcMediaEngine, deviceId: string, logger: Logger): Promise<void> {
  const applied = await engine.setOutputDevice(deviceId);
  if (!applied.ok) logger.log('warn', `the chosen speaker could not be used: ${applied.failure.message}`);
}
