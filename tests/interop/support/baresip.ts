import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../e2e/support/build-app';
import type { LabInfo } from '../../../lab/lab';
import { freePort } from './free-port';
import { labPassword } from './interop-context';
import { waitUntil } from './wait';

/** An event baresip's ctrl_tcp module streamed to us (CALL_ESTABLISHED, CALL_DTMF_START, …). */
export interface BaresipEvent {
  at: number;
  type: string;
  class?: string;
  peeruri?: string;
  param?: string;
  [key: string]: unknown;
}

export interface BaresipResponse {
  ok: boolean;
  data: string;
}

export interface BaresipOptions {
  /** The lab user it registers as over UDP (password lab<user>). */
  user: string;
  /** Answer incoming calls at once (default true). */
  autoAnswer?: boolean;
  /** Its address book: `contact_next` makes the first current, `message <text>` sends to it. */
  contacts?: string[];
}

export interface Baresip {
  user: string;
  /** Its SIP port on 127.0.0.1 (UDP): what Kamailio sends to it, in the sipdump files. */
  sipPort: number;
  /** Everything ctrl_tcp reported so far, in order. */
  readonly events: readonly BaresipEvent[];
  /** What baresip printed (its log), for failure messages. */
  output(): string;
  /** Sends a ctrl_tcp command (dial, hangup, accept, message, transfer, listcalls, …). */
  command(command: string, params?: string): Promise<BaresipResponse>;
  /** The first event (from `since` on) matching `match`; waits up to `timeoutMs`. */
  waitForEvent(match: (event: BaresipEvent) => boolean, timeoutMs?: number, since?: number): Promise<BaresipEvent>;
  /**
   * Bytes of decoded audio baresip received and wrote to WAV files (its sndfile module), summed
   * over its calls so far, and the peak sample amplitude: silence is 0.
   */
  receivedAudio(): Promise<{ bytes: number; peak: number }>;
  close(): Promise<void>;
}

/**
 * Starts a baresip of the test's own: a plain SIP phone on UDP (G.711, a 440 Hz sine as its
 * microphone), registered with the lab's Kamailio, scripted over ctrl_tcp (netstring-framed
 * JSON), recording what it hears. Its config is lab/baresip/config with ports of its own.
 */
