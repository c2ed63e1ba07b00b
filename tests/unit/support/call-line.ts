import type { CallLine } from '../../../src/stores/calls';

/** A call line as the calls store holds it; an outgoing call that is being placed unless told otherwise. */
export function callLine(overrides: Partial<CallLine> = {}): CallLine {
  return {
    id: 'c1',
    direction: 'outgoing',
    state: 'calling',
    remote: { displayName: undefined, number: '1001', uri: 'sip:1001@127.0.0.1' },
    hold: { local: false, remote: false },
    holdPending: undefined,
    muted: false,
    startedAt: undefined,
    endedAt: undefined,
    end: undefined,
    notice: undefined,
    receivedDigits: '',
    transferStatus: undefined,
    ...overrides,
  };
}
