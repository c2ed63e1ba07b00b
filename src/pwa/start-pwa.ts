import { registerSW } from 'virtual:pwa-register';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { CallService } from '../services/call-service';
import type { Logger } from '../sip/ports';
import type { AccountState, AccountStore } from '../stores/account';
import { selectHasLiveCall, type CallsStore } from '../stores/calls';
import type { NavigationStore } from '../stores/navigation';
import { keepAppBadge, type BadgeCounter } from './app-badge';
import type { AudioUnlock } from './audio-unlock';
import { asCallAction, notifyIncomingCalls } from './call-notifications';
import { mirrorCallsInMediaSession, type MediaSessionLike } from './call-media-session';
import { holdWakeLockDuringCalls } from './call-wake-lock';
import { handleLaunch } from './launch-handler';
import { launchIntent, withoutLaunchParams } from './launch-intent';
import { consumeLaunches, type LaunchQueueLike } from './launch-queue';
import { pageAudio } from './page-audio';
import { createTabLeadership, type TabRole } from './tab-leadership';
import { createUpdateController, type UpdateController } from './update-controller';

/** Whether this tab registers its account, and how to make it do so. */
export interface AccountTab {
  role: TabRole;
  takeOver(): void;
}

/** The browser-integration pieces the UI shows (update banner, sound banner, other-tab banner). */
export interface Pwa {
  readonly update: UpdateController;
  readonly audio: AudioUnlock<AudioContext>;
  readonly accountTab: StoreApi<AccountTab>;
  /**
   * The composition root's gate around registering: only one tab per account registers. Calls
   * `registration.start()` once this tab owns the account; returns what to call when the phone stops.
   */
  claimAccount(aor: string, registration: { start(): void; stop(): Promise<void> }): () => void;
}

export interface PwaOptions {
  calls: CallsStore;
  logger: Logger;
}

declare global {
  interface Window {
    launchQueue?: LaunchQueueLike;
  }
}

