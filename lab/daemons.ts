/**
 * Daemons of the lab: started detached (they outlive `npm run lab:start`), their pids written to
 * the run directory, and stopped only through those pids.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function pidFile(runDir: string, name: string): string {
  return path.join(runDir, `${name}.pid`);
}

export function logFile(runDir: string, name: string): string {
  return path.join(runDir, `${name}.log`);
}

/** Starts `command` in its own process group, its output appended to <name>.log; returns its pid. */
export async function startDaemon(runDir: string, name: string, command: string, args: string[]): Promise<number> {
  const log = openSync(logFile(runDir, name), 'a');
  try {
    const child = spawn(command, args, { cwd: runDir, detached: true, stdio: ['ignore', log, log] });
    const pid = await new Promise<number>((resolve, reject) => {
      child.once('error', (error) => reject(new Error(`${name}: could not run ${command}: ${error.message}`)));
      child.once('spawn', () => resolve(child.pid!));
    });
    child.unref();
    await writeFile(pidFile(runDir, name), `${pid}\n`);
    return pid;
  } finally {
    closeSync(log);
  }
}

export async function readPid(runDir: string, name: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(pidFile(runDir, name), 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie waiting for its parent to reap it. */
export async function isAlive(pid: number): Promise<boolean> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** The executable of a pid, to make sure a pid file still names our daemon and not a reused pid. */
async function commandOf(pid: number): Promise<string | undefined> {
  try {
    return path.basename((await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0')[0] ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Stops the daemon named in <name>.pid: SIGTERM to its process group (Kamailio's workers are its
 * children), SIGKILL after `graceMs`. A pid that now runs another program is left alone.
 */
export async function stopDaemon(runDir: string, name: string, command: string, graceMs = 5000): Promise<void> {
  const pid = await readPid(runDir, name);
  if (pid === undefined) return;
  if ((await isAlive(pid)) && (await commandOf(pid)) === path.basename(command)) {
    signal(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while ((await isAlive(pid)) && Date.now() < deadline) await sleep(25);
    if (await isAlive(pid)) signal(pid, 'SIGKILL');
    while (await isAlive(pid)) await sleep(25);
  }
  await rm(pidFile(runDir, name), { force: true });
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(-pid, name);
  } catch {
    try {
      process.kill(pid, name);
    } catch {
      // Already gone.
    }
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
