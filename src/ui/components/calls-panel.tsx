import { selectLines, selectSelectedId, transferPartner } from '../../stores/calls';
import { useCalls } from '../hooks/use-calls';
import { CallLineView } from './call-line';

/** Every call as a line, oldest first; a second incoming call appears below the first. */
export function CallsPanel() {
  const lines = useCalls(selectLines);
  const selectedId = useCalls(selectSelectedId);
  if (lines.length === 0) return null;
  return (
    <section aria-label="Calls">
      <ul className="flex flex-col gap-2">
        {lines.map((line) => (
          <CallLineView key={line.id} line={line} selected={line.id === selectedId} partner={transferPartner(lines, line)} />
        ))}
      </ul>
    </section>
  );
}
