import { useState } from 'react';
import { selectHasLiveCall } from '../stores/calls';
import type { Screen } from '../stores/navigation';
import { AccountCard } from './components/account-card';
import { CallsPanel } from './components/calls-panel';
import { Dialpad } from './components/dialpad';
import { Icon } from './components/icons';
import { NavTabs, screenPanelId, screenTabId } from './components/nav-tabs';
import { useCalls } from './hooks/use-calls';
import { useMediaQuery } from './hooks/use-media-query';
import { useNavigation } from './hooks/use-navigation';
import { KeyboardShortcuts } from './keyboard/keyboard-shortcuts';
import { lazyScreens } from './lazy/lazy-screens';
import { ScreenBoundary } from './lazy/screen-boundary';

/** Where the window is wide enough for the phone and another screen side by side. */
const TWO_PANES = '(min-width: 900px)';

type SideScreen = Exclude<Screen, 'phone'>;

/**
 * The window. Narrow (the installed app at 360×640): account, navigation, calls, then the chosen
 * screen. Wide: the phone (account, calls, dialpad) on the left, and the chosen screen on the
 * right; choosing Phone there keeps the last other screen beside it.
 */
export function App() {
  const screen = useNavigation((state) => state.screen);
  const setScreen = useNavigation((state) => state.show);
  const wide = useMediaQuery(TWO_PANES);
  const [lastSide, setLastSide] = useState<SideScreen>('messages');
  if (screen !== 'phone' && screen !== lastSide) setLastSide(screen);
  const side = screen === 'phone' ? lastSide : screen;

  return (
    <div className="min-h-dvh bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <div className={`mx-auto flex min-h-dvh flex-col ${wide ? 'max-w-6xl' : 'max-w-md'}`}>
        <header className="flex items-center gap-2 px-4 pt-3 pb-2">
          <img src="/icons/favicon.svg" alt="" className="size-6" />
          <h1 className="text-base font-semibold tracking-tight">Tabphone</h1>
          <span className="flex-1" />
          <KeyboardShortcuts />
        </header>
        {wide ? (
          <main className="grid flex-1 grid-cols-[minmax(20rem,24rem)_1fr] items-start gap-4 px-4 pb-4">
            <div className="flex flex-col gap-3">
              <AccountCard />
              {/* Calls stay in view whatever the right pane shows: a call must never ring unseen. */}
              <CallsPanel />
              <div role="tabpanel" id={screenPanelId('phone')} aria-labelledby={screenTabId('phone')} className="flex flex-col gap-3">
                <PhonePane />
              </div>
            </div>
            <div className="flex min-w-0 flex-col gap-3">
              <NavTabs screen={screen} onChange={setScreen} />
              <div role="tabpanel" id={screenPanelId(side)} aria-labelledby={screenTabId(side)} className="flex flex-col gap-3">
                <ScreenContent screen={side} />
              </div>
            </div>
          </main>
        ) : (
          <main className="flex flex-1 flex-col gap-3 px-3 pb-3">
            <AccountCard />
            <NavTabs screen={screen} onChange={setScreen} />
            <CallsPanel />
            <div role="tabpanel" id={screenPanelId(screen)} aria-labelledby={screenTabId(screen)} className="flex flex-col gap-3">
              {screen === 'phone' ? <PhonePane /> : <ScreenContent screen={screen} />}
            </div>
          </main>
        )}
      </div>
    </div>
  );
}

function ScreenContent({ screen }: { screen: SideScreen }) {
  const { Component } = lazyScreens[screen];
  return (
    <ScreenBoundary key={screen}>
      <Component />
    </ScreenBoundary>
  );
}

/** The dialpad; during a call it folds away behind "New call" so the call controls keep the room. */
function PhonePane() {
  const inCall = useCalls(selectHasLiveCall);
  const [dialpadDuringCall, setDialpadDuringCall] = useState(false);
  return (
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
      {(!inCall || dialpadDuringCall) && <Dialpad />}
    </>
  );
}
