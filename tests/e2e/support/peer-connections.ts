import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** Every RTCPeerConnection the page made, for tests (see keepPeerConnections). */
    __testPeerConnections?: RTCPeerConnection[];
  }
}

/**
 * An init script (page.addInitScript): wraps RTCPeerConnection so every instance the app makes
 * is also kept on window.__testPeerConnections, where the test can read its statistics. Runs
 * before the app's code, so the app and webrtc-adapter see the wrapper as the native class.
 */
export function keepPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const kept: RTCPeerConnection[] = [];
  window.__testPeerConnections = kept;
  class KeptPeerConnection extends Native {
    constructor(configuration?: RTCConfiguration) {
      super(configuration);
      kept.push(this);
    }
  }
  window.RTCPeerConnection = KeptPeerConnection;
}

export interface RtpBytes {
  /** Connections not closed. */
  open: number;
  /** outbound-rtp bytesSent, summed over the open connections' audio. */
  sent: number;
  /** inbound-rtp bytesReceived, likewise. */
  received: number;
}

/** RTP byte counters of the page's open peer connections, from getStats(). */
export function rtpBytes(page: Page): Promise<RtpBytes> {
  return page.evaluate(async () => {
    const open = (window.__testPeerConnections ?? []).filter((pc) => pc.connectionState !== 'closed');
    let sent = 0;
    let received = 0;
    for (const pc of open) {
      const report = await pc.getStats();
      report.forEach((entry: { type: string; kind?: string; bytesSent?: number; bytesReceived?: number }) => {
        if (entry.kind !== 'audio') return;
        if (entry.type === 'outbound-rtp') sent += entry.bytesSent ?? 0;
        if (entry.type === 'inbound-rtp') received += entry.bytesReceived ?? 0;
      });
    }
    return { open: open.length, sent, received };
  });
}

/** When the first inbound audio packet was seen (ms since the epoch), two ways. */
export interface FirstInboundAudio {
  /** The first getStats() (polled every 10 ms) whose inbound-rtp audio had packetsReceived > 0. */
  statsAt: number | undefined;
  /** The remote audio track's unmute event, which Chromium fires when the first packet arrives. */
  unmuteAt: number | undefined;
}

declare global {
  interface Window {
    __testFirstInboundAudio?: FirstInboundAudio;
  }
}

/**
 * Starts watching the page's peer connections, present and future, for the first inbound audio
 * packet. Needs keepPeerConnections. Read the result with firstInboundAudio().
 */
export function watchFirstInboundAudio(page: Page, timeoutMs = 20_000): Promise<void> {
  return page.evaluate((timeout) => {
    const seen: FirstInboundAudio = { statsAt: undefined, unmuteAt: undefined };
    window.__testFirstInboundAudio = seen;
    const now = () => performance.timeOrigin + performance.now();
    const watched = new WeakSet<MediaStreamTrack>();
    const deadline = now() + timeout;
    const poll = async () => {
      while (seen.statsAt === undefined && now() < deadline) {
        // A delayed-offer caller makes its connection only when the offer arrives: look again each round.
        for (const pc of (window.__testPeerConnections ?? []).filter((c) => c.connectionState !== 'closed')) {
          for (const { track } of pc.getReceivers()) {
            if (track.kind !== 'audio' || watched.has(track)) continue;
            watched.add(track);
            if (track.muted) track.addEventListener('unmute', () => (seen.unmuteAt ??= now()), { once: true });
          }
          const report = await pc.getStats();
          report.forEach((entry: { type: string; kind?: string; packetsReceived?: number }) => {
            if (entry.type === 'inbound-rtp' && entry.kind === 'audio' && (entry.packetsReceived ?? 0) > 0) seen.statsAt ??= now();
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    void poll();
  }, timeoutMs);
}

/** What watchFirstInboundAudio has seen so far (never waits). */
export async function firstInboundAudio(page: Page): Promise<FirstInboundAudio> {
  return page.evaluate(() => window.__testFirstInboundAudio ?? { statsAt: undefined, unmuteAt: undefined });
}
