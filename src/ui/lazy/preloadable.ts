import { createElement, lazy, type ComponentType } from 'react';

export interface Preloadable<P extends object> {
  /** Renders the component, suspending only while its chunk is still on the way. */
  Component: ComponentType<P>;
  /** Fetches the chunk now; later calls share the same fetch, and a failed one is tried afresh. */
  preload(): Promise<ComponentType<P>>;
}

/**
 * A component kept out of the first load. Unlike React.lazy alone, once the chunk is in (preloaded
 * on idle) it renders straight away, so a tab switch never flashes the loading state.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  let loaded: ComponentType<P> | undefined;
  let pending: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (pending ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // React keeps a failed lazy failed: a fresh one lets "Try again" fetch anew.
        pending = undefined;
        Lazy = lazy(fromPreload);
        throw error;
      },
    ));
  const fromPreload = async () => ({ default: await preload() });
  let Lazy = lazy(fromPreload);
  function Component(props: P) {
    const Loaded = loaded;
    return Loaded ? createElement(Loaded, props) : createElement(Lazy, props);
  }
  return { Component, preload };
}
