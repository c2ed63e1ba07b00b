import { WebRtcMediaEngine } from '../../../src/media';
import { browserRandom } from '../../../src/platform/browser-random';
import { browserTimers } from '../../../src/platform/browser-timers';
import type { IceGatheringReport, MediaSession } from '../../../src/sip/media-port';
import type { MediaHarness } from './harness-api';
import { acceptRemoteOffer } from './remote-offer-check';
import { ToneAnalyser } from './tone-analyser';

/** The page the media engine test drives: one engine, several named sessions in one tab. */

const engine = new WebRtcMediaEngine({ timers: browserTimers, random: browserRandom });

/** Every peer connection the engine makes, so a test can look at what a session receives. */
const peerConnections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class RecordedPeerConnection extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    peerConnections.push(this);
  }
};

interface SessionRecord {
  session: MediaSession;
  events: string[];
  gathering: IceGatheringReport[];
  pc: RTCPeerConnection | undefined;
  analyser?: ToneAnalyser;
}

const sessions = new Map<string, SessionRecord>();

function entry(name: string) {
  const found = sessions.get(name);
  if (!found) throw new Error(`no session "${name}"`);
  return found;
}

const harness: MediaHarness = {
  create(name, options) {
    const made = peerConnections.length;
    const session = engine.createSession(options);
    const record: SessionRecord = { session, events: [], gathering: [], pc: peerConnections[made] };
    session.on('state', (state, failure) => record.events.push(failure ? `state ${state} ${failure.code}` : `state ${state}`));
    session.on('remote-audio', (flowing) => record.events.push(`remote-audio ${flowing}`));
    session.on('dtmf', (tone) => record.events.push(`dtmf ${tone}`));
    session.on('ice-gathering', (report) => record.gathering.push(report));
    sessions.set(name, record);
  },
  async offer(name, options) {
    const started = performance.now();
    const result = await entry(name).session.createOffer(options);
    return { result, ms: performance.now() - started };
  },
  answer: (name, offer, options) => entry(name).session.createAnswer(offer, options),
  applyAnswer: (name, answer, provisional) => entry(name).session.setRemoteAnswer(answer, { provisional: provisional ?? false }),
  stats: (name) => entry(name).session.stats(),
  dtmf: (name, tones) => entry(name).session.sendDtmf(tones),
  state: (name) => entry(name).session.state,
  events: (name) => [...entry(name).events],
  gathering: (name) => [...entry(name).gathering],
  close(name) {
    const record = entry(name);
    record.analyser?.close();
    record.session.close();
  },
  playTone: (tone) => engine.playTone(tone),
  stopTone: () => engine.stopTone(),
  playKeyTone: (key) => engine.playKeyTone(key),
  setOutputDevice: (deviceId) => engine.setOutputDevice(deviceId),
  acceptRemoteOffer,
  inbandDtmf: (name, tones, durationMs) => entry(name).session.sendInbandDtmf(tones, durationMs),
  setMuted: (name, muted) => entry(name).session.setMuted(muted),
  receivedLevels(name, frequencies) {
    const record = entry(name);
    if (!record.analyser) {
      const track = record.pc?.getReceivers().find((r) => r.track.kind === 'audio')?.track;
      if (!track) throw new Error(`session "${name}" receives no audio track`);
      record.analyser = new ToneAnalyser(track);
    }
    return record.analyser.levels(frequencies);
  },
};

window.mediaHarness = harness;
document.title = 'media harness ready';
