/**
 * When a new version of the app may take over. The service worker is in prompt mode: a new
 * version waits until the user accepts it, and even then an update never reloads a page with a
 * live call — it waits for the calls to end.
 *
 *   none ──found──▶ offered ──accepted──▶ applying (activate the new worker)
 *                      │                     ▲
 *                      └── accepted in call ─┴─ after-call ◀── new version controls, in call
 *
 * "new version controls" comes when any tab activated the new worker: this page then runs on a
 * new worker with old code and must reload, but again only once no call is live.
 */
export type UpdateState =
  | { kind: 'none' }
  | { kind: 'offered' }
  | { kind: 'after-call'; then: UpdateEffect }
  | { kind: 'applying' };

/** activate: tell the waiting worker to take over; reload: load the new version's page. */
export type UpdateEffect = 'activate' | 'reload';

export type UpdateEvent = 'found' | 'accepted' | 'new-version-controls' | 'calls-ended';

export function nextUpdateState(
  state: UpdateState,
  event: UpdateEvent,
  liveCall: boolean,
): { state: UpdateState; effect?: UpdateEffect } {
  switch (event) {
    case 'found':
      return { state: state.kind === 'none' ? { kind: 'offered' } : state };
    case 'accepted':
      return state.kind === 'offered' ? act('activate', liveCall) : { state };
    case 'new-version-controls':
      return act('reload', liveCall);
    case 'calls-ended':
      return state.kind === 'after-call' && !liveCall ? act(state.then, false) : { state };
  }
}

function act(effect: UpdateEffect, liveCall: boolean): { state: UpdateState; effect?: UpdateEffect } {
  return liveCall ? { state: { kind: 'after-call', then: effect } } : { state: { kind: 'applying' }, effect };
}
