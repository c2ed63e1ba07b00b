import { describe, expect, it } from 'vitest';
import { nextUpdateState, type UpdateState } from '../../../src/pwa/update-policy';

const NONE: UpdateState = { kind: 'none' };
const OFFERED: UpdateState = { kind: 'offered' };

describe('when an update may be applied', () => {
  it('offers a new version when one is found', () => {
    expect(nextUpdateState(NONE, 'found', false)).toEqual({ state: OFFERED });
    expect(nextUpdateState(NONE, 'found', true)).toEqual({ state: OFFERED });
  });

  it('activates the new version at once when the user accepts with no call live', () => {
    expect(nextUpdateState(OFFERED, 'accepted', false)).toEqual({ state: { kind: 'applying' }, effect: 'activate' });
  });

  it('waits for the call to end when the user accepts during one', () => {
    expect(nextUpdateState(OFFERED, 'accepted', true)).toEqual({ state: { kind: 'after-call', then: 'activate' } });
  });

  it('applies a waiting update once the calls have ended, not while one is still live', () => {
    const waiting: UpdateState = { kind: 'after-call', then: 'activate' };
    expect(nextUpdateState(waiting, 'calls-ended', true)).toEqual({ state: waiting });
    expect(nextUpdateState(waiting, 'calls-ended', false)).toEqual({ state: { kind: 'applying' }, effect: 'activate' });
  });

  it('reloads when the new version takes control, unless a call is live', () => {
    expect(nextUpdateState({ kind: 'applying' }, 'new-version-controls', false)).toEqual({ state: { kind: 'applying' }, effect: 'reload' });
    // Another tab activated the new version while this one has a call: reload after it.
    expect(nextUpdateState(OFFERED, 'new-version-controls', true)).toEqual({ state: { kind: 'after-call', then: 'reload' } });
    expect(nextUpdateState({ kind: 'after-call', then: 'reload' }, 'calls-ended', false)).toEqual({
      state: { kind: 'applying' },
      effect: 'reload',
    });
  });

  it('ignores an accept with nothing offered and a second find', () => {
    expect(nextUpdateState(NONE, 'accepted', false)).toEqual({ state: NONE });
    const waiting: UpdateState = { kind: 'after-call', then: 'activate' };
    expect(nextUpdateState(waiting, 'found', false)).toEqual({ state: waiting });
  });
});
