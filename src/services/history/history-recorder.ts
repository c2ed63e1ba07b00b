import type { CallLine, CallLineEnd, CallsStore } from '../../stores/calls';
import type { HistoryEntry } from '../../stores/history';
import { classifyCall } from './classify-call';

export interface HistoryRecorderOptions {
  calls: CallsStore;
  /** Wall-clock ms: entry times outlive the page. */
  now: () => number;
  /** Called once per call, when it has ended. */
  record(entry: HistoryEntry): void;
}

/** What the recorder remembers of a call while it lasts. */
interface Watched {
  line: CallLine;
  time: number;
}

/**
 * A call taken over by an INVITE with Replaces (RFC 3891) leaves the store without an 'ended'
 * state of its own: its line is swapped for the new call's.
 */
const REPLACED: CallLineEnd = { originator: 'remote', cause: 'replaced', message: 'Replaced by a transferred call' };

const STOPPED: CallLineEnd = { originator: 'local', cause: 'hangup', message: 'Call ended' };

/**
 * Watches the calls store and records every call once it ends: the store already holds who the
 * far end was, the direction, when it was answered and why it ended, so the call service needs
 * no history code of its own. Returns a function that stops watching (recording the calls still up).
 */
export function startHistoryRecorder({ calls, now, record }: HistoryRecorderOptions): () => void {
  const watched = new Map<string, Watched>();
  const recorded = new Set<string>();

  const finish = (id: string, line: CallLine, end: CallLineEnd, endedAt: number | undefined) => {
    const seen = watched.get(id);
    watched.delete(id);
    recorded.add(id);
    const answered = line.startedAt !== undefined;
    const kind = classifyCall(line.direction, answered, end);
    record({
      id,
      kind,
      remote: line.remote,
      time: seen?.time ?? now(),
      durationMs: answered && endedAt !== undefined ? Math.max(0, endedAt - line.startedAt!) : undefined,
      end: { originator: end.originator, cause: end.cause, message: end.message },
      seen: kind !== 'missed',
    });
  };

  const update = (lines: readonly CallLine[]) => {
    const present = new Set<string>();
    for (const line of lines) {
      present.add(line.id);
      if (recorded.has(line.id)) continue;
      if (line.state === 'ended' && line.end) {
        finish(line.id, line, line.end, line.endedAt);
        continue;
      }
      const seen = watched.get(line.id);
      watched.set(line.id, { line, time: seen?.time ?? now() });
    }
    for (const [id, { line }] of watched) {
      if (!present.has(id)) finish(id, line, REPLACED, now());
    }
  };

  update(calls.getState().lines);
  const unsubscribe = calls.subscribe((state, previous) => {
    if (state.lines !== previous.lines) update(state.lines);
  });
  return () => {
    unsubscribe();
    // The phone stops (page closed, account switched) and hangs up what is left: the BYEs'
    // outcome comes too late to be watched, so those calls are recorded as ended now, by us.
    for (const [id, { line }] of watched) finish(id, line, STOPPED, now());
  };
}
