import type { PingResult } from '../sip';

export interface ReachabilityReport {
  /** One line: "Reachable: 200 OK in 12 ms" or why it is not reachable. */
  headline: string;
  reachable: boolean;
  /** What the far end said about itself, in display order; empty lists are left out. */
  details: [label: string, value: string][];
}

/** What an OPTIONS ping learnt, as text for the reachability check. */
export function reachabilityReport(result: PingResult): ReachabilityReport {
  if (!result.reachable) return { headline: `Not reachable: ${result.message}`, reachable: false, details: [] };
  const details: [string, string][] = [];
  const add = (label: string, values: string[] | string | undefined) => {
    const text = Array.isArray(values) ? values.join(', ') : values;
    if (text) details.push([label, text]);
  };
  add('Allow', result.allow);
  add('Accept', result.accept);
  add('Supported', result.supported);
  add('User-Agent', result.userAgent);
  return {
    headline: `Reachable: ${result.status} ${result.reason} in ${Math.round(result.rttMs)} ms`,
    reachable: true,
    details,
  };
}
