import { version } from '../../package.json';
import { WebRtcMediaEngine } from '../media';
import { createBrowserPlatform } from '../platform';
import { loadInstanceId } from '../platform/instance-id';
import { createCallService, type CallService } from '../services/call-service';
import { createMessageService, notifyWhenHidden, type MessageService } from '../services/message-service';
import { openMessageRepository } from '../services/persistence/open-message-repository';
import { createPhoneService, type PhoneService } from '../services/phone-service';
import { UserAgent } from '../sip';
import type { Logger } from '../sip/ports';
import type { AccountStore } from '../stores/account';
import { createCallsStore, type CallsStore } from '../stores/calls';
import { createMessagesStore, type MessagesStore } from '../stores/messages';
import { resolveAccountConfig } from './account-config';
import { callMediaOptions, transferOptions } from './call-media-defaults';
import { loadEmbeddedPbxInfo } from './load-embedded-pbx-info';
import { WebAudioRinger } from './web-audio-ringer';

export interface StartPhoneOptions {
  store: AccountStore;
  /** The store the calls panel renders; a private one when the caller shows no calls. */
  calls?: CallsStore;
  /** The store the Messages screen renders; a private one when the caller shows no messages. */
  messages?: MessagesStore;
  /** The page's query string (?user=…&server=…). */
  search: string;
  storage: Storage | undefined;
  fetch: typeof fetch;
  logger: Logger;
  /** Asks the user a yes/no question (window.confirm), e.g. before following a transfer. */
  ask?: (question: string) => boolean;
}

/** The running phone: registration (PhoneService) and calls. */
export interface RunningPhone extends PhoneService {
  readonly calls: CallService;
  readonly messages: MessageService;
}

/**
 * The composition root: platform → media engine → user agent → services → stores. Returns the
 * running phone, or undefined when no account could be configured (the store then says why).
 */
export async function startPhone(options: StartPhoneOptions): Promise<RunningPhone | undefined> {
  const { store, logger } = options;
  const pbx = await loadEmbeddedPbxInfo(options.fetch, logger);
  const resolved = resolveAccountConfig(new URLSearchParams(options.search), pbx);
  if (!resolved.ok) {
    store.getState().setSetupProblem(resolved.problem);
    return undefined;
  }
  const { config } = resolved;
  store.getState().setIdentity({ user: config.user, aor: config.aor, server: config.server });

  const platform = createBrowserPlatform(logger);
  const engine = new WebRtcMediaEngine({ timers: platform.timers, random: platform.random, logger });
  const agent = new UserAgent({
    aor: config.aor,
    authUser: config.user,
    password: config.password,
    servers: [config.server],
    instanceId: loadInstanceId(options.storage),
    userAgent: `Tabphone/${version}`,
    platform,
    media: { engine, ...callMediaOptions(config.call) },
    messaging: true,
    transfer: transferOptions(config.call, options.ask ?? (() => true)),
  });
  const phone = createPhoneService(agent, store);
  const calls = createCallService({
    agent,
    store: options.calls ?? createCallsStore(),
    keyTones: engine,
    ringer: new WebAudioRinger(logger),
    timers: platform.timers,
    logger,
  });
  const messages = createMessageService({
    agent,
    store: options.messages ?? createMessagesStore(),
    repository: await openMessageRepository(config.aor, logger),
    account: agent.identity.aor,
    random: platform.random,
    now: () => Date.now(),
    notify: notifyWhenHidden,
    logger,
  });
  phone.start();
  return {
    calls,
    messages,
    start: () => phone.start(),
    ping: (target) => phone.ping(target),
    async stop() {
      // Hang up first: a BYE needs the flow the un-REGISTER closes.
      calls.dispose();
      messages.dispose();
      await phone.stop();
    },
  };
}