export async function startBaresip(lab: LabInfo, options: BaresipOptions): Promise<Baresip> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `tabphone-baresip-${options.user}-`));
  const sipPort = await freePort();
  const ctrlPort = await freePort();
  const config = (await readFile(path.join(repoRoot, 'lab/baresip/config'), 'utf8'))
    .replace(/^sip_listen\s.*$/m, `sip_listen\t\t127.0.0.1:${sipPort}`)
    .replace(/^ctrl_tcp_listen\s.*$/m, `ctrl_tcp_listen\t\t127.0.0.1:${ctrlPort}`)
    .replace(/^module\s+stdio\.so$/m, '')
    .concat(`module\t\t\tsndfile.so\nsnd_path\t\t${dir}\nmodule_app\t\tcontact.so\n`);
  await writeFile(path.join(dir, 'config'), config);
  const answer = options.autoAnswer === false ? 'manual' : 'auto';
  const account = `<sip:${options.user}@${lab.domain}>;auth_pass=${labPassword(options.user)};outbound="${lab.sipUri};transport=udp";answermode=${answer};regint=600`;
  await writeFile(path.join(dir, 'accounts'), `${account}\n`);
  await writeFile(path.join(dir, 'contacts'), (options.contacts ?? []).map((uri) => `<${uri}>\n`).join(''));

  let output = '';
  const child = spawn('baresip', ['-f', dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // Its status line repeats several times a second during a call: keep the tail only.
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-50_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const events: BaresipEvent[] = [];
  let control: Control;
  try {
    control = await connectControl(ctrlPort, events, () => output);
  } catch (error) {
    await stopChild(child, exited);
    await rm(dir, { recursive: true, force: true });
    throw error;
  }

  const baresip: Baresip = {
    user: options.user,
    sipPort,
    events,
    output: () => output,
    command: (command, params) => control.send(command, params),
    async waitForEvent(match, timeoutMs = 10_000, since = 0) {
      let found: BaresipEvent | undefined;
      await waitUntil(
        () => (found = events.slice(since).find(match)) !== undefined,
        timeoutMs,
        () => `baresip ${options.user}: no matching event; events so far: ${events.map((e) => e.type).join(', ')}\n${output.slice(-2000)}`,
      );
      return found!;
    },
    async receivedAudio() {
      let bytes = 0;
      let peak = 0;
      for (const name of (await readdir(dir)).filter((n) => n.endsWith('-dec.wav'))) {
        const file = path.join(dir, name);
        bytes += Math.max(0, (await stat(file)).size - 44);
        peak = Math.max(peak, wavPeak(await readFile(file)));
      }
      return { bytes, peak };
    },
    async close() {
      control.close();
      await stopChild(child, exited);
      await rm(dir, { recursive: true, force: true });
    },
  };

  try {
    // It may register before ctrl_tcp accepts us, so ask rather than wait for REGISTER_OK.
    let registration = '';
    await waitUntil(
      async () => / OK /.test((registration = plain((await baresip.command('reginfo')).data))),
      10_000,
      () => `baresip ${options.user} did not register: ${registration}\n${output.slice(-2000)}`,
    );
  } catch (error) {
    await baresip.close();
    throw error;
  }
  return baresip;
}

/** Text without its terminal colour codes. */
function plain(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

/** The largest absolute 16-bit sample of a PCM WAV file (after its 44-byte header). */
function wavPeak(wav: Buffer): number {
  let peak = 0;
  for (let i = 44; i + 1 < wav.length; i += 2) peak = Math.max(peak, Math.abs(wav.readInt16LE(i)));
  return peak;
}

async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

interface Control {
  send(command: string, params?: string): Promise<BaresipResponse>;
  close(): void;
}

/** ctrl_tcp: netstrings ("<length>:<json>,") both ways; responses carry our token back. */
async function connectControl(port: number, events: BaresipEvent[], output: () => string): Promise<Control> {
  const socket = await connectWithRetry(port, output);
  const pending = new Map<string, (response: BaresipResponse) => void>();
  let buffer = Buffer.alloc(0);
  let nextToken = 1;

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const colon = buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(buffer.subarray(0, colon).toString());
      if (buffer.length < colon + 1 + length + 1) return;
      const json = buffer.subarray(colon + 1, colon + 1 + length).toString();
      buffer = buffer.subarray(colon + 1 + length + 1);
      const message = JSON.parse(json) as Record<string, unknown>;
      if (message.event === true) {
        events.push({ ...(message as Omit<BaresipEvent, 'at'>), at: Date.now() } as BaresipEvent);
      } else if (message.response === true && typeof message.token === 'string') {
        pending.get(message.token)?.({ ok: message.ok === true, data: String(message.data ?? '') });
        pending.delete(message.token);
      }
    }
  });

  return {
    send(command, params) {
      const token = String(nextToken++);
      const json = JSON.stringify({ command, ...(params === undefined ? {} : { params }), token });
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(token);
          reject(new Error(`baresip: no response to "${command}" in 5 s`));
        }, 5000);
        pending.set(token, (response) => {
          clearTimeout(timer);
          resolve(response);
        });
        socket.write(`${Buffer.byteLength(json)}:${json},`);
      });
    },
    close: () => socket.destroy(),
  };
}

async function connectWithRetry(port: number, output: () => string): Promise<Socket> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      return await new Promise<Socket>((resolve, reject) => {
        const socket = connect({ host: '127.0.0.1', port });
        socket.once('connect', () => resolve(socket));
        socket.once('error', reject);
      });
    } catch {
      if (Date.now() > deadline) throw new Error(`baresip did not open ctrl_tcp on 127.0.0.1:${port}\n${output().slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
