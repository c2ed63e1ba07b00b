import { describe, expect, it } from 'vitest';
import { shortcutFor, SHORTCUT_LIST, type KeyPress, type KeyTarget, type ShortcutLine, type ShortcutState } from '../../../src/ui/keyboard/shortcuts';

const BODY: KeyTarget = { typing: false, interactive: false, inDialog: false };
const FIELD: KeyTarget = { typing: true, interactive: true, inDialog: false };
const BUTTON: KeyTarget = { typing: false, interactive: true, inDialog: false };

function press(key: string, mods: Partial<KeyPress> = {}): KeyPress {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : key;
  return { key, code, altKey: false, ctrlKey: false, metaKey: false, repeat: false, ...mods };
}

const TALKING: ShortcutLine = { ringingIn: false, canHangUp: true, hold: 'hold', canMute: true, muted: false, keypad: true };
const RINGING_IN: ShortcutLine = { ringingIn: true, canHangUp: false, hold: undefined, canMute: false, muted: false, keypad: false };
const RINGING_OUT: ShortcutLine = { ringingIn: false, canHangUp: true, hold: undefined, canMute: false, muted: false, keypad: false };
const HELD: ShortcutLine = { ...TALKING, hold: 'resume', keypad: false };

const idle: ShortcutState = { line: undefined, canSwap: false };
const on = (line: ShortcutLine, canSwap = false): ShortcutState => ({ line, canSwap });

describe('keyboard shortcuts: dialling', () => {
  it('sends digits, * and # to the dial field without a call, and as DTMF in an answered call', () => {
    for (const key of ['0', '5', '9', '*', '#']) {
      expect(shortcutFor(press(key), BODY, idle)).toEqual({ type: 'dial-digit', key });
      expect(shortcutFor(press(key), BODY, on(TALKING))).toEqual({ type: 'dtmf', key });
    }
    // On hold the far end cannot hear tones: the digit goes to the dial field.
    expect(shortcutFor(press('1'), BODY, on(HELD))).toEqual({ type: 'dial-digit', key: '1' });
  });

  it('calls with Enter, and answers a ringing call with it', () => {
    expect(shortcutFor(press('Enter'), BODY, idle)).toEqual({ type: 'call' });
    expect(shortcutFor(press('Enter'), BODY, on(RINGING_IN))).toEqual({ type: 'answer' });
  });

  it('hangs up or declines with Escape', () => {
    expect(shortcutFor(press('Escape'), BODY, on(TALKING))).toEqual({ type: 'hangup' });
    expect(shortcutFor(press('Escape'), BODY, on(RINGING_OUT))).toEqual({ type: 'hangup' });
    expect(shortcutFor(press('Escape'), BODY, on(RINGING_IN))).toEqual({ type: 'decline' });
    expect(shortcutFor(press('Escape'), BODY, idle)).toBeUndefined();
  });
});

describe('keyboard shortcuts: call controls', () => {
  it('holds, resumes, mutes, unmutes and swaps with H, M and S', () => {
    expect(shortcutFor(press('h'), BODY, on(TALKING))).toEqual({ type: 'hold' });
    expect(shortcutFor(press('H'), BODY, on(HELD))).toEqual({ type: 'resume' });
    expect(shortcutFor(press('m'), BODY, on(TALKING))).toEqual({ type: 'mute' });
    expect(shortcutFor(press('m'), BODY, on({ ...TALKING, muted: true }))).toEqual({ type: 'unmute' });
    expect(shortcutFor(press('s'), BODY, on(TALKING, true))).toEqual({ type: 'swap' });
  });

  it('does nothing for a control the call does not offer', () => {
    expect(shortcutFor(press('h'), BODY, on(RINGING_IN))).toBeUndefined();
    expect(shortcutFor(press('m'), BODY, idle)).toBeUndefined();
    expect(shortcutFor(press('s'), BODY, on(TALKING, false))).toBeUndefined();
    expect(shortcutFor(press('x'), BODY, on(TALKING))).toBeUndefined();
  });

  it('opens the help panel with ?', () => {
    expect(shortcutFor(press('?', { code: 'Slash' }), BODY, idle)).toEqual({ type: 'help' });
  });
});

describe('keyboard shortcuts: typing is never hijacked', () => {
  it('leaves digits, letters, Enter, Escape and ? to a focused text field', () => {
    for (const key of ['1', '#', 'h', 'm', 's', '?', 'Enter', 'Escape']) expect(shortcutFor(press(key), FIELD, on(TALKING, true))).toBeUndefined();
    expect(shortcutFor(press('Enter'), FIELD, on(RINGING_IN))).toBeUndefined();
    expect(shortcutFor(press('Escape'), FIELD, on(RINGING_IN))).toBeUndefined();
  });

  it('still takes the Alt+letter forms (by physical key) in a text field', () => {
    expect(shortcutFor(press('˙', { altKey: true, code: 'KeyH' }), FIELD, on(TALKING))).toEqual({ type: 'hold' });
    expect(shortcutFor(press('m', { altKey: true }), FIELD, on(TALKING))).toEqual({ type: 'mute' });
    expect(shortcutFor(press('s', { altKey: true }), FIELD, on(TALKING, true))).toEqual({ type: 'swap' });
    expect(shortcutFor(press('1', { altKey: true, code: 'Digit1' }), FIELD, on(TALKING))).toBeUndefined();
  });

  it('leaves Enter on a button or link to the button, but still dials digits there', () => {
    expect(shortcutFor(press('Enter'), BUTTON, on(RINGING_IN))).toBeUndefined();
    expect(shortcutFor(press('5'), BUTTON, idle)).toEqual({ type: 'dial-digit', key: '5' });
  });

  it('acts once for a held-down key, except a digit', () => {
    expect(shortcutFor(press('h', { repeat: true }), BODY, on(TALKING))).toBeUndefined();
    expect(shortcutFor(press('Enter', { repeat: true }), BODY, on(RINGING_IN))).toBeUndefined();
    expect(shortcutFor(press('Escape', { repeat: true }), BODY, on(TALKING))).toBeUndefined();
    expect(shortcutFor(press('7', { repeat: true }), BODY, idle)).toEqual({ type: 'dial-digit', key: '7' });
  });

  it('never takes Ctrl or Meta combinations, nor keys inside a dialog', () => {
    expect(shortcutFor(press('h', { ctrlKey: true }), BODY, on(TALKING))).toBeUndefined();
    expect(shortcutFor(press('1', { metaKey: true }), BODY, idle)).toBeUndefined();
    expect(shortcutFor(press('Escape'), { ...BODY, inDialog: true }, on(TALKING))).toBeUndefined();
  });

  it('lists every shortcut in the help panel', () => {
    const keys = SHORTCUT_LIST.map((s) => s.keys).join(' | ');
    for (const expected of ['0–9, *, #', 'Enter', 'Escape', 'Alt+H', 'Alt+M', 'Alt+S', '?']) expect(keys).toContain(expected);
  });
});
