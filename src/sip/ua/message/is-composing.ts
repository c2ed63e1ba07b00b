/** Media type of an RFC 3994 "is composing" indication. */
export const IS_COMPOSING_TYPE = 'application/im-iscomposing+xml';

/** RFC 3994 §4: an 'active' state the sender does not refresh lapses after 120 s. */
const DEFAULT_REFRESH = 120;

/**
 * Reads the two elements we use from an isComposing document (RFC 3994 §5): <state> and
 * <refresh>. Elements may carry a namespace prefix. Undefined when the state is missing or unknown.
 * A regular expression is enough: the document is flat and we read nothing else from it.
 */
export function parseIsComposing(xml: string): { state: 'active' | 'idle'; refresh: number } | undefined {
  const state = element(xml, 'state')?.toLowerCase();
  if (state !== 'active' && state !== 'idle') return undefined;
  const refresh = Number(element(xml, 'refresh'));
  return { state, refresh: Number.isInteger(refresh) && refresh > 0 ? refresh : DEFAULT_REFRESH };
}

function element(xml: string, name: string): string | undefined {
  const match = new RegExp(`<(?:[\\w.-]+:)?${name}\\b[^>]*>([^<]*)</(?:[\\w.-]+:)?${name}\\s*>`).exec(xml);
  return match?.[1]?.trim();
}

/** An isComposing document (RFC 3994 §5) saying we are typing ('active', lasting `refresh` s) or stopped. */
export function isComposingDocument(state: 'active' | 'idle', refresh?: number): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing">',
    `  <state>${state}</state>`,
    '  <contenttype>text/plain</contenttype>',
    ...(state === 'active' && refresh !== undefined ? [`  <refresh>${refresh}</refresh>`] : []),
    '</isComposing>',
    '',
  ].join('\n');
}
