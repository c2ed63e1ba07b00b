import { parseConfigText, type ConfigParseResult } from './parse-config-document';

/**
 * Reads the configuration an admin's link points to (?config=URL, resolved against the page).
 * The file may live on another origin, so it is fetched with CORS and without cookies; any
 * failure is a refusal with a message that names the URL.
 */
export async function fetchProvisioning(url: string, pageUrl: string, fetchFn: typeof fetch): Promise<ConfigParseResult> {
  let target: URL;
  try {
    target = new URL(url, pageUrl);
  } catch {
    return { ok: false, problem: `The provisioning link "${url}" is not a URL.` };
  }
  if (target.protocol !== 'https:' && target.protocol !== 'http:') {
    return { ok: false, problem: `The provisioning link "${url}" is not an http(s) URL.` };
  }
  let text: string;
  try {
    const response = await fetchFn(target.href, { mode: 'cors', credentials: 'omit', cache: 'no-store' });
    if (!response.ok) return { ok: false, problem: `The provisioning file ${target.href} could not be loaded: HTTP ${response.status}.` };
    text = await response.text();
  } catch (error) {
    return { ok: false, problem: `The provisioning file ${target.href} could not be loaded (${(error as Error).message}).` };
  }
  const parsed = parseConfigText(text);
  return parsed.ok ? parsed : { ok: false, problem: `The provisioning file ${target.href} was refused: ${parsed.problem}` };
}
