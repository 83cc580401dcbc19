import { TaskPanel } from './TaskPanel';
import { SearchBox } from '../SearchBox';
import { NearHere } from '../NearHere';
import { CommunityAssets } from '../CommunityAssets';
import { Practices } from '../Practices';
import { Sources } from '../Sources';
import { lazy, Suspense } from 'react';

// "Your data" (file parsing, checks, point and patients readers) loads when its panel first shows.
const YourData = lazy(() => import('../YourData').then((m) => ({ default: m.YourData })));

/** Near me: from a postcode or a point, the nearest services, and the community asset layers. */
export function NearTask() {
  return (
    <TaskPanel id="near">
      <SearchBox />
      <NearHere />
      <CommunityAssets />
      <Practices />
      <Suspense fallback={<p role="status">Loading “Your data”…</p>}>
        <YourData />
      </Suspense>
      <Sources />
    </TaskPanel>
  );
}
