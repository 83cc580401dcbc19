import { Suspense, useDeferredValue, useEffect, useRef, useState } from 'react';
import { lazyNow } from './ui/lazyNow';
import { firstView } from './data/firstView';
import { useStore } from './store';
import { useStartup } from './data/startup';
import { AccessibilityStatement } from './components/AccessibilityStatement';
import { MapArea } from './components/MapArea';
import { LoadStatus } from './components/LoadStatus';
import { BasemapQuestion } from './components/BasemapQuestion';
import { Messages } from './components/Messages';
import { TaskNav } from './components/TaskNav';
import { ExploreTask } from './components/tasks/ExploreTask';
import { CompareTask } from './components/tasks/CompareTask';
import { ComparePanel } from './components/ComparePanel';
import { SiteTask } from './components/tasks/SiteTask';
import { TableView } from './components/TableView';
import { WithValues } from './components/WithValues';
import type { TaskId } from './lib/share/url';

// Explore is the first view; Near me's panel is a chunk of its own (site appraisal's too, in SiteTask).
// (Compare stays in the first download: the pilot team's comparison should never wait for the network.)
const nearTask = lazyNow(() => import('./components/tasks/NearTask').then((m) => m.NearTask));
const NearTask = nearTask.Component;
// Once the first view is drawn, Near me's panel loads in the background, ready when opened (outside React: a
// re-render of the app for it would redraw the whole panel).
const unsubscribe = firstView.subscribe(() => {
  unsubscribe();
  nearTask.preload();
});
const PANELS: Record<TaskId, React.ComponentType> = { explore: ExploreTask, compare: CompareTask, near: NearTask, site: SiteTask };
/** The longest the panel's deferred pass may wait behind the map's updates. */
const PANEL_WAIT_MS = 300;
const loadingPanel = <p className="panel-loading" role="status">Loading…</p>;

// The sheet's one button says what it will do next: grow, shrink to its tabs, or open again.
const SHEET_NEXT = { half: 'full', full: 'min', min: 'half' } as const;
const SHEET_BUTTON = { half: 'Expand panel', full: 'Show the map', min: 'Open panel' } as const;

export function App() {
  const bundle = useStore((s) => s.bundle);
  // The panel renders in a deferred (interruptible) pass once the data arrives, so the map area's pass comes
  // first and the map starts without waiting for the whole panel. The map's own updates can keep a deferred
  // pass waiting (seen when the map's code was already there: the panel stayed empty until the map was idle),
  // so after a short wait it renders anyway.
  const hasBundle = !!bundle;
  const deferred = useDeferredValue(hasBundle);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    if (!hasBundle) return setWaited(false);
    const t = setTimeout(() => setWaited(true), PANEL_WAIT_MS);
    return () => clearTimeout(t);
  }, [hasBundle]);
  const panelReady = hasBundle && (deferred || waited);
  const task = useStore((s) => s.task);
  const view = useStore((s) => s.view);
  // Phones: the panel is a bottom sheet over the map, at half height, full height, or just its tabs.
  const [sheet, setSheet] = useState<'half' | 'full' | 'min'>('half');
  const [dragging, setDragging] = useState(false);

  useStartup();

  // When the person switches task (not on first load), move focus to the new panel's heading and show it.
  const lastTask = useRef<TaskId | null>(null);
  useEffect(() => {
    if (!bundle) return;
    if (lastTask.current && lastTask.current !== task) {
      const h = document.getElementById('task-title');
      h?.focus();
      h?.scrollIntoView({ block: 'start' });
    }
    lastTask.current = task;
  }, [task, bundle]);

  const Panel = PANELS[task];
  // The main area shows the table (explore), the widened comparison (compare, the whole window), or the map.
  const main = task === 'explore' && view === 'table' ? 'table' : task === 'compare' && view === 'comparison' ? 'comparison' : 'map';

  return (
    <div
      className={`app task-is-${task}${main === 'comparison' ? ' compare-wide' : ''} sheet-${sheet}${dragging ? ' dragging' : ''}`}
      // A file dropped anywhere goes to "Your data" (in Explore areas, or Near me if that is open).
      onDragOver={(e) => {
        if (!bundle || !e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={(e) => {
        const f = e.dataTransfer.files[0];
        setDragging(false);
        if (!bundle || !f) return;
        e.preventDefault();
        const st = useStore.getState();
        if (st.task !== 'explore' && st.task !== 'near') st.setShare({ task: 'explore' });
        st.setDroppedFile(f);
        setSheet('full');
      }}
    >
      <header className="app-header no-print">
        <AccessibilityStatement />
        <h1>
          Neighbourhood health explorer{bundle ? <span className="place-name">: {bundle.place.name}</span> : null}
        </h1>
      </header>
      <aside className="panel" aria-label="Task panel">
        <button type="button" className="sheet-toggle no-print" aria-expanded={sheet === 'full'} onClick={() => setSheet(SHEET_NEXT[sheet])}>
          {SHEET_BUTTON[sheet]}
        </button>
        {!panelReady ? (
          <LoadStatus />
        ) : (
          <>
            <TaskNav />
            <Messages />
            {/* In every task: a link asking for the online street map is answered before any tile loads. */}
            <BasemapQuestion />
            <Suspense fallback={loadingPanel}>
              <Panel />
            </Suspense>
          </>
        )}
      </aside>
      <main className="main" aria-label={main === 'table' ? 'Table of areas' : main === 'comparison' ? 'Comparison' : 'Map'}>
        <MapArea hidden={main !== 'map'} />
        {bundle && main === 'table' ? (
          <WithValues ids="current">
            <TableView />
          </WithValues>
        ) : null}
        {bundle && main === 'comparison' ? (
          <WithValues ids="all">
            <ComparePanel />
          </WithValues>
        ) : null}
      </main>
    </div>
  );
}
