/*
 * Imported by the generated service worker (vite.config.ts, workbox.importScripts). A click on an
 * incoming-call notification goes to the pages: "answer" (or a click on the notification itself)
 * focuses a Tabphone window and answers there, "decline" declines without bringing it up. Every
 * page gets the message; only the one that has the call acts on it.
 */
self.addEventListener('notificationclick', (event) => {
  const callId = event.notification.data && event.notification.data.callId;
  if (typeof callId !== 'string') return;
  const action = event.action === 'decline' ? 'decline' : 'answer';
  event.notification.close();
  event.waitUntil(
    self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(async (windows) => {
      for (const client of windows) client.postMessage({ type: 'tabphone:call-action', action, callId });
      if (action === 'answer' && windows[0]) await windows[0].focus();
    }),
  );
});
