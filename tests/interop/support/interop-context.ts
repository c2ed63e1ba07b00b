import { inject } from 'vitest';
import type { LabInfo } from '../../../lab/lab';

/** What the interop global setup started for every file. */
export interface InteropContext {
  /** The built app, served by server/app-server.ts; its /embedded-pbx.json points at Kamailio. */
  appUrl: string;
  distDir: string;
  /** Kamailio, rtpengine and coturn: URLs, ports, run directory (logs, sipdump files). */
  lab: LabInfo;
}

declare module 'vitest' {
  export interface ProvidedContext {
    interop: InteropContext;
  }
}

export function interopContext(): InteropContext {
  const context = inject('interop');
  if (!context) {
    throw new Error("No lab: the interop project in vitest.config.ts needs globalSetup: ['tests/interop/support/global-setup.ts']");
  }
  return context;
}

/** The password of a lab user (lab/kamailio/db/subscriber). */
export function labPassword(user: string): string {
  return `lab${user}`;
}
