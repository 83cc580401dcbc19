import { TaskPanel } from './TaskPanel';
import { SearchBox } from '../SearchBox';
import { Controls } from '../Controls';
import { Legend } from '../Legend';
import { PracticeProfile } from '../PracticeProfile';
import { AreaProfile } from '../AreaProfile';
import { Practices } from '../Practices';
import { Sources } from '../Sources';
import { lazy, Suspense } from 'react';

// "Your data" (file parsing, checks, point and patients readers) loads when its panel first shows.
const YourData = lazy(() => import('../YourData').then((m) => ({ default: m.YourData })));

/** Explore areas: the map of one indicator, its legend, and the profile of the chosen area or practice. */
export function ExploreTask() {
  return (
    <TaskPanel id="explore">
      <SearchBox />
      <Controls />
      <Legend />
      <PracticeProfile />
      <AreaProfile />
      <Practices />
      <Suspense fallback={<p role="status">Loading “Your data”…</p>}>
        <YourData />
      </Suspense>
      <Sources />
    </TaskPanel>
  );
}
