import { describe, expect, it } from 'vitest';
import { waitFor } from '../../../bench/wait-for';

describe('waitFor', () => {
  it('resolves once the check holds', async () => {
    let calls = 0;
    await waitFor('the third call', () => ++calls === 3, 1_000, 1);
    expect(calls).toBe(3);
  });

  it('names what it waited for, as it stands at the timeout, when the check never holds', async () => {
    let pending = 'A, B';
    setTimeout(() => (pending = 'B'), 5);
    await expect(waitFor(() => `${pending} to register`, () => false, 30, 1)).rejects.toThrow('timed out after 30 ms waiting for B to register');
  });
});
