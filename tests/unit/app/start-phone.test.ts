import { afterEach, describe, expect, it, vi } from 'vitest';
import { version } from '../../../package.json';
import { resolveAccountConfig, type AccountConfig } from '../../../src/app/account-config';
import { accountConfigFromSettings } from '../../../src/app/account-from-settings';
import { startPhone } from '../../../src/app/start-phone';
import type { PhoneService } from '../../../src/services/phone-service';
import { buildChallenge, createResponse, parseMessage, SipRequest, verifyAuthorization } from '../../../src/sip';
import type { Logger, LogLevel } from '../../../src/sip/ports';
import { createAccountStore, selectStatusText, type AccountStore } from '../../../src/stores/account';
import { blankAccount } from '../../../src/stores/settings';

const PBX_INFO = { server: 'ws://127.0.0.1:5070', domain: '127.0.0.1', demoUsers: ['1000', '1001'] };
const REALM = '127.0.0.1';

/** Stands in for the browser's WebSocket: the test opens it and plays the PBX by hand. */
class FakeWebSocket {
  static readonly instances: FakeWebSocket[] = [];
  readyState = 0;
  protocol = '';
  binaryType = 'blob';
  readonly sent: string[] = [];
  onopen: (() => void) | null = null;
  onclose: ((ev: { code: number; reason: string }) => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;

  constructor(
    readonly url: string,
    readonly protocols: string[],
  ) {
    FakeWebSocket.instances.push(this);
  }

  send(data: string): void {
    this.sent.push(data);
  }

  close(): void {
    this.readyState = 3;
  }

  open(): void {
    this.readyState = 1;
    this.protocol = 'sip';
    this.onopen?.();
  }

  /** The SIP requests sent so far, keep-alive pings left out. */
  requests(): SipRequest[] {
    return this.sent.filter((text) => text.trim() !== '').map((text) => parseMessage(text) as SipRequest);
  }

  reply(request: SipRequest, status: number, headers: [string, string][] = []): void {
    const response = createResponse(request, status, undefined, 'pbx1');
    for (const [name, value] of headers) response.append(name, value);
    this.onmessage?.({ data: response.toString() });
  }
}

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

function recordingLogger() {
  const entries: { level: LogLevel; message: string }[] = [];
  const logger: Logger = { log: (level, message) => entries.push({ level, message }) };
  return { logger, entries };
}

const silentRinger = { ring: () => undefined, stop: () => undefined };

let running: { service: PhoneService; socket: FakeWebSocket } | undefined;

afterEach(async () => {
  try {
    if (running) {
      // Tests leave the account registered; answering the un-REGISTER lets stop() end without Timer F.
      const { service, socket } = running;
      running = undefined;
      const stopped = service.stop();
      socket.reply(socket.requests().at(-1)!, 200);
      await stopped;
    }
  } finally {
    FakeWebSocket.instances.length = 0;
    vi.unstubAllGlobals();
  }
});

/** Starts the phone for the account a URL's query names, with or without the embedded PBX. */
async function start(search: string, pbx: typeof PBX_INFO | undefined = PBX_INFO, storage = new MemoryStorage()) {
  const resolved = resolveAccountConfig(new URLSearchParams(search), pbx);
  if (!resolved.ok) throw new Error(resolved.problem);
  return startAccount(resolved.config, storage);
}

async function startAccount(account: AccountConfig, storage = new MemoryStorage()) {
  vi.stubGlobal('WebSocket', FakeWebSocket);
  const store = createAccountStore();
  const { logger } = recordingLogger();
  const service = await startPhone({ account, store, ringer: silentRinger, storage: storage as unknown as Storage, logger });
  return { store, service, storage };
}

/** Plays the PBX through one REGISTER: a 401 challenge, then 200 for the authorized retry. */
function registerWithChallenge(socket: FakeWebSocket, store: AccountStore): SipRequest {
  socket.reply(socket.requests()[0]!, 401, [['WWW-Authenticate', buildChallenge({ realm: REALM, nonce: 'n1', algorithm: 'MD5', qop: ['auth'] })]]);
  const authorized = socket.requests()[1]!;
  socket.reply(authorized, 200, [['Contact', `${authorized.get('Contact')};expires=600`]]);
  expect(selectStatusText(store.getState())).toBe('Registered');
  return authorized;
}

describe('startPhone', () => {
  it('registers the demo account of the embedded PBX with its demo password over a "sip" WebSocket', async () => {
    const { store, service } = await start('', PBX_INFO);
    expect(store.getState().identity).toEqual({ user: '1000', aor: 'sip:1000@127.0.0.1', server: 'ws://127.0.0.1:5070' });
    expect(store.getState().setupProblem).toBeUndefined();
    expect(selectStatusText(store.getState())).toBe('Registering…');

    expect(FakeWebSocket.instances).toHaveLength(1);
    const socket = FakeWebSocket.instances[0]!;
    running = { service, socket };
    expect(socket.url).toBe('ws://127.0.0.1:5070');
    expect(socket.protocols).toEqual(['sip']);
    expect(socket.binaryType).toBe('arraybuffer');

    socket.open();
    const authorized = registerWithChallenge(socket, store);
    const verdict = verifyAuthorization(authorized.get('Authorization')!, {
      method: 'REGISTER',
      realm: REALM,
      password: 'secret1000',
      isNonceValid: (nonce) => nonce === 'n1',
    });
    expect(verdict).toMatchObject({ ok: true, username: '1000' });
  });

  it('sends the install instance id it stored and the package version in User-Agent', async () => {
    const { store, service, storage } = await start('?user=1001', PBX_INFO);
    const socket = FakeWebSocket.instances[0]!;
    running = { service, socket };
    socket.open();
    const register = registerWithChallenge(socket, store);

    const instanceId = storage.items.get('tabphone.instance-id');
    expect(instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(register.contact[0]!.params.get('+sip.instance')).toBe(`"<urn:uuid:${instanceId}>"`);
    expect(register.get('User-Agent')).toBe(`Tabphone/${version}`);
    expect(register.from.uri.toString()).toBe('sip:1001@127.0.0.1');
  });

  it('un-registers on stop() and reports the account offline', async () => {
    const { store, service } = await start('', PBX_INFO);
    const socket = FakeWebSocket.instances[0]!;
    socket.open();
    registerWithChallenge(socket, store);

    const stopped = service.stop();
    const unregister = socket.requests().at(-1)!;
    expect(unregister.method).toBe('REGISTER');
    expect(unregister.expires).toBe(0);
    socket.reply(unregister, 200);
    await stopped;
    expect(selectStatusText(store.getState())).toBe('Offline');
    expect(socket.readyState).toBe(3);
  });

  it('uses ?server when the page has no embedded PBX', async () => {
    const { store, service } = await start('?server=ws://127.0.0.1:8088&password=pw', undefined);
    const socket = FakeWebSocket.instances[0]!;
    running = { service, socket };
    expect(socket.url).toBe('ws://127.0.0.1:8088');
    expect(store.getState().identity).toEqual({ user: '1000', aor: 'sip:1000@127.0.0.1', server: 'ws://127.0.0.1:8088' });
    socket.open();
    registerWithChallenge(socket, store);
  });

  it('registers a saved account with its auth user, display name, outbound proxy and expiry, failing over between its servers in order', async () => {
    const saved = {
      ...blankAccount('a1'),
      displayName: 'Alice',
      user: 'alice',
      authUser: 'a-auth',
      password: 'pw',
      domain: 'example.test',
      servers: ['ws://127.0.0.1:9001', 'ws://127.0.0.1:9002'],
      outboundProxy: 'sip:edge.example.test',
      registerExpires: 300,
    };
    const { store, service } = await startAccount(accountConfigFromSettings(saved));
    expect(store.getState().identity).toEqual({
      user: 'alice',
      aor: 'sip:alice@example.test',
      displayName: 'Alice',
      server: 'ws://127.0.0.1:9001, ws://127.0.0.1:9002',
    });
    const first = FakeWebSocket.instances[0]!;
    expect(first.url).toBe('ws://127.0.0.1:9001');
    first.onclose?.({ code: 1006, reason: '' });
    await vi.waitFor(() => expect(FakeWebSocket.instances.map((s) => s.url)).toContain('ws://127.0.0.1:9002'));
    const socket = FakeWebSocket.instances.at(-1)!;
    running = { service, socket };
    socket.open();
    const register = socket.requests()[0]!;
    expect(register.from.toString()).toContain('"Alice" <sip:alice@example.test>');
    expect(register.expires).toBe(300);
    expect(register.getAll('Route')).toEqual(['<sip:edge.example.test;lr>']);
    socket.reply(register, 401, [['WWW-Authenticate', buildChallenge({ realm: REALM, nonce: 'n1', algorithm: 'MD5', qop: ['auth'] })]]);
    const authorized = socket.requests()[1]!;
    expect(verifyAuthorization(authorized.get('Authorization')!, { method: 'REGISTER', realm: REALM, password: 'pw', isNonceValid: () => true })).toMatchObject({
      ok: true,
      username: 'a-auth',
    });
    socket.reply(authorized, 200, [['Contact', `${authorized.get('Contact')};expires=300`]]);
  });
});
