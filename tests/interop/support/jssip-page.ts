import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { keepPeerConnections } from '../../e2e/support/peer-connections';
import { repoRoot } from '../../e2e/support/build-app';
import { interopContext, labPassword } from './interop-context';
import { waitUntil } from './wait';

/** What the JsSIP far end has seen, kept in its page. */
export interface JssipState {
  registered: boolean;
  /** Session events in order: "incoming", "progress", "accepted", "confirmed", "ended", "failed". */
  sessionEvents: string[];
  /** Bodies of MESSAGEs it received, and the outcome of those it sent ("sent: <body>" / "failed: …"). */
  received: string[];
  sent: string[];
}

declare global {
  interface Window {
    JsSIP?: typeof import('jssip');
    __jssip?: JssipState & {
      call(target: string): void;
      answer(): void;
      hangup(): void;
      message(target: string, body: string): void;
    };
  }
}

export interface JssipPeer {
  page: Page;
  user: string;
  state(): Promise<JssipState>;
  /** Waits until the session events include `event`. */
  waitForSession(event: string, timeoutMs?: number): Promise<void>;
  call(target: string): Promise<void>;
  answer(): Promise<void>;
  hangup(): Promise<void>;
  message(target: string, body: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Bundles JsSIP (the devDependency) for the browser: one IIFE setting window.JsSIP. Returns the
 * script's text.
 */
export async function bundleJssip(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-jssip-'));
  try {
    const entry = path.join(dir, 'entry.js');
    // JsSIP is CommonJS: take its exports object whole, as its own browser build would.
    const jssip = JSON.stringify(path.join(repoRoot, 'node_modules/jssip/lib/JsSIP.js'));
    await writeFile(entry, `import JsSIP from ${jssip};\nwindow.JsSIP = JsSIP;\n`);
    await build({
      configFile: false,
      logLevel: 'silent',
      root: dir,
      mode: 'production',
      build: {
        outDir: path.join(dir, 'out'),
        emptyOutDir: true,
        minify: false,
        copyPublicDir: false,
        lib: { entry, formats: ['iife'], name: 'JsSIPBundle', fileName: () => 'jssip.js' },
      },
    });
    return await readFile(path.join(dir, 'out/jssip.js'), 'utf8');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Serves the peer page and the JsSIP bundle on 127.0.0.1 (a secure context for getUserMedia). */
function servePeerPage(jssipScript: string): Promise<{ url: string; close(): Promise<void> }> {
  const page = '<!doctype html><title>JsSIP peer</title><audio id="remote" autoplay></audio><script src="jssip.js"></script>';
  const server = createServer((request, response) => {
    const isScript = request.url === '/jssip.js';
    response.writeHead(200, { 'content-type': isScript ? 'text/javascript' : 'text/html' });
    response.end(isScript ? jssipScript : page);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          server.closeAllConnections();
        }),
      });
    });
  });
}

/**
 * Opens a JsSIP 3.13 user agent in a page of its own, registered as `user` with the lab's
 * Kamailio over ws://. It answers incoming calls by itself and plays the remote audio through an
 * <audio> element.
 */
export async function openJssip(browser: Browser, jssipScript: string, user: string): Promise<JssipPeer> {
  const { lab } = interopContext();
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(keepPeerConnections);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  // A real loopback server: Chromium's local-network-access checks refuse a WebSocket to
  // 127.0.0.1 from a page that Playwright fulfilled itself (page.route).
  const server = await servePeerPage(jssipScript);
  await page.goto(`${server.url}/peer.html`);
  await page.evaluate(
    ({ wsUrl, uri, password }) => {
      const JsSIP = window.JsSIP!;
      const state: JssipState = { registered: false, sessionEvents: [], received: [], sent: [] };
      const ua = new JsSIP.UA({ sockets: [new JsSIP.WebSocketInterface(wsUrl)], uri, password, session_timers: false });
      let session: ReturnType<typeof ua.call> | undefined;
      const audio = document.getElementById('remote') as HTMLAudioElement;
      const media = { mediaConstraints: { audio: true, video: false } };
      const watch = (s: NonNullable<typeof session>) => {
        session = s;
        for (const name of ['progress', 'accepted', 'confirmed', 'ended', 'failed'] as const) {
          s.on(name, () => state.sessionEvents.push(name));
        }
        const play = () => {
          s.connection?.addEventListener('track', (event: RTCTrackEvent) => (audio.srcObject = event.streams[0] ?? new MediaStream([event.track])));
        };
        if (s.connection) play();
        else s.on('peerconnection', play);
      };
      ua.on('registered', () => (state.registered = true));
      ua.on('newRTCSession', (event: { originator: string; session: NonNullable<typeof session> }) => {
        if (event.originator !== 'remote') return;
        state.sessionEvents.push('incoming');
        watch(event.session);
        event.session.answer(media);
      });
      ua.on('newMessage', (event: { originator: string; request: { body: string } }) => {
        if (event.originator === 'remote') state.received.push(event.request.body);
      });
      window.__jssip = Object.assign(state, {
        call: (target: string) => watch(ua.call(target, media)),
        answer: () => session?.answer(media),
        hangup: () => session?.terminate(),
        message: (target: string, body: string) =>
          ua.sendMessage(target, body, {
            eventHandlers: {
              succeeded: () => state.sent.push(`sent: ${body}`),
              failed: (e) => state.sent.push(`failed: ${String(e.cause)}`),
            },
          }),
      });
      ua.start();
    },
    { wsUrl: lab.wsUrl, uri: `sip:${user}@${lab.domain}`, password: labPassword(user) },
  );

  const state = () => page.evaluate(() => {
    const s = window.__jssip!;
    return { registered: s.registered, sessionEvents: [...s.sessionEvents], received: [...s.received], sent: [...s.sent] };
  });
  const peer: JssipPeer = {
    page,
    user,
    state,
    async waitForSession(event, timeoutMs = 15_000) {
      await waitUntil(async () => (await state()).sessionEvents.includes(event), timeoutMs, async () => `JsSIP ${user} session events: ${(await state()).sessionEvents.join(', ')}`);
    },
    call: (target) => page.evaluate((t) => window.__jssip!.call(t), target),
    answer: () => page.evaluate(() => window.__jssip!.answer()),
    hangup: () => page.evaluate(() => window.__jssip!.hangup()),
    message: (target, body) => page.evaluate(([t, b]) => window.__jssip!.message(t!, b!), [target, body]),
    async close() {
      await context.close();
      await server.close();
    },
  };
  await waitUntil(async () => (await state()).registered, 15_000, () => `JsSIP ${user} did not register with ${lab.wsUrl}; page errors: ${problems.join('; ')}`);
  return peer;
}
