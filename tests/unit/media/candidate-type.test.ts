import { describe, expect, it } from 'vitest';
import { candidateType } from '../../../src/media/candidate-type';

describe('candidateType', () => {
  it('takes the type the browser reports', () => {
    expect(candidateType({ type: 'relay', candidate: '' })).toBe('relay');
  });

  it('reads the typ field of the candidate line when the browser reports no type', () => {
    const line = 'candidate:842163049 1 udp 1677729535 203.0.113.7 40192 typ srflx raddr 127.0.0.1 rport 40192 generation 0';
    expect(candidateType({ type: null, candidate: line })).toBe('srflx');
  });

  it('gives undefined for an unknown type', () => {
    expect(candidateType({ candidate: 'candidate:1 1 udp 1 127.0.0.1 9 typ bogus' })).toBeUndefined();
  });
});
