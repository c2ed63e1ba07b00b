import { describe, expect, it } from 'vitest';
import { microphoneFailure } from '../../../src/media/microphone-failure';

function domError(name: string, message = 'x'): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

describe('microphoneFailure', () => {
  it('reports a refused permission as "microphone blocked"', () => {
    expect(microphoneFailure(domError('NotAllowedError', 'Permission denied'))).toEqual({
      code: 'microphone-denied',
      message: 'microphone blocked',
      detail: 'NotAllowedError: Permission denied',
    });
    expect(microphoneFailure(domError('SecurityError')).code).toBe('microphone-denied');
  });

  it('reports a missing or unplugged device as "no microphone found"', () => {
    for (const name of ['NotFoundError', 'DevicesNotFoundError', 'OverconstrainedError']) {
      expect(microphoneFailure(domError(name))).toMatchObject({ code: 'microphone-missing', message: 'no microphone found' });
    }
  });

  it('reports a device that cannot start as unavailable', () => {
    expect(microphoneFailure(domError('NotReadableError')).code).toBe('microphone-unavailable');
  });

  it('reads a plain object with a name the way it reads a DOMException', () => {
    expect(microphoneFailure({ name: 'NotAllowedError', message: 'denied' }).code).toBe('microphone-denied');
  });

  it('keeps anything else as an internal failure with its text for the log', () => {
    expect(microphoneFailure('weird')).toEqual({ code: 'internal', message: 'media error', detail: 'weird' });
  });
});
