import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { registerSW } from 'virtual:pwa-register';
import { startPhone } from './app/start-phone';
import './index.css';
import { createConsoleLogger } from './platform/console-logger';
import { localStorageOrUndefined } from './platform/local-storage';
import { createAccountStore } from './stores/account';
import { AccountStoreContext } from './ui/account-store-context';
import { App } from './ui/app';

const store = createAccountStore();
const logger = createConsoleLogger(import.meta.env.DEV ? 'debug' : 'info');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AccountStoreContext value={store}>
      <App />
    </AccountStoreContext>
  </StrictMode>,
);

const phone = startPhone({
  store,
  search: window.location.search,
  storage: localStorageOrUndefined(),
  fetch: window.fetch.bind(window),
  logger,
});
// Closing the tab un-registers, so calls are not routed to a binding that is gone.
window.addEventListener('pagehide', () => void phone.then((service) => service?.stop()));
// A page restored from the back/forward cache has a stopped user agent: start afresh.
window.addEventListener('pageshow', (event) => {
  if (event.persisted) window.location.reload();
});

registerSW({ immediate: true });
