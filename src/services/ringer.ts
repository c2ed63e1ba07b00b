/**
 * The incoming-call alert. "ringtone" rings loudly while no call is answered; "call-waiting" is a
 * discreet beep that does not drown a conversation in progress. ring() replaces the current
 * sound; stop() silences it.
 */
export interface Ringer {
  ring(kind: 'ringtone' | 'call-waiting'): void;
  stop(): void;
}
