import type { CandidateType } from './ice-gathering-policy';

/**
 * The type of an ICE candidate from its a=candidate line ("… typ srflx raddr …", RFC 8839 §5.1).
 * RTCIceCandidate.type carries the same, but not in every browser, so the line is the fallback.
 */
export function candidateType(candidate: { type?: string | null; candidate: string }): CandidateType | undefined {
  const type = candidate.type ?? / typ (\S+)/.exec(candidate.candidate)?.[1];
  return type === 'host' || type === 'srflx' || type === 'prflx' || type === 'relay' ? type : undefined;
}
