import { TaskPanel } from './TaskPanel';
import { useStore } from '../../store';
import { SearchBox } from '../SearchBox';
import { AreaHead } from '../AreaProfile';
import { Neighbourhoods } from '../Neighbourhoods';
import { ComparePanel } from '../ComparePanel';
import { WithValues } from '../WithValues';
import { Sources } from '../Sources';
import { ComparisonServingPractices } from '../ServingPracticesLazy';

/** Compare places: choose places (presets, areas, drawn neighbourhoods), then read them side by side. */
export function CompareTask() {
  // Widened, the comparison is drawn in the main area instead (one copy on the page).
  const wide = useStore((s) => s.view === 'comparison');
  return (
    <TaskPanel id="compare">
      <SearchBox />
      <AreaHead compact />
      {wide ? null : (
        <WithValues ids="all">
          <ComparePanel />
        </WithValues>
      )}
      <ComparisonServingPractices />
      <Neighbourhoods />
      <Sources />
    </TaskPanel>
  );
}
