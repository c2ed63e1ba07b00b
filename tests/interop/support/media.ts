import type { Page } from 'playwright-core';
import { rtpBytes, type RtpBytes } from '../../e2e/support/peer-connections';
import { waitUntil } from './wait';

/** Waits until the page's RTP byte counters grow both ways (sent and received) from now on. */
export async function waitForRtpBothWays(page: Page, timeoutMs = 10_000): Promise<{ before: RtpBytes; after: RtpBytes }> {
  const before = await rtpBytes(page);
  let after = before;
  await waitUntil(
    async () => {
      after = await rtpBytes(page);
      return after.sent > before.sent + 1000 && after.received > before.received + 1000;
    },
    timeoutMs,
    () => `RTP bytes did not grow both ways: before ${JSON.stringify(before)}, now ${JSON.stringify(after)}`,
  );
  return { before, after };
}

/**
 * The loudest inbound audioLevel (0–1) of the page's open peer connections. Chromium reports
 * it only for a remote track that is being played, which the app does through an <audio> element.
 */
export function remoteAudioLevel(page: Page): Promise<number> {
  return page.evaluate(async () => {
    let level = 0;
    for (const pc of (window.__testPeerConnections ?? []).filter((c) => c.connectionState !== 'closed')) {
      (await pc.getStats()).forEach((entry: { type: string; kind?: string; audioLevel?: number }) => {
        if (entry.type === 'inbound-rtp' && entry.kind === 'audio') level = Math.max(level, entry.audioLevel ?? 0);
      });
    }
    return level;
  });
}

/** Waits until the far end is heard: a remote audio level above silence. */
export async function waitForRemoteAudio(page: Page, timeoutMs = 10_000): Promise<number> {
  let level = 0;
  await waitUntil(
    async () => (level = await remoteAudioLevel(page)) > 0.01,
    timeoutMs,
    () => `remote audio level stayed at ${level}`,
  );
  return level;
}

/** The nominated ICE candidate pair's local and remote candidate types ("host", "relay", …). */
export function nominatedCandidateTypes(page: Page): Promise<{ local: string; remote: string }[]> {
  return page.evaluate(async () => {
    const pairs: { local: string; remote: string }[] = [];
    for (const pc of (window.__testPeerConnections ?? []).filter((c) => c.connectionState !== 'closed')) {
      const report = await pc.getStats();
      const byId = new Map<string, { candidateType?: string }>();
      report.forEach((entry: { id: string; candidateType?: string }) => byId.set(entry.id, entry));
      report.forEach((entry: { type: string; nominated?: boolean; state?: string; localCandidateId?: string; remoteCandidateId?: string }) => {
        if (entry.type !== 'candidate-pair' || !entry.nominated || entry.state !== 'succeeded') return;
        pairs.push({
          local: byId.get(entry.localCandidateId ?? '')?.candidateType ?? '?',
          remote: byId.get(entry.remoteCandidateId ?? '')?.candidateType ?? '?',
        });
      });
    }
    return pairs;
  });
}
