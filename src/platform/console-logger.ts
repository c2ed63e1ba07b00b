import type { Logger, LogLevel } from '../sip/ports';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SECRET_KEYS = /^(password|ha1|authorization|proxy-authorization)$/i;
const SECRET_HEADER_LINES = /^((?:proxy-)?authorization\s*:).*$/gim;

/**
 * A Logger on the browser console. The core already keeps credentials out of what it logs;
 * this is a second fence: Authorization header lines and password/ha1 fields are masked.
 */
export function createConsoleLogger(minLevel: LogLevel = 'info'): Logger {
  return {
    log(level, message, detail) {
      if (RANK[level] < RANK[minLevel]) return;
      const line = `[tabphone] ${redactText(message)}`;
      const method = level === 'debug' ? 'debug' : level;
      if (detail === undefined) console[method](line);
      else console[method](line, redactDetail(detail));
    },
  };
}

function redactText(text: string): string {
  return text.replace(SECRET_HEADER_LINES, '$1 [redacted]');
}

function redactDetail(detail: unknown): unknown {
  if (typeof detail === 'string') return redactText(detail);
  if (detail instanceof Error || typeof detail !== 'object' || detail === null) return detail;
  if (Array.isArray(detail)) return detail.map(redactDetail);
  return Object.fromEntries(
    Object.entries(detail).map(([key, value]) => [key, SECRET_KEYS.test(key) ? '[redacted]' : redactDetail(value)]),
  );
}
