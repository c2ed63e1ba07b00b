import { describe, expect, it } from 'vitest';
import { createUpdateController } from '../../../src/pwa/update-controller';
import { createCallsStore, selectHasLiveCall } from '../../../src/stores/calls';
import { callLine } from '../support/call-line';

function setup() {
  const calls = createCallsStore();
  const effects: string[] = [];
  const controller = createUpdateController({
    hasLiveCall: () => selectHasLiveCall(calls.getState()),
    onCallsChange: (listener) => calls.subscribe(listener),
    activate: () => void effects.push('activate'),
    reload: () => void effects.push('reload'),
  });
  return { calls, effects, controller };
}

describe('the update controller', () => {
  it('activates and reloads straight away when no call is live', () => {
    const { effects, controller } = setup();
    controller.found();
    expect(controller.state.getState().kind).toBe('offered');
    controller.accept();
    controller.newVersionControls();
    expect(effects).toEqual(['activate', 'reload']);
  });

  it('never reloads during a call, and updates as soon as the call is over', () => {
    const { calls, effects, controller } = setup();
    calls.getState().addLine(callLine({ id: 'a', state: 'established' }));
    controller.found();
    controller.accept();
    expect(controller.state.getState()).toEqual({ kind: 'after-call', then: 'activate' });
    calls.getState().updateLine('a', { muted: true });
    expect(effects).toEqual([]);

    calls.getState().updateLine('a', { state: 'ended' });
    expect(effects).toEqual(['activate']);
    controller.newVersionControls();
    expect(effects).toEqual(['activate', 'reload']);
  });

  it('waits for the call when another tab activated the new version', () => {
    const { calls, effects, controller } = setup();
    calls.getState().addLine(callLine({ id: 'a', direction: 'incoming', state: 'incoming' }));
    controller.found();
    controller.newVersionControls();
    expect(effects).toEqual([]);
    calls.getState().removeLine('a');
    expect(effects).toEqual(['reload']);
  });
});
