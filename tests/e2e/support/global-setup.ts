import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startAppServer } from '../../../server/app-server';
import { startPbx } from '../../../server/pbx';
import { buildApp } from './build-app';
import { assertLoopbackOnlyNetwork } from './network-guard';

/** Once per e2e run: check the network namespace, build the app, start the PBX and app server. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  assertLoopbackOnlyNetwork();
  const distDir = await mkdtemp(path.join(os.tmpdir(), 'tabphone-e2e-dist-'));
  await buildApp(distDir);
  const pbx = await startPbx({ host: '127.0.0.1', port: 0, logLevel: 'warn' });
  const app = await startAppServer({ host: '127.0.0.1', port: 0, distDir, pbxUrl: pbx.url });
  project.provide('tabphone', { appUrl: app.url, pbxUrl: pbx.url, distDir });

  return async () => {
    await app.close();
    await pbx.close();
    await rm(distDir, { recursive: true, force: true });
  };
}
