import { TaskPanel } from './TaskPanel';
import { SearchBox } from '../SearchBox';
import { Controls } from '../Controls';
import { Legend } from '../Legend';
import { PracticeProfile } from '../PracticeProfile';
import { AreaProfile } from '../AreaProfile';
import { Practices } from '../Practices';
import { Sources } from '../Sources';
import { YourDataLazy } from '../YourDataLazy';

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
      <YourDataLazy />
      <Sources />
    </TaskPanel>
  );
}
