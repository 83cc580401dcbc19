import { lazy, Suspense } from 'react';
import { useFirstViewDrawn } from '../data/firstView';

// "Your data" (file parsing, checks, point and patients readers) loads when its panel first shows, and not
// before the first map view is drawn: its code (with the coordinate converter) is not needed for that view.
const YourData = lazy(() => import('./YourData').then((m) => ({ default: m.YourData })));

const loading = <p role="status">Loading “Your data”…</p>;

/** The "Your data" panel, loaded on demand; used by every task that offers it. */
export function YourDataLazy() {
  const ready = useFirstViewDrawn();
  return ready ? <Suspense fallback={loading}><YourData /></Suspense> : loading;
}
