import { describe, it, expect } from 'vitest';
import { lazyNow } from '../../../src/ui/lazyNow';

// The component the loader hands over is a stand-in (a plain function); only the loading is under test.
const Fake = () => null;
const defer = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((ok, no) => ((resolve = ok), (reject = no)));
  return { promise, resolve, reject };
};

describe('lazyNow: a chunk asked for early, whose readiness the map area can wait on', () => {
  it('is not loaded until its code arrives, then is; it loads once however often it is asked', async () => {
    const d = defer<typeof Fake>();
    let calls = 0;
    const l = lazyNow(() => (calls++, d.promise));
    expect(l.loaded()).toBe(false);
    l.preload();
    l.preload();
    const settled = l.whenSettled();
    expect(l.loaded()).toBe(false);
    d.resolve(Fake);
    await settled;
    expect(l.loaded()).toBe(true);
    await l.whenSettled();
    expect(calls).toBe(1);
  });

  it('settles without throwing when the download fails, stays not loaded, and tries again when asked again', async () => {
    const attempts = [defer<typeof Fake>(), defer<typeof Fake>()];
    let calls = 0;
    const l = lazyNow(() => attempts[calls++].promise);
    const first = l.whenSettled();
    attempts[0].reject(new Error('network'));
    await expect(first).resolves.toBeUndefined();
    expect(l.loaded()).toBe(false);
    const second = l.whenSettled();
    expect(calls).toBe(2);
    attempts[1].resolve(Fake);
    await second;
    expect(l.loaded()).toBe(true);
  });
});
