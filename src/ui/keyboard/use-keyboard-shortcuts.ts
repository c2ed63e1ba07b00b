import { useContext, useEffect, useRef } from 'react';
import type { CallService } from '../../services/call-service';
import { lineControls, isRingingIn, selectCurrentLine, swapPair, type CallsState } from '../../stores/calls';
import { CallServiceContext, CallsStoreContext } from '../calls-context';
import { NavigationStoreContext } from '../navigation-context';
import { DialFieldSlotContext, type DialFieldSlot } from './dial-field-slot';
import { keyTargetOf } from './key-target';
import { shortcutFor, type ShortcutAction, type ShortcutState } from './shortcuts';

/** The calls as the shortcut mapping sees them. */
export function shortcutState(state: CallsState): ShortcutState {
  const line = selectCurrentLine(state);
  const controls = line && lineControls(line);
  return {
    line:
      line && controls
        ? {
            ringingIn: isRingingIn(line),
            canHangUp: controls.hangup,
            hold: line.holdPending === undefined ? controls.hold : undefined,
            canMute: controls.mute,
            muted: line.muted,
            keypad: controls.keypad,
          }
        : undefined,
    canSwap: swapPair(state.lines) !== undefined,
  };
}

interface Targets {
  service: CallService | undefined;
  lineId: string | undefined;
  dialField: DialFieldSlot;
  prefillDial: ((text: string) => void) | undefined;
  openHelp(): void;
}

function perform(action: ShortcutAction, { service, lineId, dialField, prefillDial, openHelp }: Targets): void {
  const id = lineId ?? '';
  switch (action.type) {
    case 'dial-digit': {
      const field = dialField.current;
      // No dialpad on screen (another screen, or hidden during a call): go to one with the digit.
      if (field) field.append(action.key);
      else prefillDial?.(action.key);
      return;
    }
    case 'dtmf':
      return service?.sendDtmf(id, action.key);
    case 'call':
      return dialField.current?.submit();
    case 'answer':
      return void service?.answer(id);
    case 'decline':
      return service?.decline(id);
    case 'hangup':
      return service?.hangup(id);
    case 'hold':
      return void service?.hold(id);
    case 'resume':
      return void service?.resume(id);
    case 'mute':
    case 'unmute':
      return service?.setMuted(id, action.type === 'mute');
    case 'swap':
      return void service?.swap();
    case 'help':
      return openHelp();
  }
}

/** Listens for the phone's keyboard shortcuts on the whole document while mounted. */
export function useKeyboardShortcuts(openHelp: () => void): void {
  const calls = useContext(CallsStoreContext);
  const service = useContext(CallServiceContext);
  const navigation = useContext(NavigationStoreContext);
  const dialField = useContext(DialFieldSlotContext);
  const latest = useRef({ service, openHelp });
  useEffect(() => {
    latest.current = { service, openHelp };
  });

  useEffect(() => {
    if (!calls) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const state = calls.getState();
      const action = shortcutFor(event, keyTargetOf(event.target instanceof Element ? event.target : null), shortcutState(state));
      if (!action) return;
      event.preventDefault();
      perform(action, {
        ...latest.current,
        lineId: selectCurrentLine(state)?.id,
        dialField,
        prefillDial: navigation?.getState().prefillDial,
      });
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [calls, navigation, dialField]);
}
