/*
 * Imported by the generated service worker (vite.config.ts, workbox.importScripts). A click on an
 * incoming-call notification goes to the pages: "answer" (or a click on the notification itself)
 * brings up the window that showed it and answers there, "decline" declines without bringing a
 * window up. Every page gets the message; only the one that has the call acts on it.
 */
self.addEventListener('notificationclick', (event) => {
  const data = event.notification.data || {};
  if (typeof data.callId !== 'string') return;
  const action = event.action === 'decline' ? 'decline' : 'answer';
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      for (const client of windows) client.postMessage({ type: 'tabphone:call-action', action, callId: data.callId });
      const own = windows.find((client) => client.url === data.pageUrl) || windows[0];
      if (action === 'answer' && own) await own.focus();
    }),
  );
});
