import type { Logger } from '../sip/ports';
import { createAudioUnlock, type AudioUnlock } from './audio-unlock';

let audio: AudioUnlock<AudioContext> | undefined;

/**
 * The page's one AudioContext and its unlock: the ringer plays on it and the "Sound is blocked"
 * banner watches it. One per page, because the gesture that unlocks audio unlocks one context.
 * The first call (the PWA setup, at start) begins listening for that gesture.
 */
export function pageAudio(logger: Logger): AudioUnlock<AudioContext> {
  audio ??= createAudioUnlock(
    () => new AudioContext({ latencyHint: 'interactive' }),
    window,
    (error) => logger.log('warn', 'sound is blocked', error),
  );
  return audio;
}
