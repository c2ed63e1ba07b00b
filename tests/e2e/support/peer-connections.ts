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
