import { createStore } from 'zustand/vanilla';

export type Screen = 'phone' | 'messages' | 'history' | 'contacts' | 'settings' | 'diagnostics';

/** A number put into the dial field from elsewhere (history, contacts, a sip: link); `seq` makes a repeat count. */
export interface DialDraft {
  text: string;
  seq: number;
}

export interface NavigationState {
  screen: Screen;
  dialDraft: DialDraft | undefined;
}

export interface NavigationActions {
  show(screen: Screen): void;
  /** Goes to the Phone screen with `text` in the number field, for the user to press Call. */
  prefillDial(text: string): void;
  /** The dial field took the draft: forget it, so a later visit to the Phone screen starts clean. */
  clearDialDraft(seq: number): void;
}

export type NavigationStoreState = NavigationState & NavigationActions;
export type NavigationStore = ReturnType<typeof createNavigationStore>;

/** Which screen is shown, so that any screen (or a launch URL) can send the user to another. */
export function createNavigationStore(initial: Screen = 'phone') {
  // Counts every draft, taken or not, so a new one always differs from the last one applied.
  let drafts = 0;
  return createStore<NavigationStoreState>()((set) => ({
    screen: initial,
    dialDraft: undefined,
    show: (screen) => set({ screen }),
    prefillDial: (text) => set({ screen: 'phone', dialDraft: { text, seq: ++drafts } }),
    clearDialDraft: (seq) => set((state) => (state.dialDraft?.seq === seq ? { dialDraft: undefined } : {})),
  }));
}
