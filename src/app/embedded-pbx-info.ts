/**
 * What the app server tells the app about the embedded PBX (GET /embedded-pbx.json).
 * Written by server/app-server.ts and by the dev server's middleware in vite.config.ts.
 */
export interface EmbeddedPbxInfo {
  /** WebSocket URL of the PBX, e.g. "ws://127.0.0.1:5070". */
  server: string;
  /** SIP domain of the demo accounts, e.g. "127.0.0.1". */
  domain: string;
  /** Demo user names, e.g. ["1000", "1001", …]; each one's password is `secret<user>`. */
  demoUsers: string[];
}

export const EMBEDDED_PBX_INFO_PATH = '/embedded-pbx.json';

/** Validates a parsed /embedded-pbx.json body; undefined when it is not the expected shape. */
export function parseEmbeddedPbxInfo(value: unknown): EmbeddedPbxInfo | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { server, domain, demoUsers } = value as Record<string, unknown>;
  if (typeof server !== 'string' || !/^wss?:\/\//i.test(server)) return undefined;
  if (typeof domain !== 'string' || domain === '') return undefined;
  if (!Array.isArray(demoUsers) || !demoUsers.every((u) => typeof u === 'string')) return undefined;
  return { server, domain, demoUsers: demoUsers as string[] };
}
