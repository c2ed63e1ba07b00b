import { createElement, Suspense, type ComponentType } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { describe, expect, it, vi } from 'vitest';
import { preloadable } from '../../../src/ui/lazy/preloadable';

interface GreetingProps {
  name: string;
}

const Greeting: ComponentType<GreetingProps> = ({ name }) => createElement('p', null, `Hello ${name}`);

/** A loader counting its calls, resolving (or failing) when the test says. */
function controlledLoader() {
  const calls: { resolve(c: ComponentType<GreetingProps>): void; reject(e: Error): void }[] = [];
  const load = () => new Promise<ComponentType<GreetingProps>>((resolve, reject) => calls.push({ resolve, reject }));
  return { load, calls };
}

const inSuspense = (element: ReturnType<typeof createElement>) => createElement(Suspense, { fallback: 'Loading' }, element);

async function prerendered(element: ReturnType<typeof createElement>): Promise<string> {
  const { prelude } = await prerender(element);
  return new Response(prelude).text();
}

describe('preloadable', () => {
  it('suspends before its chunk is in, loading it once for the render and a later preload', async () => {
    const { load, calls } = controlledLoader();
    const { Component, preload } = preloadable(load);
    expect(renderToString(inSuspense(createElement(Component, { name: 'Ada' })))).toContain('Loading');
    const rendering = prerendered(inSuspense(createElement(Component, { name: 'Ada' })));
    const preloading = preload();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(Greeting);
    await preloading;
    expect(await rendering).toContain('Hello Ada');
  });

  it('renders at once, without suspending, once preloaded', async () => {
    const { load, calls } = controlledLoader();
    const { Component, preload } = preloadable(load);
    const first = preload();
    const second = preload();
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(Greeting);
    expect(await first).toBe(Greeting);
    expect(await second).toBe(Greeting);
    expect(renderToString(createElement(Component, { name: 'Grace' }))).toBe('<p>Hello Grace</p>');
  });

  it('fetches afresh after a failed load, for the preload and the render alike', async () => {
    const { load, calls } = controlledLoader();
    const { Component, preload } = preloadable(load);
    const failing = preload();
    calls[0]!.reject(new Error('offline'));
    await expect(failing).rejects.toThrow('offline');

    const rendering = prerendered(inSuspense(createElement(Component, { name: 'Alan' })));
    await vi.waitFor(() => expect(calls).toHaveLength(2));
    calls[1]!.resolve(Greeting);
    expect(await rendering).toContain('Hello Alan');
  });
});
