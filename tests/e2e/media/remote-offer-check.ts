import { parse, write } from 'sdp-transform';
import { receiverAudioCodecs } from '../../../src/media/codec-capabilities';
import { PEER_CONNECTION_POLICY } from '../../../src/media/peer-connection-policy';
import { codecPreferences, normalizeRemoteDescription, type AccountProfile } from '../../../src/sdp';

/** What Chromium made of a far end's offer after normalisation. */
export type RemoteOfferOutcome =
  /** setRemoteDescription took it; `answer` is createAnswer's SDP. */
  | { ok: true; normalized: string; answer: string }
  /** normalizeRemoteDescription refused it (the 488 case). */
  | { ok: false; stage: 'normalize'; warning: 304 | 305; reason: string }
  /** Chromium refused it: the error's name and text. */
  | { ok: false; stage: 'browser'; normalized: string; error: string };

/**
 * Runs a remote offer through the path an incoming call takes, without a microphone: normalise it
 * against this browser's codecs narrowed to the profile, set it on a fresh RTCPeerConnection
 * with the engine's bundle and rtcp-mux policy, ask for sendrecv, and create the answer.
 */
export async function acceptRemoteOffer(sdp: string, profile: AccountProfile): Promise<RemoteOfferOutcome> {
  const capabilities = codecPreferences(receiverAudioCodecs(), { profile });
  const result = normalizeRemoteDescription(parse(sdp), { role: 'offer', capabilities });
  if (!result.ok) return { ok: false, stage: 'normalize', warning: result.warning, reason: result.reason };
  const normalized = write(result.sdp);
  const pc = new RTCPeerConnection(PEER_CONNECTION_POLICY);
  try {
    await pc.setRemoteDescription({ type: 'offer', sdp: normalized });
    // As the engine does for a call: we want to send and receive; the answer then shows what the offer allows.
    for (const transceiver of pc.getTransceivers()) transceiver.direction = 'sendrecv';
    const answer = await pc.createAnswer();
    return { ok: true, normalized, answer: answer.sdp ?? '' };
  } catch (error) {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, stage: 'browser', normalized, error: text };
  } finally {
    pc.close();
  }
}
