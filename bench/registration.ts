/**
 * Registration in Node over real WebSockets (`ws`) against the embedded PBX, for Tabphone's core,
 * JsSIP and SIP.js side by side:
 *   connect + REGISTER  start → registered, through the PBX's 401 digest challenge, fresh each run;
 *   recovery            the PBX is closed while all three are registered, comes back on the same
 *                       port after a fixed outage, and each is timed from its return to registered.
 * Each library runs with its own reconnect policy (its defaults): Tabphone retries first at a random
 * moment within 0.5 s, then backs off from 1 s; JsSIP retries after 2 s and backs off; SIP.js does
 * not reconnect by default, so it gets its (deprecated, still working) reconnectionAttempts with a
 * 2 s delay and re-REGISTERs when connected, as its docs advise.
 */
import { createRequire } from 'node:module';
import { Registerer, UserAgent as SipJsUserAgent, type UserAgentOptions as SipJsOptions } from 'sip.js';
import WebSocket from 'ws';
import { startPbx, type Pbx } from '../server/pbx';
import { UserAgent } from '../src/sip';
import { FakeMediaEngine } from '../tests/unit/support/fake-media-engine';
import { nodeWebSocket } from '../tests/unit/support/node-websocket';
import { cryptoRandom, RealTimers } from '../tests/unit/support/real-timers';
import { waitFor } from './wait-for';

const require = createRequire(import.meta.url);
const JsSIP = require('jssip') as typeof import('jssip');

/** A registering client under test: starts, says when it is registered, stops. */
interface Registrant {
  readonly registered: boolean;
  stop(): Promise<void>;
}

export interface RegistrationFigures {
  /** Per client, ms from start to registered, one per run. */
  connectAndRegister: Record<string, number[]>;
  /** Per client, ms from the PBX's return to registered again, one per outage. */
  recovery: Record<string, number[]>;
}

export const CLIENTS = ['Tabphone', 'JsSIP 3.13.8', 'SIP.js 0.21.2'] as const;
type Client = (typeof CLIENTS)[number];

function startTabphone(pbxUrl: string, user: string): Registrant {
  const timers = new RealTimers();
  const agent = new UserAgent({
    aor: `sip:${user}@127.0.0.1`,
    password: `secret${user}`,
    servers: [pbxUrl],
    instanceId: `00000000-0000-4000-8000-00000000${user.padStart(4, '0')}`,
    platform: { createWebSocket: nodeWebSocket, timers, random: cryptoRandom },
    media: { engine: new FakeMediaEngine(), options: { iceServers: [], profile: 'webrtc' } },
  });
  let registered = false;
  agent.on('registration', (state) => (registered = state === 'registered'));
  agent.start();
  return {
    get registered() {
      return registered;
    },
    async stop() {
      await agent.stop();
      timers.clearAll();
    },
  };
}

function startJsSip(pbxUrl: string, user: string): Registrant {
  const ua = new JsSIP.UA({
    sockets: [new JsSIP.WebSocketInterface(pbxUrl)],
    uri: `sip:${user}@127.0.0.1`,
    password: `secret${user}`,
    register: true,
  });
  let registered = false;
  ua.on('registered', () => (registered = true));
  ua.on('unregistered', () => (registered = false));
  ua.on('registrationFailed', () => (registered = false));
  ua.on('disconnected', () => (registered = false));
  ua.start();
  return {
    get registered() {
      return registered;
    },
    async stop() {
      ua.stop();
    },
  };
}

function startSipJs(pbxUrl: string, user: string): Registrant {
  let registered = false;
  const options: SipJsOptions & { reconnectionAttempts: number; reconnectionDelay: number } = {
    uri: SipJsUserAgent.makeURI(`sip:${user}@127.0.0.1`),
    authorizationUsername: user,
    authorizationPassword: `secret${user}`,
    transportOptions: { server: pbxUrl },
    logBuiltinEnabled: false,
    reconnectionAttempts: 100,
    reconnectionDelay: 2,
    delegate: {
      // The Registerer stays "Registered" across a lost flow, so the REGISTER's 200 is what counts.
      onConnect: () => void registerer.register({ requestDelegate: { onAccept: () => (registered = true) } }),
      onDisconnect: () => (registered = false),
    },
  };
  const ua = new SipJsUserAgent(options);
  const registerer = new Registerer(ua);
  void ua.start();
  return {
    get registered() {
      return registered;
    },
    async stop() {
      await ua.stop();
    },
  };
}

/** JsSIP and SIP.js open their WebSockets with the global constructor, which Node 20 lacks. */
function provideGlobalWebSocket(): void {
  (globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
}

const STARTERS: Record<Client, (pbxUrl: string, user: string) => Registrant> = {
  Tabphone: startTabphone,
  'JsSIP 3.13.8': startJsSip,
  'SIP.js 0.21.2': startSipJs,
};

const quietPbx = (port = 0) => startPbx({ host: '127.0.0.1', port, logLevel: 'error' });

export async function measureRegistration({ runs, outages, outageMs }: { runs: number; outages: number; outageMs: number }): Promise<RegistrationFigures> {
  provideGlobalWebSocket();
  const figures: RegistrationFigures = {
    connectAndRegister: Object.fromEntries(CLIENTS.map((c) => [c, []])),
    recovery: Object.fromEntries(CLIENTS.map((c) => [c, []])),
  };
  let pbx: Pbx = await quietPbx();
  try {
    // Interleaved so that load changes hit all three alike; user 1000+run keeps each run's binding fresh.
    for (let run = 0; run < runs; run++) {
      for (const [i, client] of CLIENTS.entries()) {
        const started = performance.now();
        const registrant = STARTERS[client](pbx.url, String(1000 + i));
        await waitFor(`${client} to register`, () => registrant.registered, 10_000, 1);
        figures.connectAndRegister[client]!.push(performance.now() - started);
        await registrant.stop();
      }
    }

    // Fresh clients for each outage, so every one starts from its first reconnect delay.
    for (let outage = 0; outage < outages; outage++) {
      const registrants = CLIENTS.map((client, i) => [client, STARTERS[client](pbx.url, String(1003 + i))] as const);
      try {
        for (const [client, registrant] of registrants) await waitFor(`${client} to register`, () => registrant.registered, 10_000);
        const port = pbx.port;
        await pbx.close();
        await waitFor('every client to notice the outage', () => registrants.every(([, r]) => !r.registered), 10_000);
        await new Promise((resolve) => setTimeout(resolve, outageMs));
        pbx = await quietPbx(port);
        const back = performance.now();
        const pending = new Set(registrants);
        await waitFor(() => `${[...pending].map(([c]) => c).join(', ')} to register again`, () => {
          for (const entry of pending) {
            if (!entry[1].registered) continue;
            figures.recovery[entry[0]]!.push(performance.now() - back);
            pending.delete(entry);
          }
          return pending.size === 0;
        }, 60_000, 1);
      } finally {
        await Promise.all(registrants.map(([, r]) => r.stop()));
      }
    }
  } finally {
    await pbx.close();
  }
  return figures;
}
