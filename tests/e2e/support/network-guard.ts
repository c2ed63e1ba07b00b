import os from 'node:os';

/**
 * Fails unless this process sits in a network namespace whose only interface is loopback.
 * Outside one, Chromium gathers ICE candidates on eth0 and may nominate a pair through it even
 * when every server is 127.0.0.1; the tests must never send traffic off the machine.
 */
export function assertLoopbackOnlyNetwork(): void {
  const names = Object.keys(os.networkInterfaces());
  const others = names.filter((name) => name !== 'lo');
  const how = 'Run them with `npm run test:e2e` (or `bash scripts/netns-run.sh npx vitest run --project e2e`).';
  if (others.length > 0) {
    throw new Error(
      `The e2e tests must run in a loopback-only network namespace, but this one also has ${others.join(', ')}. ${how}`,
    );
  }
  if (!names.includes('lo')) {
    throw new Error(`The loopback interface is down in this network namespace. ${how}`);
  }
}
