import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';

/** True inside a network namespace whose only interface is loopback (as scripts/netns-run.sh makes). */
export function inLoopbackOnlyNamespace(): boolean {
  const names = Object.keys(os.networkInterfaces());
  return names.length > 0 && names.every((name) => name === 'lo');
}

/**
 * Runs this same script again inside a loopback-only namespace, where Chromium's WebRTC sees only
 * 127.0.0.1, and exits with its status. Node's own flags (tsx's loader) are passed on.
 */
export function rerunInLoopbackNamespace(): never {
  const netnsRun = path.join(import.meta.dirname, '..', 'scripts', 'netns-run.sh');
  const command = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const result = spawnSync('bash', [netnsRun, ...command], { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
