import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useStore } from './store';
import { useStartup } from './data/startup';
import { AccessibilityStatement } from './components/AccessibilityStatement';
import { MapArea } from './components/MapArea';
import { LoadStatus } from './components/LoadStatus';
import { BasemapQuestion } from './components/BasemapQuestion';
import { Messages } from './components/Messages';
import { TaskNav } from './components/TaskNav';
import { ExploreTask } from './components/tasks/ExploreTask';

import { SiteTask } from './components/tasks/SiteTask';
import { TableView } from './components/TableView';

import { WithValues } from './components/WithValues';
import type { TaskId } from './lib/share/url';

// Explore is the first view; the other tasks' panels are chunks of their own, loaded when first opened.
const CompareTask = lazy(() => import('./components/tasks/CompareTask').then((m) => ({ default: m.CompareTask })));
const NearTask = lazy(() => import('./components/tasks/NearTask').then((m) => ({ default: m.NearTask })));
const ComparePanel = lazy(() => import('./components/ComparePanel').then((m) => ({ default: m.ComparePanel })));
const PANELS: Record<TaskId, React.ComponentType> = { explore: ExploreTask, compare: CompareTask, near: NearTask, site: SiteTask };
const loadingPanel = <p className="panel-loading" role="status">Loading…</p>;

// The sheet's one button says what it will do next: grow, shrink to its tabs, or open again.
const SHEET_NEXT = { half: 'full', full: 'min', min: 'half' } as const;
const SHEET_BUTTON = { half: 'Expand panel', full: 'Show the map', min: 'Open panel' } as const;

export function App() {
  const bundle = useStore((s) => s.bundle);
  // The panel renders in the task after the data arrives: the map area's commit comes first, so the map starts
  // without waiting for the whole panel to render. (A deferred value was starved by the map's own updates when
  // the map's code was already there, leaving the panel empty until the map was idle.)
  const hasBundle = !!bundle;
  const [panelReady, setPanelReady] = useState(false);
  useEffect(() => {
    if (!hasBundle) return setPanelReady(false);
    const t = setTimeout(() => setPanelReady(true));
    return () => clearTimeout(t);
  }, [hasBundle]);
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
        {!bundle || !panelReady ? (
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
            <Suspense fallback={loadingPanel}>
              <ComparePanel />
            </Suspense>
          </WithValues>
        ) : null}
      </main>
    </div>
  );
}
