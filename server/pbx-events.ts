import { Emitter } from '../src/sip/util/emitter';

/** One SIP message as it crossed a flow, for tests and tools that watch the PBX at work. */
export interface PbxMessageEvent {
  direction: 'in' | 'out';
  flowId: number;
  /** The text as received or sent, credentials included: this is an in-process hook, not a log. */
  text: string;
}

export interface PbxEvents {
  message: [event: PbxMessageEvent];
  flowOpened: [flowId: number, peer: string];
  flowClosed: [flowId: number];
}

/** The PBX's observable events; only the PBX publishes. */
export class PbxEventStream extends Emitter<PbxEvents> {
  publish<K extends keyof PbxEvents>(event: K, ...args: PbxEvents[K]): void {
    this.safeEmit(event, ...args);
  }
}
