import { TOKEN, isIn } from './char-classes';
import { fail } from './errors';
import { parseBoundedInt } from './numbers';
import { paramText, parseHeaderParams } from './header-params';
import { skipWs, splitCommas } from './scanner';

/** One reason-value of a Reason header (RFC 3326 §2): why a request was sent. */
export interface ReasonValue {
  protocol: string; // "SIP", "Q.850"…
  cause?: number;
  text?: string;
  params: Map<string, string | null>;
}

export function parseReasonValues(lines: readonly string[]): ReasonValue[] {
  const out: ReasonValue[] = [];
  for (const line of lines) {
    const parts = splitCommas(line);
    if (parts === undefined) fail('unterminated quoted string in Reason');
    for (const part of parts) {
      if (part.length === 0) fail('empty element in Reason');
      let i = skipWs(part, 0, part.length);
      const start = i;
      while (i < part.length && isIn(TOKEN, part.charCodeAt(i))) i++;
      if (i === start) fail('Reason without a protocol');
      const value: ReasonValue = { protocol: part.slice(start, i), params: new Map() };
      i = parseHeaderParams(part, i, part.length, value.params, 'Reason');
      if (i < part.length) fail(`unexpected "${part[i]}" in Reason`);
      const cause = paramText(value.params.get('cause'));
      if (cause !== undefined) {
        value.cause = parseBoundedInt(cause, 999_999, 'Reason cause');
      }
      const text = paramText(value.params.get('text'));
      if (text !== undefined) value.text = text;
      out.push(value);
    }
  }
  return out;
}
