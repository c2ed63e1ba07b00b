import { mediaFailure, type MediaResult } from '../sip/media-port';
import { microphoneFailure } from './microphone-failure';

/** Voice processing on: echo cancellation matters most for a softphone on laptop speakers. */
function constraints(deviceId: string | undefined): MediaStreamConstraints {
  return {
    audio: {
      echoCancellation: true,
      noiseSuppression: true,
      autoGainControl: true,
      ...(deviceId ? { deviceId: { exact: deviceId } } : {}),
    },
    video: false,
  };
}

/** Opens the microphone; a refusal or missing device is a failure value, not an exception. */
export async function openMicrophone(deviceId: string | undefined): Promise<MediaResult<{ stream: MediaStream }>> {
  // navigator.mediaDevices is undefined outside a secure context (plain http on a LAN address).
  if (!globalThis.navigator?.mediaDevices?.getUserMedia) {
    return { ok: false, failure: mediaFailure('media-unsupported', { detail: 'navigator.mediaDevices is missing' }) };
  }
  try {
    const stream = await navigator.mediaDevices.getUserMedia(constraints(deviceId));
    return { ok: true, stream };
  } catch (error) {
    return { ok: false, failure: microphoneFailure(error) };
  }
}
