import { preloadable } from './preloadable';

/**
 * The screens a call does not need: each in its own chunk, out of the first load. The phone, the
 * account card and the calls pane stay in the entry so a call can be placed or answered at once.
 */
export const lazyScreens = {
  messages: preloadable(async () => (await import('../components/messages-screen')).MessagesScreen),
  history: preloadable(async () => (await import('../screens/history/history-screen')).HistoryScreen),
  contacts: preloadable(async () => (await import('../screens/contacts/contacts-screen')).ContactsScreen),
  settings: preloadable(async () => (await import('../screens/settings/settings-screen')).SettingsScreen),
  diagnostics: preloadable(async () => (await import('../screens/diagnostics/diagnostics-screen')).DiagnosticsScreen),
};

/** Fetches every screen's chunk, so tab switches stay instant and nothing waits on the network later. */
export function preloadScreens(): Promise<unknown> {
  return Promise.allSettled(Object.values(lazyScreens).map((screen) => screen.preload()));
}
