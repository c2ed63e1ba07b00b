import { mediaFailure, type MediaFailure } from '../sip/media-port';

/**
 * What a getUserMedia rejection means for the user (Media Capture and Streams §9.2 error names,
 * plus the older Chrome names some versions still use).
 */
export function microphoneFailure(error: unknown): MediaFailure {
  const name = error instanceof Error || isNamed(error) ? error.name : '';
  const detail = error instanceof Error || isNamed(error) ? `${error.name}: ${error.message}` : String(error);
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return mediaFailure('microphone-denied', { detail });
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      // Overconstrained: the chosen deviceId is gone (headset unplugged).
      return mediaFailure('microphone-missing', { detail });
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return mediaFailure('microphone-unavailable', { detail });
    case 'TypeError':
      return mediaFailure('media-unsupported', { detail });
    default:
      return mediaFailure('internal', { detail });
  }
}

function isNamed(error: unknown): error is { name: string; message: string } {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string';
}
