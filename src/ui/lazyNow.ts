import { lazy, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
export interface LazyNow<T extends ComponentType<any>> {
  /** The component, for React (suspends only if its code is not here yet). */
  Component: T;
  /** Start loading the code now (a failure is left for the component to report when shown). */
  preload: () => void;
  /** Whether the code is here, so showing the component will not suspend. */
  loaded: () => boolean;
  /** Starts loading (again, after a failure) if need be; resolves once it has finished, either way (never rejects). */
  whenSettled: () => Promise<void>;
}

/**
 * A component in a chunk of its own, loaded when first shown or earlier with `preload()` (the map's code as the
 * app starts, Near me's panel once the first view is drawn). Once loaded it is handed to React at once (a
 * thenable that calls back synchronously): React.lazy would otherwise suspend for a moment even for code that
 * is already here, and a suspended lazy is retried only after any deferred render.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
export function lazyNow<T extends ComponentType<any>>(load: () => Promise<T>): LazyNow<T> {
  let done: T | null = null;
  let pending: Promise<T> | null = null;
  const get = () =>
    (pending ??= load().then(
      (c) => (done = c),
      (e: unknown) => {
        pending = null;
        throw e;
      },
    ));
  const Component = lazy(() => (done ? ({ then: (ok: (m: { default: T }) => void) => ok({ default: done! }) } as unknown as Promise<{ default: T }>) : get().then((c) => ({ default: c })))) as unknown as T;
  const whenSettled = () =>
    get().then(
      () => undefined,
      () => undefined,
    );
  return { Component, preload: () => void whenSettled(), loaded: () => done !== null, whenSettled };
}
