import type { Page } from 'playwright-core';

declare global {
  interface Window {
    /** How many times the page asked for the microphone (getUserMedia). */
    __microphoneOpens?: number;
  }
}

/** An init script: counts getUserMedia calls, so a test can tell when the microphone was opened. */
export function countMicrophoneOpens(): void {
  const devices = navigator.mediaDevices;
  const open = devices.getUserMedia.bind(devices);
  window.__microphoneOpens = 0;
  devices.getUserMedia = (constraints) => {
    window.__microphoneOpens = (window.__microphoneOpens ?? 0) + 1;
    return open(constraints);
  };
}

export function microphoneOpens(page: Page): Promise<number> {
  return page.evaluate(() => window.__microphoneOpens ?? 0);
}
