import type { CallLine, CallsState } from './state';

export interface CallsActions {
  /** Adds a new call; a call we place becomes the selected line, as does the first line. */
  addLine(line: CallLine): void;
  updateLine(id: string, patch: Partial<Omit<CallLine, 'id'>>): void;
  /** Appends a DTMF digit the far end sent to the line's received digits. */
  addReceivedDigit(id: string, digit: string): void;
  /**
   * Puts `line` where the line `replacedId` was (an attended transfer's call replacing ours,
   * RFC 3891), selected if that one was; appended when that line is gone.
   */
  replaceLine(replacedId: string, line: CallLine): void;
  /** Removes a line; if it was selected, the newest remaining live line is selected. */
  removeLine(id: string): void;
  select(id: string): void;
}

type SetState = (update: (state: CallsState) => Partial<CallsState>) => void;

/** Plain record-keeping: the call service decides what happened; the store only records it. */
export function createCallsActions(set: SetState): CallsActions {
  return {
    addLine: (line) =>
      set(({ lines, selectedId }) => ({
        lines: [...lines.filter((l) => l.id !== line.id), line],
        selectedId: line.direction === 'outgoing' || selectedId === undefined ? line.id : selectedId,
      })),
    updateLine: (id, patch) =>
      set(({ lines }) => ({ lines: lines.map((line) => (line.id === id ? { ...line, ...patch } : line)) })),
    addReceivedDigit: (id, digit) =>
      set(({ lines }) => ({
        lines: lines.map((line) => (line.id === id ? { ...line, receivedDigits: line.receivedDigits + digit } : line)),
      })),
    replaceLine: (replacedId, line) =>
      set(({ lines, selectedId }) => {
        const others = lines.filter((l) => l.id !== line.id);
        if (!others.some((l) => l.id === replacedId)) return { lines: [...others, line], selectedId: selectedId ?? line.id };
        return { lines: others.map((l) => (l.id === replacedId ? line : l)), selectedId: selectedId === replacedId ? line.id : selectedId };
      }),
    removeLine: (id) =>
      set(({ lines, selectedId }) => {
        const remaining = lines.filter((line) => line.id !== id);
        if (selectedId !== id) return { lines: remaining };
        const live = remaining.filter((line) => line.state !== 'ended');
        return { lines: remaining, selectedId: (live.at(-1) ?? remaining.at(-1))?.id };
      }),
    select: (id) => set(({ lines }) => (lines.some((line) => line.id === id) ? { selectedId: id } : {})),
  };
}
