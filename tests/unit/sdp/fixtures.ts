import { readFileSync } from 'node:fs';
import { parse, type MediaDescription, type SessionDescription } from 'sdp-transform';
import type { CodecCapability } from '../../../src/sdp';

/** A fixture's text with CRLF line ends, as it travels in a SIP body. */
export function sdpText(name: string): string {
  return readFileSync(new URL(`../../fixtures/sdp/${name}`, import.meta.url), 'utf8').replace(/\r?\n/g, '\r\n');
}

export function loadSdp(name: string): SessionDescription {
  return parse(sdpText(name));
}

/** RTCRtpReceiver.getCapabilities('audio').codecs as Chromium 156 reported them. */
export const chromeCapabilities: CodecCapability[] = JSON.parse(
  readFileSync(new URL('../../fixtures/sdp/chrome-156-audio-capabilities.json', import.meta.url), 'utf8'),
) as CodecCapability[];

/** The m= line's format list as a string ("0 8 101"). */
export function payloadsOf(media: MediaDescription | undefined): string {
  return String(media?.payloads ?? '');
}

/** "PT name/rate" for each a=rtpmap, in order. */
export function rtpmapsOf(media: MediaDescription | undefined): string[] {
  return (media?.rtp ?? []).map((r) => `${r.payload} ${r.codec}/${r.rate}`);
}

/** The m= line at `index`, failing the test when it is missing. */
export function mediaAt(session: SessionDescription, index: number): MediaDescription {
  const media = session.media[index];
  if (!media) throw new Error(`no m= line ${index}`);
  return media;
}
