import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhoneProviders } from './app/phone-providers';
import { startApp } from './app/start-app';
import { WebAudioRinger } from './app/web-audio-ringer';
import './index.css';
import { createConsoleLogger } from './platform/console-logger';
import { localStorageOrUndefined } from './platform/local-storage';
import { browserRandom } from './platform/browser-random';
import { createAccountStore } from './stores/account';
import { createCallsStore } from './stores/calls';
import { createContactsStore } from './stores/contacts';
import { createHistoryStore, selectMissedUnseen } from './stores/history';
import { createDiagnosticsStore } from './stores/diagnostics';
import { createMessagesStore, selectTotalUnread } from './stores/messages';
import { createNavigationStore } from './stores/navigation';
import { connectPwa, createPwa } from './pwa/start-pwa';
import { storeCounter } from './pwa/app-badge';
import { createSettingsStore } from './stores/settings';
import { AccountStoreContext } from './ui/account-store-context';
import { App } from './ui/app';
import { useResolved } from './ui/hooks/use-resolved';
import { preloadScreens } from './ui/lazy/lazy-screens';
import { whenIdle } from './ui/lazy/when-idle';
import { NavigationStoreContext } from './ui/navigation-context';
import { PingContext, type Ping } from './ui/ping-context';
import { PwaBanners } from './ui/pwa/pwa-banners';
import { PwaContext } from './ui/pwa/pwa-context';
import { ContactsProvider } from './ui/screens/contacts/contacts-provider';
import { DiagnosticsStoreContext } from './ui/screens/diagnostics/diagnostics-context';
import { RetryContext, SettingsServiceContext, SettingsStoreContext } from './ui/settings-context';

// The SIP user agent, media engine and services come in their own chunk: fetched at once, beside the
// first render rather than before it. A fetch that failed is tried again on the next start (Retry).
const loadPhone = () => import('./app/start-phone');
loadPhone().catch(() => undefined);
const store = createAccountStore();
const calls = createCallsStore();
const messages = createMessagesStore();
const callHistory = createHistoryStore();
const contacts = createContactsStore();
const diagnostics = createDiagnosticsStore();
const navigation = createNavigationStore();
const settings = createSettingsStore();
const logger = createConsoleLogger(import.meta.env.DEV ? 'debug' : 'info');
const ringer = new WebAudioRinger(logger, () => settings.getState().settings.audio);
// Service worker, audio unlock, one registered tab per account: in place before the phone starts.
const pwa = createPwa({ calls, logger });

const app = startApp({
  account: store,
  settings,
  calls,
  sessionStores: [messages, callHistory],
  startPhone: async (account) =>
    (await loadPhone()).startPhone({
      account,
      store,
      calls,
      messages,
      history: callHistory,
      diagnostics,
      ringer,
      storage: localStorageOrUndefined(),
      logger,
      audio: () => settings.getState().settings.audio,
      ask: (question) => window.confirm(question),
      showMessages: () => navigation.getState().show('messages'),
      claimAccount: pwa.claimAccount,
    }),
  location: window.location,
  replaceSearch: (search) => history.replaceState(history.state, '', `${window.location.pathname}${search}${window.location.hash}`),
  fetch: window.fetch.bind(window),
  newId: () => crypto.randomUUID(),
  logger,
});
const { phone } = app;
connectPwa({
  account: store,
  calls,
  navigation,
  callService: async () => (await phone.current())?.calls,
  badgeCounters: [storeCounter(messages, selectTotalUnread), storeCounter(callHistory, selectMissedUnseen)],
  ask: (question) => window.confirm(question),
  logger,
});

const ping: Ping = async (target) =>
  (await phone.current())?.ping(target) ?? { reachable: false, cause: 'transport', message: 'No account is set up' };
const retry = () => void phone.restart();
// The address book serves every account, so it opens once, apart from the phone; its code (with the
// vCard and CSV parsers) comes in its own chunk.
const contactsService = import('./services/contacts/start-contacts').then(
  ({ startContacts }) => startContacts(contacts, browserRandom, logger),
  (error: unknown) => {
    logger.log('warn', 'The address book could not be loaded', error);
    return undefined;
  },
);

function Root() {
  const settingsService = useResolved(app.settings);
  return (
    <AccountStoreContext value={store}>
      <SettingsStoreContext value={settings}>
        <SettingsServiceContext value={settingsService}>
          <RetryContext value={retry}>
            <PhoneProviders phone={phone} calls={calls} messages={messages} history={callHistory}>
              <PingContext value={ping}>
                <NavigationStoreContext value={navigation}>
                  <DiagnosticsStoreContext value={diagnostics}>
                    <PwaContext value={pwa}>
                      <PwaBanners />
                      <ContactsProvider store={contacts} service={contactsService}>
                        <App />
                      </ContactsProvider>
                    </PwaContext>
                  </DiagnosticsStoreContext>
                </NavigationStoreContext>
              </PingContext>
            </PhoneProviders>
          </RetryContext>
        </SettingsServiceContext>
      </SettingsStoreContext>
    </AccountStoreContext>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
// The other screens' chunks follow once the first render is done, so tab switches never wait.
whenIdle(() => void preloadScreens());

// Closing the tab un-registers, so calls are not routed to a binding that is gone.
window.addEventListener('pagehide', () => void phone.stop());
// A page restored from the back/forward cache has a stopped user agent: start afresh.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});
