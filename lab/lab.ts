/**
 * The lab: Kamailio (WebSocket registrar and proxy), rtpengine (WebRTC ⇄ RTP/AVP media) and
 * coturn (TURN), every one bound to 127.0.0.1 with configs copied from lab/ into a run directory
 * that also holds their pids, logs, Kamailio's sipdump files and the WSS certificate.
 * `npm run lab:start` / `npm run lab:stop` use it, and so do the interop tests (tests/interop).
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { readPid, isAlive, startDaemon, stopDaemon } from './daemons';
import { waitForRtpengine, waitForTcp } from './readiness';

const LAB_DIR = path.dirname(fileURLToPath(import.meta.url));
const HOST = '127.0.0.1';

export interface LabPorts {
  /** Kamailio's SIP port, UDP and TCP. */
  sip: number;
  /** Kamailio's WebSocket (ws://) and secure WebSocket (wss://) ports. */
  ws: number;
  wss: number;
  /** rtpengine's control port (ng protocol, UDP) and its media port range. */
  rtpengineNg: number;
  rtpMin: number;
  rtpMax: number;
  /** coturn's TURN port (UDP and TCP) and its relay port range. */
  turn: number;
  turnRelayMin: number;
  turnRelayMax: number;
}

export const DEFAULT_LAB_PORTS: LabPorts = {
  sip: 5060,
  ws: 8088,
  wss: 8089,
  rtpengineNg: 2223,
  rtpMin: 30000,
  rtpMax: 30999,
  turn: 3478,
  turnRelayMin: 49160,
  turnRelayMax: 49359,
};

/** Where things are, as the lab's clients need them. Also written to <runDir>/lab.json. */
export interface LabInfo {
  runDir: string;
  ports: LabPorts;
  /** The SIP domain of the lab's users (users and passwords: lab/kamailio/db/subscriber). */
  domain: string;
  wsUrl: string;
  wssUrl: string;
  /** sip:127.0.0.1:<sip port>, for plain SIP phones (UDP). */
  sipUri: string;
  turnUrl: string;
  turnUser: string;
  turnPassword: string;
}

/** The daemons, in start order; stopped in reverse. */
const DAEMONS = [
  { name: 'rtpengine', command: 'rtpengine' },
  { name: 'coturn', command: 'turnserver' },
  { name: 'kamailio', command: 'kamailio' },
] as const;

export type DaemonName = (typeof DAEMONS)[number]['name'];

const run = promisify(execFile);

export function labInfo(runDir: string, ports: LabPorts = DEFAULT_LAB_PORTS): LabInfo {
  return {
    runDir,
    ports,
    domain: HOST,
    wsUrl: `ws://${HOST}:${ports.ws}`,
    wssUrl: `wss://${HOST}:${ports.wss}`,
    sipUri: `sip:${HOST}:${ports.sip}`,
    turnUrl: `turn:${HOST}:${ports.turn}`,
    turnUser: 'tabphone',
    turnPassword: 'tabphone-turn',
  };
}

/** Starts rtpengine, coturn and Kamailio in `runDir` (emptied first); waits until each answers. */
export async function startLab(runDir: string, ports: LabPorts = DEFAULT_LAB_PORTS): Promise<LabInfo> {
  const info = labInfo(path.resolve(runDir), ports);
  await stopLab(info.runDir);
  await rm(info.runDir, { recursive: true, force: true });
  await mkdir(info.runDir, { recursive: true });
  await writeFile(path.join(info.runDir, 'lab.json'), `${JSON.stringify(info, null, 2)}\n`);
  try {
    await writeConfigs(info);
    await startDaemonNamed(info, 'rtpengine');
    await startDaemonNamed(info, 'coturn');
    await startDaemonNamed(info, 'kamailio');
  } catch (error) {
    await stopLab(info.runDir);
    throw error;
  }
  return info;
}

/** Stops whatever the run directory's pid files name (nothing else). */
export async function stopLab(runDir: string): Promise<void> {
  for (const daemon of [...DAEMONS].reverse()) await stopDaemon(runDir, daemon.name, daemon.command);
}

export async function readLabInfo(runDir: string): Promise<LabInfo> {
  return JSON.parse(await readFile(path.join(runDir, 'lab.json'), 'utf8')) as LabInfo;
}

export async function stopKamailio(info: LabInfo): Promise<void> {
  await stopDaemon(info.runDir, 'kamailio', 'kamailio');
}

/**
 * Starts Kamailio again with the same configuration (after stopKamailio); its sipdump files stay.
 * `defines` switch on #!ifdef blocks of kamailio.cfg, e.g. WITH_SHA256.
 */
export async function startKamailio(info: LabInfo, defines: string[] = []): Promise<void> {
  await startDaemonNamed(info, 'kamailio', defines);
}

export async function daemonRunning(info: LabInfo, name: DaemonName): Promise<boolean> {
  const pid = await readPid(info.runDir, name);
  return pid !== undefined && (await isAlive(pid));
}

