/** Small stroke icons for the call controls; decorative, so hidden from assistive technology. */

type IconName = 'phone' | 'hang-up' | 'pause' | 'play' | 'mic' | 'mic-off' | 'keypad' | 'backspace' | 'plus' | 'redial';

const PATHS: Record<IconName, string[]> = {
  phone: [
    'M5 4h3.5l1.7 4.3-2.2 1.4a10.5 10.5 0 0 0 6.3 6.3l1.4-2.2L20 15.5V19a1.5 1.5 0 0 1-1.6 1.5A16 16 0 0 1 3.5 5.6 1.5 1.5 0 0 1 5 4z',
  ],
  'hang-up': [
    'M3.2 13.4c4.9-4.5 12.7-4.5 17.6 0 .6.6.6 1.5 0 2.1l-1.7 1.6a1.2 1.2 0 0 1-1.6.1l-2.3-1.8a1.2 1.2 0 0 1-.4-1.2l.4-1.8a9.6 9.6 0 0 0-6.4 0l.4 1.8c.1.4 0 .9-.4 1.2l-2.3 1.8a1.2 1.2 0 0 1-1.6-.1l-1.7-1.6a1.5 1.5 0 0 1 0-2.1z',
  ],
  pause: ['M9 5v14', 'M15 5v14'],
  play: ['M7 4.5v15l12-7.5z'],
  mic: ['M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3z', 'M5 11a7 7 0 0 0 14 0', 'M12 18v3'],
  'mic-off': ['M15 9.5V6a3 3 0 0 0-5.7-1.3', 'M9 9v3a3 3 0 0 0 5 2.2', 'M5 11a7 7 0 0 0 11.4 5.4', 'M19 11a7 7 0 0 1-.5 2.6', 'M12 18v3', 'M3 3l18 18'],
  keypad: ['M6 5h.01', 'M12 5h.01', 'M18 5h.01', 'M6 11h.01', 'M12 11h.01', 'M18 11h.01', 'M6 17h.01', 'M12 17h.01', 'M18 17h.01', 'M12 21h.01'],
  backspace: ['M9 5h11a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H9l-6-7z', 'M12 9l6 6', 'M18 9l-6 6'],
  plus: ['M12 5v14', 'M5 12h14'],
  redial: ['M4 12a8 8 0 1 0 2.3-5.7', 'M4 4v4.5h4.5'],
};

export function Icon({ name, className = 'size-5' }: { name: IconName; className?: string }) {
  const dots = name === 'keypad';
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={dots ? 3 : 1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
    >
      {PATHS[name].map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
