import { afterEach, describe, expect, it, vi } from 'vitest';
import { version } from '../../../package.json';
import { startPhone } from '../../../src/app/start-phone';
import type { PhoneService } from '../../../src/services/phone-service';
import { buildChallenge, createResponse, parseMessage, SipRequest, verifyAuthorization } from '../../../src/sip';
import type { Logger, LogLevel } from '../../../src/sip/ports';
import { createAccountStore, selectStatusText, type AccountStore } from '../../../src/stores/account';

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

function fetchAnswering(body: unknown, status = 200): typeof fetch {
  return (() => Promise.resolve(Response.json(body, { status }))) as typeof fetch;
}

const notFound: typeof fetch = () => Promise.resolve(new Response('Not Found', { status: 404 }));

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

async function start(search: string, fetchFn: typeof fetch, storage = new MemoryStorage()) {
  vi.stubGlobal('WebSocket', FakeWebSocket);
  const store = createAccountStore();
  const { logger, entries } = recordingLogger();
  const service = await startPhone({ store, search, storage: storage as unknown as Storage, fetch: fetchFn, logger });
  return { store, service, entries, storage };
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
  it('reports the setup problem and builds no user agent when no SIP server is known', async () => {
    const { store, service } = await start('', notFound);
    expect(service).toBeUndefined();
    expect(store.getState().setupProblem).toBe('No SIP server known: this page was not served with an embedded PBX; add ?server=ws://…');
    expect(store.getState().identity).toBeUndefined();
    expect(selectStatusText(store.getState())).toBe('Offline');
    expect(FakeWebSocket.instances).toEqual([]);
  });

  it('refuses a malformed /embedded-pbx.json with a warning and then asks for a server', async () => {
    const { store, service, entries } = await start('', fetchAnswering({ server: 'http://127.0.0.1:5070' }));
    expect(service).toBeUndefined();
    expect(entries).toContainEqual({ level: 'warn', message: '/embedded-pbx.json has an unexpected shape' });
    expect(store.getState().setupProblem).toMatch(/^No SIP server known/);
  });

  it('reports a bad URL parameter as the setup problem', async () => {
    const { store, service } = await start('?user=a%20b', fetchAnswering(PBX_INFO));
    expect(service).toBeUndefined();
    expect(store.getState().setupProblem).toBe('The user "a b" is not a valid SIP user name');
  });

  it('registers the demo account of the embedded PBX with its demo password over a "sip" WebSocket', async () => {
    const { store, service } = await start('', fetchAnswering(PBX_INFO));
    expect(store.getState().identity).toEqual({ user: '1000', aor: 'sip:1000@127.0.0.1', server: 'ws://127.0.0.1:5070' });
    expect(store.getState().setupProblem).toBeUndefined();
    expect(selectStatusText(store.getState())).toBe('Registering…');

    expect(FakeWebSocket.instances).toHaveLength(1);
    const socket = FakeWebSocket.instances[0]!;
    running = { service: service!, socket };
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
    const { store, service, storage } = await start('?user=1001', fetchAnswering(PBX_INFO));
    const socket = FakeWebSocket.instances[0]!;
    running = { service: service!, socket };
    socket.open();
    const register = registerWithChallenge(socket, store);

    const instanceId = storage.items.get('tabphone.instance-id');
    expect(instanceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(register.contact[0]!.params.get('+sip.instance')).toBe(`"<urn:uuid:${instanceId}>"`);
    expect(register.get('User-Agent')).toBe(`Tabphone/${version}`);
    expect(register.from.uri.toString()).toBe('sip:1001@127.0.0.1');
  });

  it('un-registers on stop() and reports the account offline', async () => {
    const { store, service } = await start('', fetchAnswering(PBX_INFO));
    const socket = FakeWebSocket.instances[0]!;
    socket.open();
    registerWithChallenge(socket, store);

    const stopped = service!.stop();
    const unregister = socket.requests().at(-1)!;
    expect(unregister.method).toBe('REGISTER');
    expect(unregister.expires).toBe(0);
    socket.reply(unregister, 200);
    await stopped;
    expect(selectStatusText(store.getState())).toBe('Offline');
    expect(socket.readyState).toBe(3);
  });

  it('uses ?server when the page has no embedded PBX', async () => {
    const { store, service } = await start('?server=ws://127.0.0.1:8088&password=pw', notFound);
    const socket = FakeWebSocket.instances[0]!;
    running = { service: service!, socket };
    expect(socket.url).toBe('ws://127.0.0.1:8088');
    expect(store.getState().identity).toEqual({ user: '1000', aor: 'sip:1000@127.0.0.1', server: 'ws://127.0.0.1:8088' });
    socket.open();
    registerWithChallenge(socket, store);
  });
});
