import type { IceGatheringTimings } from '../sip/media-port';
import type { Timers } from '../sip/ports';
import { candidateType } from './candidate-type';
import { IceGatheringPolicy, type GatheringDecision } from './ice-gathering-policy';

export interface CandidateWatch {
  /** Call right after setLocalDescription. */
  start(): void;
  /** The policy's decision; undefined when the watch was cancelled. */
  readonly decision: Promise<GatheringDecision | undefined>;
  cancel(): void;
}

/**
 * Feeds a peer connection's candidate events into an IceGatheringPolicy. Created before
 * setLocalDescription, because Chromium reports pooled candidates while that call is running.
 */
export function watchCandidates(
  pc: RTCPeerConnection,
  options: { timers: Timers; relayOnly: boolean; hostOnly?: boolean; requestedAt: number; timings?: Partial<IceGatheringTimings> },
): CandidateWatch {
  let resolve!: (decision: GatheringDecision | undefined) => void;
  const decision = new Promise<GatheringDecision | undefined>((r) => (resolve = r));
  const policy = new IceGatheringPolicy({ ...options, onDecision: (d) => finish(d) });

  const onCandidate = (event: RTCPeerConnectionIceEvent) => {
    if (!event.candidate) {
      policy.complete();
      return;
    }
    const type = candidateType(event.candidate);
    if (type) policy.candidate(type);
  };
  const onGatheringState = () => {
    if (pc.iceGatheringState === 'complete') policy.complete();
  };
  pc.addEventListener('icecandidate', onCandidate);
  pc.addEventListener('icegatheringstatechange', onGatheringState);

  function finish(result: GatheringDecision | undefined): void {
    pc.removeEventListener('icecandidate', onCandidate);
    pc.removeEventListener('icegatheringstatechange', onGatheringState);
    resolve(result);
  }

  return {
    decision,
    start() {
      policy.start();
      onGatheringState();
    },
    cancel() {
      policy.cancel();
      finish(undefined);
    },
  };
}
