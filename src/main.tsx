import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { startPhone } from './app/start-phone';
import './index.css';
import { createConsoleLogger } from './platform/console-logger';
import { localStorageOrUndefined } from './platform/local-storage';
import { createAccountStore } from './stores/account';
import { createCallsStore } from './stores/calls';
import { createMessagesStore } from './stores/messages';
import { createNavigationStore } from './stores/navigation';
import { AccountStoreContext } from './ui/account-store-context';
import { App } from './ui/app';
import { CallsProvider } from './ui/components/calls-provider';
import { MessagesProvider } from './ui/components/messages-provider';
import { NavigationStoreContext } from './ui/navigation-context';
import { PingContext, type Ping } from './ui/ping-context';

const store = createAccountStore();
const calls = createCallsStore();
const messages = createMessagesStore();
const navigation = createNavigationStore();
const logger = createConsoleLogger(import.meta.env.DEV ? 'debug' : 'info');

const phone = startPhone({
  store,
  calls,
  messages,
  search: window.location.search,
  storage: localStorageOrUndefined(),
  fetch: window.fetch.bind(window),
  logger,
  ask: (question) => window.confirm(question),
});

const ping: Ping = async (target) =>
  (await phone)?.ping(target) ?? { reachable: false, cause: 'transport', message: 'No account is set up' };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AccountStoreContext value={store}>
      <CallsProvider store={calls} service={phone.then((running) => running?.calls)}>
        <MessagesProvider store={messages} service={phone.then((running) => running?.messages)}>
          <PingContext value={ping}>
            <NavigationStoreContext value={navigation}>
              <App />
            </NavigationStoreContext>
          </PingContext>
        </MessagesProvider>
      </CallsProvider>
    </AccountStoreContext>
  </StrictMode>,
);

// Closing the tab un-registers, so calls are not routed to a binding that is gone.
window.addEventListener('pagehide', () => void phone.then((service) => service?.stop()));
// A page restored from the back/forward cache has a stopped user agent: start afresh.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});

registerSW({ immediate: true });
