import { createStore, type StoreApi } from 'zustand/vanilla';
import { nextUpdateState, type UpdateEvent, type UpdateState } from './update-policy';

export interface UpdateControllerOptions {
  /** True while a call is not over (the calls store's selectHasLiveCall). */
  hasLiveCall(): boolean;
  /** Calls `listener` whenever the live-call flag may have changed; returns the unsubscribe. */
  onCallsChange(listener: () => void): () => void;
  /** Tells the waiting service worker to take over (vite-plugin-pwa's updateSW). */
  activate(): void;
  reload(): void;
}

export interface UpdateController {
  readonly state: StoreApi<UpdateState>;
  /** A new version is installed and waiting (registerSW's onNeedRefresh). */
  found(): void;
  /** The new worker controls this page (registerSW's onNeedReload). */
  newVersionControls(): void;
  /** The user pressed Reload on the update banner. */
  accept(): void;
  dispose(): void;
}

/** Drives the update banner and applies an update when update-policy allows it. */
export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const state = createStore<UpdateState>()(() => ({ kind: 'none' }));
  const send = (event: UpdateEvent) => {
    const next = nextUpdateState(state.getState(), event, options.hasLiveCall());
    state.setState(next.state, true);
    if (next.effect === 'activate') options.activate();
    else if (next.effect === 'reload') options.reload();
  };
  const unsubscribe = options.onCallsChange(() => {
    if (state.getState().kind === 'after-call') send('calls-ended');
  });
  return {
    state,
    found: () => send('found'),
    newVersionControls: () => send('new-version-controls'),
    accept: () => send('accepted'),
    dispose: unsubscribe,
  };
}
