import { useEffect, useState } from 'react';

/** The current time, re-read every `intervalMs` while `active`: drives call timers. */
export function useNow(active: boolean, intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const tick = () => setNow(Date.now());
    // Catch up at once: the value may be stale from before the timer was paused.
    const first = setTimeout(tick, 0);
    const handle = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(handle);
    };
  }, [active, intervalMs]);
  return now;
}
