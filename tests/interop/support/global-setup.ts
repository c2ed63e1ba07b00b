import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { DEFAULT_LAB_PORTS, startLab, stopLab } from '../../../lab/lab';
import { startAppServer } from '../../../server/app-server';
import { buildApp } from '../../e2e/support/build-app';
import { assertLoopbackOnlyNetwork } from '../../e2e/support/network-guard';

/**
 * Once per interop run, inside its loopback-only network namespace (so the lab's fixed ports
 * never meet another run's): build the app, start the lab (Kamailio, rtpengine, coturn) and an
 * app server whose embedded-PBX info points at Kamailio. Files share the lab and run one at a time.
 * INTEROP_KEEP_LAB=1 keeps the run directory (logs, sipdump files) after the run;
 * INTEROP_DIST_DIR=<dir> serves a build made beforehand (`npx vite build --outDir <dir>`) instead.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertLoopbackOnlyNetwork();
  const prebuilt = process.env.INTEROP_DIST_DIR;
  const distDir = prebuilt ?? (await mkdtemp(path.join(os.tmpdir(), 'tabphone-interop-dist-')));
  const runDir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-interop-lab-'));
  const [lab] = await Promise.all([startLab(runDir, DEFAULT_LAB_PORTS), prebuilt ? undefined : buildApp(distDir)]);
  const app = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: lab.wsUrl, demoUsers: [] });
  project.provide('interop', { appUrl: app.url, distDir, lab });

  return async () => {
    await app.close();
    await stopLab(runDir);
    if (!prebuilt) await rm(distDir, { recursive: true, force: true });
    if (process.env.INTEROP_KEEP_LAB === '1') console.log(`interop: lab run directory kept in ${runDir}`);
    else await rm(runDir, { recursive: true, force: true });
  };
}
