import { describe, expect, it } from 'vitest';
import { createPhoneService, type PhoneAgent } from '../../../src/services/phone-service';
import { UserAgent, type PingResult, type RegistrationState, type UserAgentEvents } from '../../../src/sip';
import { Emitter } from '../../../src/sip/util/emitter';
import {
  createAccountStore,
  selectStatusDetail,
  selectStatusText,
  selectTransportText,
} from '../../../src/stores/account';
import { FakeClock, seededRandom } from '../support/fake-clock';
import { FakeWsServer } from '../support/fake-ws-server';

/** The slice of UserAgent the service drives; the test emits its events and settles stop() by hand. */
class FakeAgent extends Emitter<UserAgentEvents> implements PhoneAgent {
  registrationState: RegistrationState = 'unregistered';
  registrationCause: string | undefined = undefined;
  starts = 0;
  stops = 0;
  private finishStop: (() => void) | undefined;

  start(): void {
    this.starts++;
  }

  stop(): Promise<void> {
    this.stops++;
    return new Promise((resolve) => (this.finishStop = resolve));
  }

  emit<K extends keyof UserAgentEvents>(event: K, ...args: UserAgentEvents[K]): void {
    this.safeEmit(event, ...args);
  }

  stopped(): void {
    this.finishStop?.();
  }

  pinged: string[] = [];

  ping(target: string): Promise<PingResult> {
    this.pinged.push(target);
    return Promise.resolve({ reachable: true, status: 200, reason: 'OK', allow: ['OPTIONS'], accept: [], supported: [], rttMs: 4 });
  }
}

function setup() {
  const agent = new FakeAgent();
  const store = createAccountStore();
  const service = createPhoneService(agent, store);
  return { agent, store, service, text: () => selectStatusText(store.getState()) };
}

describe('phone service with a fake agent', () => {
  it("copies the agent's current registration state into the store when created", () => {
    const agent = new FakeAgent();
    agent.registrationState = 'failed';
    agent.registrationCause = 'Server unreachable: connection closed';
    const store = createAccountStore();
    createPhoneService(agent, store);
    expect(store.getState().registration).toEqual({ state: 'failed', cause: 'Server unreachable: connection closed' });
    expect(selectStatusText(store.getState())).toBe('Registration failed: Server unreachable: connection closed');
  });

  it('starts the agent only when asked', () => {
    const { agent, service } = setup();
    expect(agent.starts).toBe(0);
    service.start();
    expect(agent.starts).toBe(1);
  });

  it('puts every registration event into the store, cause included', () => {
    const { agent, store, text } = setup();
    agent.emit('registration', 'registering', 'Connecting to ws://127.0.0.1:5070');
    expect(text()).toBe('Registering…');
    expect(selectStatusDetail(store.getState())).toBe('Connecting to ws://127.0.0.1:5070');
    agent.emit('registration', 'registered');
    expect(text()).toBe('Registered');
    agent.emit('registration', 'failed', 'Wrong user name or password');
    expect(text()).toBe('Registration failed: Wrong user name or password');
    agent.emit('registration', 'unregistered');
    expect(text()).toBe('Offline');
  });

  it('puts every transport event into the store, cause included', () => {
    const { agent, store } = setup();
    agent.emit('transport', 'connecting');
    expect(selectTransportText(store.getState())).toBe('Connecting…');
    agent.emit('transport', 'failed', 'no answer from ws://127.0.0.1:5070 within 10 s');
    expect(store.getState().transport).toEqual({ state: 'failed', cause: 'no answer from ws://127.0.0.1:5070 within 10 s' });
    agent.emit('transport', 'connected');
    expect(store.getState().transport).toEqual({ state: 'connected', cause: undefined });
  });

  it('keeps reporting what the agent says while it un-registers, and stops listening once it has', async () => {
    const { agent, service, text } = setup();
    agent.emit('registration', 'registered');
    let done = false;
    const stopping = service.stop().then(() => (done = true));
    expect(agent.stops).toBe(1);

    agent.emit('registration', 'registering', 'Unregistering');
    expect(text()).toBe('Registering…');
    agent.emit('registration', 'unregistered');
    expect(text()).toBe('Offline');
    await Promise.resolve();
    expect(done).toBe(false);

    agent.stopped();
    await stopping;
    agent.emit('registration', 'registered');
    agent.emit('transport', 'connected');
    expect(text()).toBe('Offline');
  });

  it('stops the agent once however often stop() is called', async () => {
    const { agent, service } = setup();
    const first = service.stop();
    const second = service.stop();
    await second;
    expect(agent.stops).toBe(1);
    agent.stopped();
    await first;
    await service.stop();
    expect(agent.stops).toBe(1);
  });
});

describe('phone service with the real user agent', () => {
  it('shows a real registration, challenge included, and the un-registration on stop', async () => {
    const clock = new FakeClock();
    const server = new FakeWsServer(clock);
    const agent = new UserAgent({
      aor: 'sip:1000@127.0.0.1',
      password: 'secret1000',
      servers: ['ws://127.0.0.1:5070'],
      instanceId: '8f3c0a52-3b6e-4d5c-9a1e-2f4b6c8d0e1f',
      platform: { createWebSocket: server.factory, timers: clock, random: seededRandom(5) },
    });
    const store = createAccountStore();
    const service = createPhoneService(agent, store);
    const text = () => selectStatusText(store.getState());
    expect(text()).toBe('Offline');

    service.start();
    expect(text()).toBe('Registering…');
    expect(selectTransportText(store.getState())).toBe('Connecting…');
    clock.advance(0);
    expect(selectTransportText(store.getState())).toBe('Connected');

    const challenge = 'Digest realm="127.0.0.1", nonce="n1", algorithm=MD5, qop="auth"';
    server.reply(server.next('REGISTER'), 401, [['WWW-Authenticate', challenge]]);
    const authorized = server.next('REGISTER');
    expect(text()).toBe('Registering…');
    server.reply(authorized, 200, [['Contact', `${authorized.get('Contact')};expires=600`]]);
    expect(text()).toBe('Registered');

    const stopping = service.stop();
    const unregister = server.next('REGISTER');
    expect(unregister.expires).toBe(0);
    server.reply(unregister, 200);
    await stopping;
    expect(text()).toBe('Offline');
    expect(selectTransportText(store.getState())).toBe('Not connected');
  });
});

describe('phone service: reachability check', () => {
  it('sends the OPTIONS ping through the agent and returns what came back', async () => {
    const { agent, service } = setup();
    await expect(service.ping('sip:1001@127.0.0.1')).resolves.toMatchObject({ reachable: true, status: 200 });
    expect(agent.pinged).toEqual(['sip:1001@127.0.0.1']);
  });
});
