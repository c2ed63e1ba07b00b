import { parseDialTarget, type DialTarget } from '../services/dial-target';
import type { Screen } from '../stores/navigation';

/**
 * What a launch URL asks for: a screen (the manifest's shortcuts open `/?screen=history`) and a
 * number to dial (the protocol handlers open `/?dial=<the sip:, tel: or web+callto: link>`).
 */
export interface LaunchIntent {
  screen: Screen | undefined;
  dial: { text: string; target: DialTarget } | undefined;
}

const SCREENS: readonly Screen[] = ['phone', 'messages', 'history', 'contacts', 'settings', 'diagnostics'];
/** web+callto: (and the older callto:) carry a number or a user@host, sometimes after "//". */
const CALLTO = /^(?:web\+)?callto:(?:\/\/)?/i;

export function launchIntent(search: string): LaunchIntent {
  const params = new URLSearchParams(search);
  const screen = params.get('screen');
  const link = params.get('dial')?.trim();
  return {
    screen: SCREENS.find((known) => known === screen),
    dial: link ? dialFromLink(link) : undefined,
  };
}

function dialFromLink(link: string): { text: string; target: DialTarget } {
  const text = link.replace(CALLTO, '');
  const target = parseDialTarget(text);
  return { text: target.ok ? target.target : text, target };
}

/** The query string without the parameters a launch consumes, so a reload does not dial again. */
export function withoutLaunchParams(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('dial');
  params.delete('screen');
  const rest = params.toString();
  return rest === '' ? '' : `?${rest}`;
}
