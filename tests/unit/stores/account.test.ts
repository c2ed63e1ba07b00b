import { describe, expect, it } from 'vitest';
import { WRONG_CREDENTIALS, type RegistrationState } from '../../../src/sip';
import type { TransportState } from '../../../src/sip/transport';
import {
  createAccountStore,
  selectIdentity,
  selectStatusDetail,
  selectStatusText,
  selectStatusTone,
  selectTransportText,
  type AccountStore,
  type StatusTone,
} from '../../../src/stores/account';

const IDENTITY = { user: '1000', aor: 'sip:1000@127.0.0.1', server: 'ws://127.0.0.1:5070' };

function storeWith(setup: (actions: ReturnType<AccountStore['getState']>) => void = () => {}) {
  const store = createAccountStore();
  setup(store.getState());
  return store.getState();
}

describe('account store: initial state', () => {
  it('starts offline, not connected, with no identity and nothing to explain', () => {
    const state = storeWith();
    expect(selectIdentity(state)).toBeUndefined();
    expect(state.setupProblem).toBeUndefined();
    expect(selectStatusText(state)).toBe('Offline');
    expect(selectStatusTone(state)).toBe('offline');
    expect(selectStatusDetail(state)).toBeUndefined();
    expect(selectTransportText(state)).toBe('Not connected');
  });

  it('gives every store its own state', () => {
    const a = createAccountStore();
    const b = createAccountStore();
    a.getState().setRegistration('registered');
    expect(selectStatusText(b.getState())).toBe('Offline');
  });
});

describe('account store: status headline and tone for each registration state', () => {
  const cases: [RegistrationState, string | undefined, string, StatusTone][] = [
    ['registered', undefined, 'Registered', 'ok'],
    ['registered', 'Registered with ws://127.0.0.1:5070', 'Registered', 'ok'],
    ['registering', undefined, 'Registering…', 'pending'],
    ['registering', 'Connecting to ws://127.0.0.1:5070', 'Registering…', 'pending'],
    ['unregistered', undefined, 'Offline', 'offline'],
    ['unregistered', 'Stopped', 'Offline', 'offline'],
    ['failed', 'Server unreachable: connection closed', 'Registration failed: Server unreachable: connection closed', 'error'],
    ['failed', WRONG_CREDENTIALS, `Registration failed: ${WRONG_CREDENTIALS}`, 'error'],
    ['failed', '503 Service Unavailable; retrying in 30 s', 'Registration failed: 503 Service Unavailable; retrying in 30 s', 'error'],
    ['failed', '', 'Registration failed', 'error'],
    ['failed', undefined, 'Registration failed', 'error'],
  ];

  it.each(cases)('shows %s with cause %j as %j (%s)', (registration, cause, text, tone) => {
    const state = storeWith((s) => s.setRegistration(registration, cause));
    expect(selectStatusText(state)).toBe(text);
    expect(selectStatusTone(state)).toBe(tone);
  });

  it('writes "Registering…" with a single ellipsis character', () => {
    const text = selectStatusText(storeWith((s) => s.setRegistration('registering')));
    expect(text).toBe('Registering\u2026');
    expect(text).not.toContain('...');
  });

  it('follows the latest registration state, dropping the previous cause', () => {
    const state = storeWith((s) => {
      s.setRegistration('failed', 'Server unreachable: connection closed');
      s.setRegistration('registering');
    });
    expect(state.registration).toEqual({ state: 'registering', cause: undefined });
    expect(selectStatusText(state)).toBe('Registering…');
  });
});

