import { useState } from 'react';

/** The schemes the manifest's protocol_handlers declare; a browser tab registers them one by one. */
const LINK_SCHEMES = ['sip', 'tel', 'web+callto'] as const;

function isInstalledWindow(): boolean {
  return window.matchMedia('(display-mode: standalone)').matches;
}

function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

const NOTIFICATION_TEXT: Record<NotificationPermission | 'unsupported', string> = {
  granted: 'Allowed: incoming calls and messages notify you while Tabphone is in the background.',
  default: 'Not allowed yet: calls and messages that arrive in the background are only heard.',
  denied: "Blocked. Allow notifications for this site in the browser's site settings.",
  unsupported: 'This browser has no notifications.',
};

/**
 * Settings › App integration: sip:/tel: links and notifications. The installed app gets links
 * through its manifest; in a browser tab, registerProtocolHandler asks the browser instead.
 */
export function AppIntegrationSettings() {
  const [permission, setPermission] = useState(notificationPermission);
  const [linksAsked, setLinksAsked] = useState(false);
  const canRegisterLinks = 'registerProtocolHandler' in navigator && !isInstalledWindow();

  const registerLinks = () => {
    const url = `${window.location.origin}/?dial=%s`;
    for (const scheme of LINK_SCHEMES) {
      try {
        navigator.registerProtocolHandler(scheme, url);
      } catch {
        // A browser may refuse one scheme (not on its safe list) and still take the others.
      }
    }
    setLinksAsked(true);
  };

  return (
    <section aria-labelledby="app-integration-title" className="flex flex-col gap-3 rounded-2xl bg-white p-3 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <h3 id="app-integration-title" className="text-sm font-semibold">
        App integration
      </h3>

      <div className="flex flex-col gap-1.5">
        <h4 className="text-sm font-medium">Call links (sip:, tel:, callto:)</h4>
        {canRegisterLinks ? (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {linksAsked
                ? 'The browser asked whether Tabphone may open call links (look for its prompt in the address bar).'
                : 'Let links on web pages open Tabphone, which asks before it calls.'}
            </p>
            <button type="button" onClick={registerLinks} className="self-start rounded-lg px-3 py-1.5 text-sm font-medium text-teal-800 ring-1 ring-slate-300 hover:bg-slate-50 dark:text-teal-300 dark:ring-slate-700 dark:hover:bg-slate-800">
              Open call links with Tabphone
            </button>
          </>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {isInstalledWindow()
              ? 'The installed app opens call links; Tabphone asks before it calls.'
              : 'This browser cannot hand call links to a web app.'}
          </p>
        )}
      </div>

      <div className="flex flex-col gap-1.5">
        <h4 className="text-sm font-medium">Notifications</h4>
        <p className="text-sm text-slate-600 dark:text-slate-400">{NOTIFICATION_TEXT[permission]}</p>
        {permission === 'default' && (
          <button
            type="button"
            onClick={() => void Notification.requestPermission().then(setPermission)}
            className="self-start rounded-lg px-3 py-1.5 text-sm font-medium text-teal-800 ring-1 ring-slate-300 hover:bg-slate-50 dark:text-teal-300 dark:ring-slate-700 dark:hover:bg-slate-800"
          >
            Allow notifications
          </button>
        )}
      </div>
    </section>
  );
}
