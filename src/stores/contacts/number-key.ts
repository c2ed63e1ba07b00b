/** Visual separators of a phone number (RFC 3966 §3) and whitespace. */
const SEPARATORS = /[\s\-.()/\u00a0]/g;
const NUMBER_LIKE = /^[\s\-.()/\u00a0+0-9*#]+$/;

/**
 * One spelling for numbers and addresses that are the same: "+1 (555) 123-4567" and
 * "tel:+1-555-123-4567" both give "+15551234567", "sip:Bob@Example.com;transport=ws" gives
 * "bob@example.com". Undefined for empty text. Used to put contact names on calls (a caller
 * is looked up by its number and by its address) and to find duplicates on import.
 */
export function numberKey(text: string): string | undefined {
  let rest = text.trim().replace(/^<(.*)>$/, '$1').trim();
  const scheme = /^(sips?|tel):/i.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  rest = rest.split(/[;?]/)[0]!;
  const at = rest.lastIndexOf('@');
  const user = at < 0 ? rest : rest.slice(0, at);
  const cleanUser = user !== '' && NUMBER_LIKE.test(user) ? user.replace(SEPARATORS, '') : user.toLowerCase();
  if (cleanUser === '') return undefined;
  return at < 0 ? cleanUser : `${cleanUser}@${rest.slice(at + 1).toLowerCase()}`;
}
