import { isLive, type CallLine, type CallsState } from '../stores/calls';

/**
 * The call that system-wide controls (media keys, a notification's Hang up) act on: the line
 * the user works with when it is live, else the newest live line.
 */
export function currentCall(state: CallsState): CallLine | undefined {
  const live = state.lines.filter(isLive);
  return live.find((line) => line.id === state.selectedId) ?? live.at(-1);
}
