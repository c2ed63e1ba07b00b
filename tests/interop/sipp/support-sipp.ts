import { createSocket } from 'node:dgram';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { parseMessage, SipRequest, SipResponse, type SipMessage } from '../../../src/sip';
import { startSipp, type Sipp, type SippResult } from '../support/sipp';

/** The scenario files, next to this module. */
const SCENARIO_DIR = path.dirname(fileURLToPath(import.meta.url));

/** Kamailio's UDP listener, where a sipp UAC sends its requests. */
const KAMAILIO_UDP = '127.0.0.1:5060';

export interface FarEndOptions {
  /** Values for the scenario's [name] keywords (sipp -key name value). */
  keys?: Record<string, string>;
  /** A UAC: the browser user it calls through Kamailio ([service]). */
  calls?: string;
  /** Echo the RTP it receives back to the sender (sipp -rtp_echo on [media_port]). */
  rtpEcho?: boolean;
  /** The scenario fails if it has not ended by then (default 30 s). */
  timeoutS?: number;
}

export interface FarEnd extends Sipp {
  /** The scenario file's name, for messages. */
  scenario: string;
}

/**
 * Starts sipp running `scenario` (a file in tests/interop/sipp) for one call, as a UAS on a port
 * of its own or, with `calls`, as a UAC calling a browser through Kamailio. A UAS is waited for
 * until its SIP socket is bound, so dialling it cannot race its start.
 */
export async function startFarEnd(scenario: string, options: FarEndOptions = {}): Promise<FarEnd> {
  const mediaPort = await freeRtpPort();
  // [domain]: where a UAC's Request-URI points; [proxy]: where a UAS routes requests of its own.
  const keys = { domain: KAMAILIO_UDP, proxy: KAMAILIO_UDP, ...options.keys };
  const args = [
    '-mi', '127.0.0.1', '-mp', String(mediaPort),
    '-timeout', `${options.timeoutS ?? 30}s`, '-timeout_error',
    ...(options.calls ? ['-s', options.calls] : []),
    ...(options.rtpEcho ? ['-rtp_echo'] : []),
    ...Object.entries(keys).flatMap(([name, value]) => ['-key', name, value]),
  ];
  const sipp = await startSipp({
    scenario: path.join(SCENARIO_DIR, scenario),
    ...(options.calls ? { remote: KAMAILIO_UDP } : {}),
    args,
  });
  if (!options.calls) await waitForBind(sipp, scenario);
  return Object.assign(sipp, { scenario });
}

/**
 * An even port with the next three free: sipp's RTP echo takes port and port + 2 (and rtpengine
 * expects RTCP on the odd ones). freePort() cannot give one: Linux hands out odd ports to bind(0).
 */
export async function freeRtpPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 40_000 + 2 * Math.floor(Math.random() * 10_000);
    const free = await Promise.all([port, port + 1, port + 2, port + 3].map(udpPortFree));
    if (free.every(Boolean)) return port;
  }
  throw new Error('no four consecutive UDP ports free on 127.0.0.1 for sipp media');
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    socket.once('error', () => resolve(false));
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

async function waitForBind(sipp: Sipp, scenario: string): Promise<void> {
  let exited: SippResult | undefined;
  void sipp.done.then((result) => (exited = result));
  const deadline = Date.now() + 10_000;
  while (!(await udpPortBound(sipp.port))) {
    if (exited || Date.now() > deadline) {
      await sipp.close();
      throw new Error(`sipp ${scenario} did not bind 127.0.0.1:${sipp.port}: ${exited ? describeRun(scenario, exited) : 'still starting after 10 s'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** True once a socket of this network namespace is bound to UDP `port` (/proc/net/udp lists it in hex). */
async function udpPortBound(port: number): Promise<boolean> {
  const table = await readFile('/proc/net/udp', 'utf8');
  const suffix = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  return table.split('\n').some((line) => line.trim().split(/\s+/)[1]?.endsWith(suffix));
}

/** The far ends a test starts, closed together when it is over (whatever happened). */
export class FarEnds {
  private readonly started: FarEnd[] = [];

  async start(scenario: string, options?: FarEndOptions): Promise<FarEnd> {
    const farEnd = await startFarEnd(scenario, options);
    this.started.push(farEnd);
    return farEnd;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.started.splice(0).map((farEnd) => farEnd.close()));
  }
}

/** Expects the far end to have followed its scenario to the end (sipp exit 0); returns its message trace. */
export async function expectScenarioPassed(farEnd: FarEnd): Promise<string> {
  const result = await farEnd.done;
  expect(result.code, describeRun(farEnd.scenario, result)).toBe(0);
  return result.messages;
}

/** A run's exit status, errors and message trace, for an assertion message. */
export function describeRun(scenario: string, result: SippResult): string {
  return `sipp ${scenario} exited ${result.code}\n--- errors ---\n${result.errors}${result.output}\n--- messages ---\n${result.messages}`;
}

/** One message of sipp's -trace_msg log, parsed with our own parser. */
export interface TracedMessage {
  direction: 'sent' | 'received';
  message: SipMessage;
}

/** The messages of a -trace_msg log in order (sipp writes a dashed line, then "UDP message sent/received …"). */
export function tracedMessages(log: string): TracedMessage[] {
  return log.split(/^-{20,}.*$/m).flatMap((part) => {
    const match = /^\s*UDP message (sent|received)[^\n]*\n\s*([\s\S]*?)\s*$/.exec(part);
    if (!match) return [];
    try {
      return [{ direction: match[1] === 'sent' ? ('sent' as const) : ('received' as const), message: parseMessage(`${match[2]!.replace(/\r?\n/g, '\r\n')}\r\n`) }];
    } catch {
      return [];
    }
  });
}

/** Requests of `method` the far end received, in order. */
export function receivedRequests(log: string, method: string): SipRequest[] {
  return tracedMessages(log)
    .filter((m) => m.direction === 'received')
    .map((m) => m.message)
    .filter((m): m is SipRequest => m instanceof SipRequest && m.method === method);
}

/** Requests of `method` the far end sent, in order. */
export function sentRequests(log: string, method: string): SipRequest[] {
  return tracedMessages(log)
    .filter((m) => m.direction === 'sent')
    .map((m) => m.message)
    .filter((m): m is SipRequest => m instanceof SipRequest && m.method === method);
}

/** Responses the far end sent to requests of `method`, in order. */
export function sentResponses(log: string, method: string): SipResponse[] {
  return tracedMessages(log)
    .filter((m) => m.direction === 'sent')
    .map((m) => m.message)
    .filter((m): m is SipResponse => m instanceof SipResponse && m.cseq.method === method);
}
