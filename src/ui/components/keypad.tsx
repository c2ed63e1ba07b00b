const KEYS: { key: string; letters: string }[] = [
  { key: '1', letters: '' },
  { key: '2', letters: 'ABC' },
  { key: '3', letters: 'DEF' },
  { key: '4', letters: 'GHI' },
  { key: '5', letters: 'JKL' },
  { key: '6', letters: 'MNO' },
  { key: '7', letters: 'PQRS' },
  { key: '8', letters: 'TUV' },
  { key: '9', letters: 'WXYZ' },
  { key: '*', letters: '' },
  { key: '0', letters: '+' },
  { key: '#', letters: '' },
];

interface KeypadProps {
  onKey(key: string): void;
  /** Accessible name of the key group: "Dialpad keys", "DTMF keys". */
  label: string;
  size?: 'large' | 'small';
}

/** The twelve telephone keys. Each key's accessible name is its symbol alone ("5", "*", "#"). */
export function Keypad({ onKey, label, size = 'large' }: KeypadProps) {
  const keyClass = size === 'large' ? 'h-14 rounded-2xl text-xl' : 'h-10 rounded-xl text-lg';
  return (
    <div role="group" aria-label={label} className="grid grid-cols-3 gap-2">
      {KEYS.map(({ key, letters }) => (
        <button
          key={key}
          type="button"
          aria-label={key}
          onClick={() => onKey(key)}
          className={`${keyClass} flex flex-col items-center justify-center bg-white font-medium ring-1 ring-slate-200 transition select-none hover:bg-slate-100 active:bg-slate-200 dark:bg-slate-900 dark:ring-slate-800 dark:hover:bg-slate-800 dark:active:bg-slate-700`}
        >
          <span className="leading-none">{key}</span>
          {size === 'large' && (
            <span aria-hidden="true" className="mt-0.5 h-3 text-[0.6rem] leading-3 tracking-widest text-slate-500 dark:text-slate-400">
              {letters}
            </span>
          )}
        </button>
      ))}
    </div>
  );
}
