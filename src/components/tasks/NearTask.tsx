import { TaskPanel } from './TaskPanel';
import { SearchBox } from '../SearchBox';
import { NearHere } from '../NearHere';
import { CommunityAssets } from '../CommunityAssets';
import { Practices } from '../Practices';
import { Sources } from '../Sources';
import { YourDataLazy } from '../YourDataLazy';

/** Near me: from a postcode or a point, the nearest services, and the community asset layers. */
export function NearTask() {
  return (
    <TaskPanel id="near">
      <SearchBox />
      <NearHere />
      <CommunityAssets />
      <Practices />
      <YourDataLazy />
      <Sources />
    </TaskPanel>
  );
}