/**
 * Runs a kamcmd (binrpc) command against the lab's Kamailio, e.g. ul.dump; returns its output.
 * kamcmd reads digits as numbers: pass user names as `s:1000`.
 */
export async function kamcmd(info: LabInfo, ...command: string[]): Promise<string> {
  const { stdout } = await run('kamcmd', ['-s', `unix:${path.join(info.runDir, 'kamailio_ctl')}`, ...command]);
  // kamcmd exits 0 on RPC errors and prints them.
  if (stdout.startsWith('error:')) throw new Error(`kamcmd ${command.join(' ')}: ${stdout.trim()}`);
  return stdout;
}

async function startDaemonNamed(info: LabInfo, name: DaemonName, defines: string[] = []): Promise<void> {
  const dir = info.runDir;
  const { ports } = info;
  switch (name) {
    case 'rtpengine':
      await startDaemon(dir, name, 'rtpengine', [`--config-file=${path.join(dir, 'rtpengine.conf')}`, '--foreground', '--log-stderr']);
      await waitForRtpengine(HOST, ports.rtpengineNg);
      return;
    case 'coturn':
      await startDaemon(dir, name, 'turnserver', ['-c', path.join(dir, 'turnserver.conf'), `--pidfile=${path.join(dir, 'turnserver.own.pid')}`]);
      await waitForTcp(HOST, ports.turn, 'coturn');
      return;
    case 'kamailio': {
      const args = ['-f', path.join(dir, 'kamailio.cfg'), '-DD', '-E', '-m', '64', '-M', '8', '-Y', dir, '-w', dir];
      await startDaemon(dir, name, 'kamailio', [...args, ...defines.flatMap((define) => ['-A', define])]);
      await waitForTcp(HOST, ports.ws, 'Kamailio (WebSocket)');
      await waitForTcp(HOST, ports.sip, 'Kamailio (SIP over TCP)');
      return;
    }
  }
}

async function writeConfigs(info: LabInfo): Promise<void> {
  const dir = info.runDir;
  const { ports } = info;

  await cp(path.join(LAB_DIR, 'kamailio/db'), path.join(dir, 'db'), { recursive: true });
  const kamailio = setSubstdefs(await readFile(path.join(LAB_DIR, 'kamailio/kamailio.cfg'), 'utf8'), {
    LAB_IP: HOST,
    SIP_PORT: String(ports.sip),
    WS_PORT: String(ports.ws),
    WSS_PORT: String(ports.wss),
    RTPENGINE_NG: `udp:${HOST}:${ports.rtpengineNg}`,
    RUN_DIR: dir,
    DB_DIR: path.join(dir, 'db'),
  });
  await writeFile(path.join(dir, 'kamailio.cfg'), kamailio);
  await writeWssCertificate(dir);

  const rtpengine = setKeys(await readFile(path.join(LAB_DIR, 'rtpengine/rtpengine.conf'), 'utf8'), ' = ', {
    'listen-ng': `${HOST}:${ports.rtpengineNg}`,
    'port-min': String(ports.rtpMin),
    'port-max': String(ports.rtpMax),
  });
  await writeFile(path.join(dir, 'rtpengine.conf'), rtpengine);

  const coturn = setKeys(await readFile(path.join(LAB_DIR, 'coturn/turnserver.conf'), 'utf8'), '=', {
    'listening-port': String(ports.turn),
    'min-port': String(ports.turnRelayMin),
    'max-port': String(ports.turnRelayMax),
  });
  await writeFile(path.join(dir, 'turnserver.conf'), coturn);
}

/** A self-signed certificate for 127.0.0.1, made at every start: no private key is committed. */
async function writeWssCertificate(dir: string): Promise<void> {
  const key = path.join(dir, 'wss-key.pem');
  const cert = path.join(dir, 'wss-cert.pem');
  await run('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '7', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', key, '-out', cert,
  ]);
  const tls = [
    '[server:default]',
    'method = TLSv1.2+',
    'verify_certificate = no',
    'require_certificate = no',
    `private_key = ${key}`,
    `certificate = ${cert}`,
    '',
  ].join('\n');
  await writeFile(path.join(dir, 'tls.cfg'), tls);
}

/** Rewrites the values of `#!substdef "!NAME!value!g"` lines. */
function setSubstdefs(config: string, values: Record<string, string>): string {
  let text = config;
  for (const [name, value] of Object.entries(values)) {
    const line = new RegExp(`^#!substdef "!${name}!.*!g"$`, 'm');
    if (!line.test(text)) throw new Error(`kamailio.cfg has no substdef for ${name}`);
    text = text.replace(line, () => `#!substdef "!${name}!${value}!g"`);
  }
  return text;
}

/** Rewrites `key<separator>value` lines of an ini-like file. */
function setKeys(config: string, separator: string, values: Record<string, string>): string {
  let text = config;
  for (const [key, value] of Object.entries(values)) {
    const line = new RegExp(`^${key}\\s*${separator.trim()}.*$`, 'm');
    if (!line.test(text)) throw new Error(`no ${key} line to set`);
    text = text.replace(line, () => `${key}${separator}${value}`);
  }
  return text;
}
