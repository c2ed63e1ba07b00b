/**
 * Keyboard shortcuts as a pure mapping from a key press to what the phone should do.
 *
 * Typing comes first: while focus is in a text field, its keys belong to the field (Escape may
 * close a suggestion list there, Enter submits its form), so only the Alt+letter forms act. Enter
 * on a button or link keeps its native meaning. Browser and system shortcuts (Ctrl, Meta) are
 * never taken, and a held-down key acts once, except a digit.
 */

export type ShortcutAction =
  | { type: 'dial-digit'; key: string }
  | { type: 'dtmf'; key: string }
  | { type: 'call' }
  | { type: 'answer' }
  | { type: 'decline' }
  | { type: 'hangup' }
  | { type: 'hold' }
  | { type: 'resume' }
  | { type: 'mute' }
  | { type: 'unmute' }
  | { type: 'swap' }
  | { type: 'help' };

/** What of a keydown event the mapping needs. */
export interface KeyPress {
  key: string;
  /** The physical key ("KeyH"): Alt changes `key` on some layouts (macOS Option+H is "˙"). */
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** The key is held down and repeating. */
  repeat: boolean;
}

/** Where focus is. */
export interface KeyTarget {
  /** A text field, text area, select or editable element: plain keys are typing. */
  typing: boolean;
  /** A button, link, summary or the like: Enter activates it natively. */
  interactive: boolean;
  /** Inside an open dialog (the help panel): its own keys, Escape closes it. */
  inDialog: boolean;
}

/** The current line as the shortcuts see it (from lineControls); undefined without a live call. */
export interface ShortcutLine {
  ringingIn: boolean;
  canHangUp: boolean;
  hold: 'hold' | 'resume' | undefined;
  canMute: boolean;
  muted: boolean;
  /** DTMF can be sent: answered and not on hold. */
  keypad: boolean;
}

export interface ShortcutState {
  line: ShortcutLine | undefined;
  /** Swap applies (one call talking, another held). */
  canSwap: boolean;
}

const DIAL_KEYS = /^[0-9*#]$/;

/** Alt+letter works while typing too; plain letters only outside text fields. */
const LETTERS: Record<string, 'hold' | 'mute' | 'swap'> = { KeyH: 'hold', KeyM: 'mute', KeyS: 'swap' };
const PLAIN_LETTERS: Record<string, 'hold' | 'mute' | 'swap'> = { h: 'hold', m: 'mute', s: 'swap' };

function letterAction(which: 'hold' | 'mute' | 'swap', state: ShortcutState): ShortcutAction | undefined {
  const line = state.line;
  switch (which) {
    case 'hold':
      return line?.hold === undefined ? undefined : { type: line.hold };
    case 'mute':
      return line?.canMute ? { type: line.muted ? 'unmute' : 'mute' } : undefined;
    case 'swap':
      return state.canSwap ? { type: 'swap' } : undefined;
  }
}

export function shortcutFor(press: KeyPress, target: KeyTarget, state: ShortcutState): ShortcutAction | undefined {
  if (press.ctrlKey || press.metaKey || target.inDialog) return undefined;
  const line = state.line;

  if (DIAL_KEYS.test(press.key) && !press.altKey && !target.typing) {
    return line?.keypad ? { type: 'dtmf', key: press.key } : { type: 'dial-digit', key: press.key };
  }
  // A held-down key would hold and resume, or answer and hang up, over and over.
  if (press.repeat) return undefined;

  if (press.altKey) {
    const which = LETTERS[press.code];
    return which ? letterAction(which, state) : undefined;
  }

  if (target.typing) return undefined;

  if (press.key === 'Escape') {
    if (line?.ringingIn) return { type: 'decline' };
    return line?.canHangUp ? { type: 'hangup' } : undefined;
  }

  if (press.key === 'Enter') {
    if (target.interactive) return undefined;
    return line?.ringingIn ? { type: 'answer' } : { type: 'call' };
  }

  if (press.key === '?') return { type: 'help' };

  const which = PLAIN_LETTERS[press.key.toLowerCase()];
  return which ? letterAction(which, state) : undefined;
}

/** What the help panel lists, in the order it lists it. */
export const SHORTCUT_LIST: readonly { keys: string; action: string }[] = [
  { keys: '0–9, *, #', action: 'Dial into the number field, or send DTMF during a call' },
  { keys: 'Enter', action: 'Call the number, or answer a ringing call' },
  { keys: 'Escape', action: 'Hang up, or decline a ringing call' },
  { keys: 'H or Alt+H', action: 'Hold or resume the current call' },
  { keys: 'M or Alt+M', action: 'Mute or unmute the microphone' },
  { keys: 'S or Alt+S', action: 'Swap between the active and the held call' },
  { keys: '?', action: 'Show these keyboard shortcuts' },
];
