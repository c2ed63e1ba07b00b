/**
 * vCard content lines (RFC 6350 §3.2–3.4, the same in vCard 3.0, RFC 2426 §2.4.2/§5): a long
 * line is folded by a line break and one space or tab; a line is `[group.]NAME[;param…]:value`;
 * a text value escapes "\", ",", ";" and line breaks with a backslash.
 */

export interface ContentLine {
  /** Upper case, without its group ("item1.TEL" → "TEL"). */
  name: string;
  /** Parameter names in upper case; a bare vCard 2.1 parameter ("TEL;CELL:") counts as a TYPE. */
  params: Map<string, string[]>;
  value: string;
}

/** A vCard 2.1 quoted-printable line (as phones export non-ASCII names) ending in "=" goes on to the next line. */
const QP_SOFT_BREAK = /^[^:]*;ENCODING=QUOTED-PRINTABLE[;:].*=$/i;

/** The logical lines of a vCard file, each with the number of the physical line it starts on. */
export function unfoldLines(text: string): { line: string; at: number }[] {
  const lines: { line: string; at: number }[] = [];
  let softBreak = false;
  text.split(/\r\n|\r|\n/).forEach((physical, index) => {
    const last = lines.at(-1);
    if (last && softBreak) last.line = last.line.slice(0, -1) + physical;
    else if (last && (physical.startsWith(' ') || physical.startsWith('\t'))) last.line += physical.slice(1);
    else lines.push({ line: physical, at: index + 1 });
    softBreak = QP_SOFT_BREAK.test(lines.at(-1)!.line);
  });
  return lines;
}

/** Decodes a vCard 2.1 ENCODING=QUOTED-PRINTABLE value ("=C3=A9" is "é" in UTF-8). */
export function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(value.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...new TextEncoder().encode(value[i]!));
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Splits a content line; undefined when it has no name or no ":" outside quotes. */
export function parseContentLine(line: string): ContentLine | undefined {
  let quoted = false;
  let colon = -1;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '"') quoted = !quoted;
    else if (char === ':' && !quoted) {
      colon = i;
      break;
    }
  }
  if (colon <= 0) return undefined;
  const [groupAndName, ...rawParams] = splitOutsideQuotes(line.slice(0, colon), ';');
  const name = groupAndName!.slice(groupAndName!.lastIndexOf('.') + 1).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return undefined;
  const params = new Map<string, string[]>();
  for (const raw of rawParams) {
    const eq = raw.indexOf('=');
    const key = eq < 0 ? 'TYPE' : raw.slice(0, eq).toUpperCase();
    const values = eq < 0 ? [raw] : splitOutsideQuotes(raw.slice(eq + 1), ',').map((v) => v.replace(/^"(.*)"$/, '$1'));
    params.set(key, [...(params.get(key) ?? []), ...values]);
  }
  return { name, params, value: line.slice(colon + 1) };
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === separator && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Splits a structured value (N's family;given;…) at unescaped separators, and unescapes each part. */
export function splitComponents(value: string, separator = ';'): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const char = value[i]!;
    if (char === '\\' && i + 1 < value.length) {
      current += char + value[++i];
    } else if (char === separator) {
      parts.push(unescapeText(current));
      current = '';
    } else current += char;
  }
  parts.push(unescapeText(current));
  return parts;
}

export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;nN:])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, '\\$&').replace(/\r\n|\r|\n/g, '\\n');
}

/** RFC 6350 §3.2: lines SHOULD NOT be longer than 75 octets; a break never splits a UTF-8 character. */
const MAX_OCTETS = 75;

export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let piece = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = pieces.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      pieces.push(piece);
      piece = '';
      octets = 0;
    }
    piece += char;
    octets += size;
  }
  pieces.push(piece);
  return pieces.join('\r\n ');
}
