import { describe, it, expect } from 'vitest';
import { canTransition, type TransportState } from '../../../src/sip/transport/transport-state';

const STATES: TransportState[] = ['disconnected', 'connecting', 'connected', 'failed'];

describe('transport state table', () => {
  it('allows exactly the transitions drawn in the diagram', () => {
    const allowed = STATES.flatMap((from) => STATES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'disconnected→connecting',
        'disconnected→failed',
        'connecting→connecting',
        'connecting→connected',
        'connecting→failed',
        'connecting→disconnected',
        'connected→disconnected',
        'failed→connecting',
        'failed→disconnected',
      ].sort(),
    );
  });
});
