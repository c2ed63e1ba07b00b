import { describe, expect, it } from 'vitest';
import { createAudioUnlock, selectSoundBlocked, type AudioContextLike, type GestureTarget } from '../../../src/pwa/audio-unlock';

/** An AudioContext that resumes only when `allowed` (the browser saw a user gesture, or autoplay is allowed). */
class FakeAudioContext implements AudioContextLike {
  state = 'suspended';
  allowed = false;
  private readonly listeners: (() => void)[] = [];
  addEventListener(_type: 'statechange', listener: () => void): void {
    this.listeners.push(listener);
  }
  resume(): Promise<void> {
    if (!this.allowed) return Promise.resolve();
    this.state = 'running';
    this.listeners.forEach((listener) => listener());
    return Promise.resolve();
  }
}

class FakeWindow implements GestureTarget {
  readonly listeners = new Map<string, () => void>();
  addEventListener(type: string, listener: () => void): void {
    this.listeners.set(type, listener);
  }
  removeEventListener(type: string): void {
    this.listeners.delete(type);
  }
  gesture(type: 'pointerdown' | 'keydown'): void {
    this.listeners.get(type)?.();
  }
}

function setup() {
  const context = new FakeAudioContext();
  const page = new FakeWindow();
  const errors: unknown[] = [];
  const audio = createAudioUnlock(() => context, page, (error) => errors.push(error));
  return { context, page, audio, blocked: () => selectSoundBlocked(audio.sound.getState()) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('unlocking audio', () => {
  it('says sound is blocked while a call rings before any gesture, until a click enables it', async () => {
    const { context, audio, blocked } = setup();
    expect(blocked()).toBe(false);
    audio.setRinging(true);
    audio.context();
    await audio.unlock();
    expect(blocked()).toBe(true);

    // The "Enable sound" click is a user gesture: now the browser lets the context run.
    context.allowed = true;
    await audio.unlock();
    expect(blocked()).toBe(false);
  });

  it('resumes audio on the first key or pointer gesture, so a later ring is heard', async () => {
    const { context, page, audio, blocked } = setup();
    context.allowed = true;
    page.gesture('keydown');
    await settle();
    expect(context.state).toBe('running');
    expect(page.listeners.size).toBe(0);
    audio.setRinging(true);
    expect(blocked()).toBe(false);
  });

  it('keeps listening when a gesture did not unlock sound', async () => {
    const { context, page } = setup();
    page.gesture('pointerdown');
    await settle();
    expect(context.state).toBe('suspended');
    expect([...page.listeners.keys()].sort()).toEqual(['keydown', 'pointerdown']);
  });

  it('is not blocked once the ringing stops', async () => {
    const { audio, blocked } = setup();
    audio.setRinging(true);
    await audio.unlock();
    expect(blocked()).toBe(true);
    audio.setRinging(false);
    expect(blocked()).toBe(false);
  });
});
