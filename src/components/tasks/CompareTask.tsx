import { TaskPanel } from './TaskPanel';
import { SearchBox } from '../SearchBox';
import { AreaHead } from '../AreaProfile';
import { Neighbourhoods } from '../Neighbourhoods';
import { ComparePanel } from '../ComparePanel';
import { Sources } from '../Sources';

/** Compare places: choose places (presets, areas, drawn neighbourhoods), then read them side by side. */
export function CompareTask() {
  return (
    <TaskPanel id="compare">
      <SearchBox />
      <AreaHead compact />
      <ComparePanel />
      <Neighbourhoods />
      <Sources />
    </TaskPanel>
  );
}
