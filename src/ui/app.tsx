import { useState } from 'react';
import { selectHasLiveCall } from '../stores/calls';
import { AccountCard } from './components/account-card';
import { CallsPanel } from './components/calls-panel';
import { Dialpad } from './components/dialpad';
import { Icon } from './components/icons';
import { MessagesScreen } from './components/messages-screen';
import { NavTabs, screenPanelId, screenTabId } from './components/nav-tabs';
import { useCalls } from './hooks/use-calls';
import { useNavigation } from './hooks/use-navigation';
import { KeyboardShortcuts } from './keyboard/keyboard-shortcuts';
import { ContactsScreen } from './screens/contacts/contacts-screen';
import { DiagnosticsScreen } from './screens/diagnostics/diagnostics-screen';
import { HistoryScreen } from './screens/history/history-screen';
import { SettingsScreen } from './screens/settings/settings-screen';

export function App() {
  const inCall = useCalls(selectHasLiveCall);
  const [dialpadDuringCall, setDialpadDuringCall] = useState(false);
  const screen = useNavigation((state) => state.screen);
  const setScreen = useNavigation((state) => state.show);
  const showDialpad = !inCall || dialpadDuringCall;

  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className="mx-auto flex min-h-dvh max-w-md flex-col">
        <header className="flex items-center gap-2 px-4 pt-3 pb-2">
          <img src="/icons/favicon.svg" alt="" className="size-6" />
          <h1 className="text-base font-semibold tracking-tight">Tabphone</h1>
          <span className="flex-1" />
          <KeyboardShortcuts />
        </header>
        <main className="flex flex-1 flex-col gap-3 px-3 pb-3">
          <AccountCard />
          <NavTabs screen={screen} onChange={setScreen} />
          {/* Calls stay in view on every screen: a call must never ring unseen. */}
          <CallsPanel />
          <div role="tabpanel" id={screenPanelId(screen)} aria-labelledby={screenTabId(screen)} className="flex flex-col gap-3">
            {screen === 'messages' ? (
              <MessagesScreen />
            ) : screen === 'history' ? (
              <HistoryScreen />
            ) : screen === 'contacts' ? (
              <ContactsScreen />
            ) : screen === 'settings' ? (
              <SettingsScreen />
            ) : screen === 'diagnostics' ? (
              <DiagnosticsScreen />
            ) : (
              <>
                {inCall && (
                  <button
                    type="button"
                    aria-expanded={dialpadDuringCall}
                    onClick={() => setDialpadDuringCall(!dialpadDuringCall)}
                    className="flex h-10 items-center justify-center gap-1.5 rounded-xl text-sm font-medium text-teal-800 ring-1 ring-slate-200 hover:bg-white dark:text-teal-300 dark:ring-slate-800 dark:hover:bg-slate-900"
                  >
                    <Icon name={dialpadDuringCall ? 'keypad' : 'plus'} className="size-4" />
                    {dialpadDuringCall ? 'Hide dialpad' : 'New call'}
                  </button>
                )}
                {showDialpad && <Dialpad />}
              </>
            )}
          </div>
        </main>
      </div>
    </div>
  );
}