describe('account store: setup problems', () => {
  it.each<RegistrationState>(['registered', 'registering', 'failed', 'unregistered'])(
    'shows Offline with the problem as detail even when the registration says %s',
    (registration) => {
      const state = storeWith((s) => {
        s.setRegistration(registration, 'some cause');
        s.setSetupProblem('The user "a b" is not a valid SIP user name');
      });
      expect(selectStatusText(state)).toBe('Offline');
      expect(selectStatusTone(state)).toBe('offline');
      expect(selectStatusDetail(state)).toBe('The user "a b" is not a valid SIP user name');
    },
  );

  it('clears the setup problem once an identity is set', () => {
    const state = storeWith((s) => {
      s.setSetupProblem('No SIP server known');
      s.setIdentity(IDENTITY);
      s.setRegistration('registering');
    });
    expect(state.setupProblem).toBeUndefined();
    expect(selectIdentity(state)).toEqual(IDENTITY);
    expect(selectStatusText(state)).toBe('Registering…');
  });

  it('keeps the identity when a setup problem follows it', () => {
    const state = storeWith((s) => {
      s.setIdentity(IDENTITY);
      s.setSetupProblem('No SIP server known');
    });
    expect(selectIdentity(state)).toEqual(IDENTITY);
    expect(selectStatusText(state)).toBe('Offline');
  });
});

describe('account store: status detail', () => {
  it('explains a pending registration with its cause', () => {
    const state = storeWith((s) => s.setRegistration('registering', 'Connecting to ws://127.0.0.1:5070'));
    expect(selectStatusDetail(state)).toBe('Connecting to ws://127.0.0.1:5070');
  });

  it("falls back to the transport's cause when the registration gives none", () => {
    const state = storeWith((s) => {
      s.setTransport('failed', 'no answer from ws://127.0.0.1:5070 within 10 s');
      s.setRegistration('unregistered');
    });
    expect(selectStatusDetail(state)).toBe('no answer from ws://127.0.0.1:5070 within 10 s');
  });

  it('prefers the registration cause over the transport cause', () => {
    const state = storeWith((s) => {
      s.setTransport('connecting', 'connection closed (1006)');
      s.setRegistration('registering', 'Connecting to ws://127.0.0.1:5070');
    });
    expect(selectStatusDetail(state)).toBe('Connecting to ws://127.0.0.1:5070');
  });

  it('adds nothing when registered, even if the transport had a cause', () => {
    const state = storeWith((s) => {
      s.setTransport('connected', 'reconnected');
      s.setRegistration('registered', 'Registered with ws://127.0.0.1:5070');
    });
    expect(selectStatusDetail(state)).toBeUndefined();
  });

  it('adds nothing when failed: the headline already carries the cause', () => {
    const state = storeWith((s) => {
      s.setTransport('failed', 'connection refused');
      s.setRegistration('failed', WRONG_CREDENTIALS);
    });
    expect(selectStatusDetail(state)).toBeUndefined();
  });
});

describe('account store: transport', () => {
  it.each<[TransportState, string]>([
    ['disconnected', 'Not connected'],
    ['connecting', 'Connecting…'],
    ['connected', 'Connected'],
    ['failed', 'Connection failed'],
  ])('describes the %s transport as %j', (transport, text) => {
    const state = storeWith((s) => s.setTransport(transport, 'why'));
    expect(selectTransportText(state)).toBe(text);
    expect(state.transport).toEqual({ state: transport, cause: 'why' });
  });

  it('leaves the registration headline to the registration state', () => {
    const state = storeWith((s) => {
      s.setRegistration('registered');
      s.setTransport('failed', 'connection closed');
    });
    expect(selectStatusText(state)).toBe('Registered');
  });
});

describe('account store: subscribers', () => {
  it('notifies subscribers once per action with a fresh registration object', () => {
    const store = createAccountStore();
    const seen: unknown[] = [];
    store.subscribe((state, previous) => seen.push([state.registration, previous.registration]));
    const before = store.getState().registration;
    store.getState().setRegistration('registering', 'Connecting to ws://127.0.0.1:5070');
    expect(seen).toHaveLength(1);
    expect(store.getState().registration).not.toBe(before);
    expect(seen[0]).toEqual([
      { state: 'registering', cause: 'Connecting to ws://127.0.0.1:5070' },
      { state: 'unregistered', cause: undefined },
    ]);
  });

  it('keeps actions available after state changes', () => {
    const store = createAccountStore();
    store.getState().setIdentity(IDENTITY);
    store.getState().setTransport('connected');
    store.getState().setRegistration('registered');
    expect(selectStatusText(store.getState())).toBe('Registered');
    expect(selectTransportText(store.getState())).toBe('Connected');
  });
});
