import { WebRtcMediaEngine } from '../../../src/media';
import { browserRandom } from '../../../src/platform/browser-random';
import { browserTimers } from '../../../src/platform/browser-timers';
import type { IceGatheringReport, MediaSession } from '../../../src/sip/media-port';
import type { MediaHarness } from './harness-api';

/** The page the media engine test drives: one engine, several named sessions in one tab. */

const engine = new WebRtcMediaEngine({ timers: browserTimers, random: browserRandom });
const sessions = new Map<string, { session: MediaSession; events: string[]; gathering: IceGatheringReport[] }>();

function entry(name: string) {
  const found = sessions.get(name);
  if (!found) throw new Error(`no session "${name}"`);
  return found;
}

const harness: MediaHarness = {
  create(name, options) {
    const session = engine.createSession(options);
    const record = { session, events: [] as string[], gathering: [] as IceGatheringReport[] };
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
  close: (name) => entry(name).session.close(),
  playTone: (tone) => engine.playTone(tone),
  stopTone: () => engine.stopTone(),
  playKeyTone: (key) => engine.playKeyTone(key),
  setOutputDevice: (deviceId) => engine.setOutputDevice(deviceId),
};

window.mediaHarness = harness;
document.title = 'media harness ready';