/** What the phone needs before it starts: the ringer's audio and the one-tab-per-account gate. */
export function createPwa({ calls, logger }: PwaOptions): Pwa {
  const warn = (what: string) => (error: unknown) => logger.log('warn', what, error);
  const hasLiveCall = () => selectHasLiveCall(calls.getState());
  // Made now, so the first gesture anywhere on the page unlocks sound for a later ring.
  const audio = pageAudio(logger);
  const update = createUpdateController({
    hasLiveCall,
    onCallsChange: (listener) => calls.subscribe(listener),
    activate: () => void updateServiceWorker(),
    reload: () => window.location.reload(),
  });
  const updateServiceWorker = registerSW({
    immediate: true,
    onNeedRefresh: () => update.found(),
    onNeedReload: () => update.newVersionControls(),
    onRegisterError: warn('the service worker could not be registered'),
  });
  const accountTab = createStore<AccountTab>()(() => ({ role: 'claiming', takeOver: () => undefined }));

  return {
    update,
    audio,
    accountTab,
    claimAccount(aor, registration) {
      const leadership = createTabLeadership({
        aor,
        locks: navigator.locks,
        openChannel: (name) => new BroadcastChannel(name),
        tabId: crypto.randomUUID(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        start: () => registration.start(),
        stop: () => registration.stop(),
        whenNoLiveCall: () =>
          new Promise((resolve) => {
            if (!hasLiveCall()) return resolve();
            const off = calls.subscribe(() => {
              if (hasLiveCall()) return;
              off();
              resolve();
            });
          }),
      });
      const publish = () => accountTab.setState({ role: leadership.role.getState(), takeOver: leadership.takeOver });
      const unsubscribe = leadership.role.subscribe(publish);
      publish();
      return () => {
        unsubscribe();
        leadership.dispose();
        accountTab.setState({ role: 'claiming', takeOver: () => undefined });
      };
    },
  };
}

export interface ConnectPwaOptions {
  account: AccountStore;
  calls: CallsStore;
  navigation: NavigationStore;
  /** The running phone's call service (once it has started); undefined when no account is set up. */
  callService(): Promise<CallService | undefined>;
  /** What the app badge counts: unread messages, missed calls. */
  badgeCounters: BadgeCounter[];
  ask(question: string): boolean;
  logger: Logger;
}

/** Wires launches, notifications, the badge, media keys and the wake lock to the running phone. */
export function connectPwa(options: ConnectPwaOptions): void {
  const { calls, navigation, callService, logger } = options;
  const warn = (what: string) => (error: unknown) => logger.log('warn', what, error);
  const withService = (act: (service: CallService) => void) => void callService().then((service) => service && act(service));

  const launch = (search: string) =>
    handleLaunch(launchIntent(search), {
      show: (screen) => navigation.getState().show(screen),
      prefillDial: (text) => navigation.getState().prefillDial(text),
      ready: async () => (await registeredOrNoAccount(options.account)) && (await callService()) !== undefined,
      ask: options.ask,
      call: (target) => withService((service) => void service.call(target)),
    });
  const pageUrl = window.location.href;
  void launch(window.location.search);
  // A reload must not dial the link again.
  history.replaceState(history.state, '', `${window.location.pathname}${withoutLaunchParams(window.location.search)}${window.location.hash}`);
  consumeLaunches(window.launchQueue, pageUrl, (search) => void launch(search));

  keepAppBadge(navigator, options.badgeCounters, warn('the app badge could not be set'));

  if ('mediaSession' in navigator) {
    // TypeScript's DOM types lack the video-conferencing actions ('hangup', 'togglemicrophone').
    mirrorCallsInMediaSession(navigator.mediaSession as unknown as MediaSessionLike, calls, {
      hangup: (id) => withService((service) => service.hangup(id)),
      decline: (id) => withService((service) => service.decline(id)),
      setMuted: (id, muted) => withService((service) => service.setMuted(id, muted)),
    });
  }

  if ('wakeLock' in navigator) {
    holdWakeLockDuringCalls({
      wakeLock: navigator.wakeLock,
      hasLiveCall: () => selectHasLiveCall(calls.getState()),
      onCallsChange: (listener) => calls.subscribe(listener),
      isVisible: () => document.visibilityState === 'visible',
      onVisibilityChange: (listener) => {
        document.addEventListener('visibilitychange', listener);
        return () => document.removeEventListener('visibilitychange', listener);
      },
      onError: warn('the screen wake lock was refused'),
    });
  }

  if ('serviceWorker' in navigator && typeof Notification !== 'undefined') {
    const worker = navigator.serviceWorker;
    notifyIncomingCalls({
      host: {
        showNotification: async (title, notification) => (await worker.ready).showNotification(title, notification),
        getNotifications: async (filter) => (await worker.ready).getNotifications(filter),
      },
      calls,
      unseen: () => document.visibilityState === 'hidden' || !document.hasFocus(),
      allowed: () => Notification.permission === 'granted',
      pageUrl: () => window.location.href,
      onError: warn('the incoming-call notification failed'),
    });
    worker.addEventListener('message', ({ data }) => {
      const click = asCallAction(data);
      if (!click) return;
      withService((service) => {
        if (click.action === 'answer') void service.answer(click.callId);
        else service.decline(click.callId);
      });
    });
  }
}

/**
 * Resolves true once the account is registered (a launch asks "Call …?" only when the call can
 * go), false when there is no account to register. A tab that another tab's registration keeps
 * waiting resolves once the user takes the account over.
 */
function registeredOrNoAccount(account: AccountStore): Promise<boolean> {
  const outcome = (state: AccountState) =>
    state.registration.state === 'registered' ? true : state.setupProblem !== undefined ? false : undefined;
  return new Promise((resolve) => {
    const now = outcome(account.getState());
    if (now !== undefined) return resolve(now);
    const off = account.subscribe((state) => {
      const settled = outcome(state);
      if (settled === undefined) return;
      off();
      resolve(settled);
    });
  });
}
