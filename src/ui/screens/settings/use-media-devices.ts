import { useCallback, useEffect, useState } from 'react';

/** Audio devices the browser lists (enumerateDevices), refreshed when one is plugged in or out. */
export function useMediaDevices(): { devices: MediaDeviceInfo[]; revealNames(): Promise<void> } {
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);

  useEffect(() => {
    const media = navigator.mediaDevices;
    if (!media?.enumerateDevices) return;
    let live = true;
    const list = () =>
      void media.enumerateDevices().then((found) => {
        if (live) setDevices(found);
      });
    list();
    media.addEventListener('devicechange', list);
    return () => {
      live = false;
      media.removeEventListener('devicechange', list);
    };
  }, []);

  // Browsers hide device names until the page may use the microphone; asking once reveals them.
  const revealNames = useCallback(async () => {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
    setDevices(await navigator.mediaDevices.enumerateDevices());
  }, []);

  return { devices, revealNames };
}
