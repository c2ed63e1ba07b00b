import { readFile } from 'node:fs/promises';

/** A configured user: a clear-text password, or an HA1 (hex of H(user:realm:password)). */
export type UserSecret = { password: string } | { ha1: string };

export interface UsersConfig {
  realm: string;
  users: ReadonlyMap<string, UserSecret>;
}

export const DEFAULT_REALM = 'tabphone';

/** Demo users 1000–1009 with password "secret<user>" for trying the app out. */
export function demoUsers(): Map<string, UserSecret> {
  const users = new Map<string, UserSecret>();
  for (let n = 1000; n <= 1009; n++) users.set(String(n), { password: `secret${n}` });
  return users;
}

/**
 * Checks the users file shape: `{ "realm"?: string, "users": { "<user>": { "password": "…" } | { "ha1": "…" } } }`.
 * Returns the problem as text rather than throwing so the CLI can print it.
 */
export function parseUsersFile(
  json: unknown,
): { ok: true; realm?: string; users: Map<string, UserSecret> } | { ok: false; problem: string } {
  if (!isObject(json)) return { ok: false, problem: 'the file must hold a JSON object' };
  const { realm, users } = json;
  if (realm !== undefined && (typeof realm !== 'string' || realm === '' || /["\\\r\n]/.test(realm))) {
    return { ok: false, problem: '"realm" must be a non-empty string without quotes, backslashes or line breaks' };
  }
  if (!isObject(users)) return { ok: false, problem: '"users" must be an object keyed by user name' };
  const out = new Map<string, UserSecret>();
  for (const [name, entry] of Object.entries(users)) {
    if (!/^[A-Za-z0-9._~!$&'()*+,;=-]+$/.test(name)) {
      return { ok: false, problem: `user "${name}" is not a valid SIP user part` };
    }
    if (isObject(entry) && typeof entry.password === 'string') out.set(name, { password: entry.password });
    else if (isObject(entry) && typeof entry.ha1 === 'string' && /^[0-9a-f]+$/i.test(entry.ha1)) {
      out.set(name, { ha1: entry.ha1.toLowerCase() });
    } else {
      return { ok: false, problem: `user "${name}" needs a "password" string or a hex "ha1" string` };
    }
  }
  return realm === undefined ? { ok: true, users: out } : { ok: true, realm, users: out };
}

export async function loadUsersFile(path: string): Promise<{ realm?: string; users: Map<string, UserSecret> }> {
  const text = await readFile(path, 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`users file ${path}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = parseUsersFile(json);
  if (!parsed.ok) throw new Error(`users file ${path}: ${parsed.problem}`);
  return parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
