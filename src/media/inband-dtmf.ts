import type { Logger, Timers } from '../sip/ports';
import type { DtmfRequest } from './dtmf-tones';
import { keyTone } from './tone-plans';

/**
 * In-band DTMF: the dual tones of ITU-T Q.23 (697/770/852/941 Hz × 1209/1336/1477/1633 Hz) mixed
 * into the audio we send, for far ends that only listen for tones in the voice (old IVRs, gateways
 * that strip RFC 4733 events).
 *
 * The graph: microphone track → MediaStreamAudioSourceNode ─┐
 *            per tone: two OscillatorNodes → GainNode envelope ─┴→ MediaStreamAudioDestinationNode
 *
 * The sender carries the mixed track only while tones play: replaceTrack swaps it in before the
 * first tone and the microphone track back after the last (no renegotiation either way). Keeping the
 * mixed track for the whole call would put every call's voice through Web Audio for a feature most
 * calls never use. The microphone stays in the mix, so the caller is still heard between and under
 * the tones, and a muted microphone (track.enabled false) mutes the voice but not the tones.
 */

/**
 * Peak level of each frequency. Q.24 lets the high group sit a little above the low one ("twist"),
 * which helps detectors on lines that lose high frequencies; together they peak at 0.45 of full scale.
 */
const LOW_GROUP_GAIN = 0.2;
const HIGH_GROUP_GAIN = 0.25;
/** 5 ms ramps: a tone switched on at full level clicks, and the click spreads energy detectors may misread. */
const RAMP_S = 0.005;
/** The first tone starts this late so replaceTrack has put the mixed track on the sender by then. */
const LEAD_S = 0.06;
/** "," in a dial string: a 2 s pause, as RTCDTMFSender treats it. */
const PAUSE_S = 2;

export interface InbandDtmfOptions {
  sender: RTCRtpSender;
  /** The microphone track the sender carries when no tone plays. */
  microphone: MediaStreamTrack;
  timers: Timers;
  /** A tone started going out. */
  onTone(tone: string): void;
  logger?: Logger;
}

interface MixGraph {
  context: AudioContext;
  destination: MediaStreamAudioDestinationNode;
  mixed: MediaStreamTrack;
}

export class InbandDtmf {
  private graph: MixGraph | undefined;
  /** AudioContext time at which the next queued tone may start. */
  private nextStartS = 0;
  /** Tones scheduled that have not ended. */
  private pending = 0;
  private closed = false;

  constructor(private readonly options: InbandDtmfOptions) {}

  /** Queues the tones after any still playing; false when Web Audio is missing. */
  play(request: DtmfRequest): boolean {
    const graph = this.openGraph();
    if (!graph || this.closed) return false;
    const { context } = graph;
    if (context.state === 'suspended') {
      context
        .resume()
        .catch((error: unknown) => this.options.logger?.log('warn', 'in-band DTMF audio did not start', error));
    }
    let at = Math.max(this.nextStartS, context.currentTime + LEAD_S);
    for (const tone of request.tones) {
      const plan = keyTone(tone);
      if (plan) this.schedule(graph, tone, plan.frequencies, at, request.durationMs / 1000);
      at += plan ? (request.durationMs + request.gapMs) / 1000 : PAUSE_S;
    }
    this.nextStartS = at;
    this.useTrack(graph.mixed);
    return true;
  }

  /** Stops the tones and releases the audio context; for the end of the call, whose sender goes with it. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (!this.graph) return;
    this.graph.mixed.stop();
    void this.graph.context.close();
  }

  private openGraph(): MixGraph | undefined {
    if (this.graph) return this.graph;
    if (typeof globalThis.AudioContext !== 'function') return undefined;
    const context = new AudioContext({ latencyHint: 'interactive' });
    const destination = context.createMediaStreamDestination();
    context.createMediaStreamSource(new MediaStream([this.options.microphone])).connect(destination);
    const mixed = destination.stream.getAudioTracks()[0];
    if (!mixed) {
      void context.close();
      return undefined;
    }
    this.graph = { context, destination, mixed };
    return this.graph;
  }

  private schedule(graph: MixGraph, tone: string, frequencies: number[], startS: number, durationS: number): void {
    const { context, destination } = graph;
    const envelope = context.createGain();
    envelope.gain.setValueAtTime(0, startS);
    envelope.gain.linearRampToValueAtTime(1, startS + RAMP_S);
    envelope.gain.setValueAtTime(1, startS + durationS - RAMP_S);
    envelope.gain.linearRampToValueAtTime(0, startS + durationS);
    envelope.connect(destination);
    const oscillators = frequencies.map((frequency, index) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      const level = context.createGain();
      level.gain.value = index === 0 ? LOW_GROUP_GAIN : HIGH_GROUP_GAIN;
      oscillator.connect(level).connect(envelope);
      oscillator.start(startS);
      oscillator.stop(startS + durationS);
      return oscillator;
    });
    this.pending++;
    this.options.timers.setTimeout(() => this.options.onTone(tone), Math.max(0, (startS - context.currentTime) * 1000));
    oscillators[0]!.onended = () => {
      envelope.disconnect();
      if (--this.pending === 0 && !this.closed) this.useTrack(this.options.microphone);
    };
  }

  private useTrack(track: MediaStreamTrack): void {
    if (this.options.sender.track === track) return;
    this.options.sender
      .replaceTrack(track)
      .catch((error: unknown) => this.options.logger?.log('warn', 'in-band DTMF could not switch the sent track', error));
  }
}
