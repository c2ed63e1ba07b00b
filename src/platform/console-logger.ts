import type { Logger, LogLevel } from '../sip/ports';

const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const SECRET_KEYS = /^(password|ha1|authorization|proxy-authorization)$/i;
// A header line and its folded continuation lines (RFC 3261 §7.3.1).
const SECRET_HEADER_LINES = /^((?:proxy-)?authorization[ \t]*:)[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim;

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

/** Masks secrets at any depth: password/ha1 fields, header objects ({ name, value }), errors; cycles end. */
function redactDetail(detail: unknown, seen = new WeakSet<object>()): unknown {
  if (typeof detail === 'string') return redactText(detail);
  if (typeof detail !== 'object' || detail === null) return detail;
  if (seen.has(detail)) return '[circular]';
  seen.add(detail);
  if (detail instanceof Error) {
    const copy = new Error(redactText(detail.message));
    copy.name = detail.name;
    copy.stack = detail.stack === undefined ? undefined : redactText(detail.stack);
    return copy;
  }
  if (Array.isArray(detail)) return detail.map((item) => redactDetail(item, seen));
  const secretHeader = 'name' in detail && typeof detail.name === 'string' && SECRET_KEYS.test(detail.name);
  return Object.fromEntries(
    Object.entries(detail).map(([key, value]) => [
      key,
      SECRET_KEYS.test(key) || (secretHeader && key === 'value') ? '[redacted]' : redactDetail(value, seen),
    ]),
  );
}
