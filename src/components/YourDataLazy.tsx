import { lazy, Suspense } from 'react';

// "Your data" (file parsing, checks, point and patients readers) loads when its panel first shows.
const YourData = lazy(() => import('./YourData').then((m) => ({ default: m.YourData })));

/** The "Your data" panel, loaded on demand; used by every task that offers it. */
export function YourDataLazy() {
  return (
    <Suspense fallback={<p role="status">Loading “Your data”…</p>}>
      <YourData />
    </Suspense>
  );
}
