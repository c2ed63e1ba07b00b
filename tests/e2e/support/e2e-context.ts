import { inject } from 'vitest';

/** What the global setup started for every e2e file. */
export interface E2eContext {
  /** The built app, served by server/app-server.ts, e.g. http://127.0.0.1:41234 */
  appUrl: string;
  /** The embedded PBX the app registers with, e.g. ws://127.0.0.1:41235 */
  pbxUrl: string;
  /** The build, for files that start their own app server. */
  distDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    tabphone: E2eContext;
  }
}

export function e2eContext(): E2eContext {
  const context = inject('tabphone');
  if (!context) {
    throw new Error(
      "No e2e stack: the e2e project in vitest.config.ts needs globalSetup: ['tests/e2e/support/global-setup.ts']",
    );
  }
  return context;
}
