import { useStore } from 'zustand';
import { selectSoundBlocked } from '../../pwa/audio-unlock';
import { Banner } from './banner';
import { usePwa } from './pwa-context';

/** A call rings while the browser blocks sound: one click (a user gesture) lets the ringtone play. */
export function SoundBlockedBanner() {
  const { audio } = usePwa();
  const blocked = useStore(audio.sound, selectSoundBlocked);
  if (!blocked) return null;
  return (
    <Banner role="alert" action={{ label: 'Enable sound', onClick: () => void audio.unlock() }}>
      Sound is blocked — the ringtone cannot play
    </Banner>
  );
}
