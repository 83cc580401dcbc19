import { lazy, type ComponentType } from 'react';

/**
 * A component in a chunk of its own, loaded when first shown or earlier with `preload()` (the app preloads the
 * task panels once the first view is drawn, so opening a task does not wait for the network). Once loaded it
 * is handed to React at once, so it renders without a moment of its loading fallback.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's props
export function lazyPanel<T extends ComponentType<any>>(load: () => Promise<T>): { Component: T; preload: () => void } {
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
  return { Component, preload: () => void get().catch(() => undefined) };
}
