/** One Warning header value (RFC 3261 §20.43): `304 host "text"`. */
export interface WarningValue {
  code: number;
  agent: string;
  text: string;
}

const WARNING = /^\s*(\d{3})\s+(\S+)\s+"((?:[^"\\]|\\.)*)"/;

/** The first well-formed Warning of a message's values, or undefined. */
export function firstWarning(values: readonly string[]): WarningValue | undefined {
  for (const value of values) {
    const match = WARNING.exec(value);
    if (match) return { code: Number(match[1]), agent: match[2]!, text: match[3]!.replace(/\\(.)/g, '$1') };
  }
  return undefined;
}

/** A Warning value for our own 488: the text may not contain what a quoted-string cannot carry. */
export function formatWarning(code: number, agent: string, text: string): string {
  const safe = text.replace(/[\r\n]+/g, ' ').replace(/(["\\])/g, '\\$1');
  return `${code} ${agent} "${safe}"`;
}
