import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

export interface SippOptions {
  /** The scenario file (-sf). */
  scenario: string;
  /** Where a UAC sends its requests, e.g. '127.0.0.1:5060'; absent for a UAS. */
  remote?: string;
  /** Its SIP port on 127.0.0.1 (-p); a free one when absent. */
  port?: number;
  /** More sipp arguments (-m is 1 unless given here, e.g. ['-s', '1004', '-rtp_echo']). */
  args?: string[];
}

export interface SippResult {
  /** sipp's exit status: 0 when every call passed. */
  code: number | null;
  /** Its -trace_msg file: every message it sent and received. */
  messages: string;
  /** Its -trace_err file: what went wrong. */
  errors: string;
  output: string;
}

export interface Sipp {
  port: number;
  /** Resolves when sipp exits (it does after -m calls). */
  done: Promise<SippResult>;
  /** The message trace so far. */
  messages(): Promise<string>;
  /** Stops sipp if it still runs, removes its files. */
  close(): Promise<void>;
}

/**
 * Runs a sipp scenario bound to 127.0.0.1 (its control socket too: -ci; the default is
 * 0.0.0.0), without a terminal, tracing messages and errors to files of its own.
 */
export async function startSipp(options: SippOptions): Promise<Sipp> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-sipp-'));
  const port = options.port ?? (await freePort());
  const controlPort = await freePort();
  const messageFile = path.join(dir, 'messages.log');
  const errorFile = path.join(dir, 'errors.log');
  const extra = options.args ?? [];
  const args = [
    '-sf', options.scenario,
    '-i', '127.0.0.1', '-p', String(port),
    '-ci', '127.0.0.1', '-cp', String(controlPort),
    '-nostdin', '-trace_msg', '-message_file', messageFile, '-trace_err', '-error_file', errorFile,
    ...(extra.includes('-m') ? [] : ['-m', '1']),
    ...extra,
    ...(options.remote ? [options.remote] : []),
  ];
  let output = '';
  const child = spawn('sipp', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const read = (file: string) => readFile(file, 'utf8').catch(() => '');
  const done = new Promise<SippResult>((resolve) => {
    child.once('exit', (code) => {
      void Promise.all([read(messageFile), read(errorFile)]).then(([messages, errors]) => resolve({ code, messages, errors, output }));
    });
  });
  return {
    port,
    done,
    messages: () => read(messageFile),
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await done;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
