import { lazy, Suspense, useEffect } from 'react';
import { useStore } from './store';
import { loadAssets, loadBundle, loadGazetteer } from './data/load';
import { startUrlSync } from './share/urlSync';
import { Controls } from './components/Controls';
import { SearchBox } from './components/SearchBox';
import { Legend } from './components/Legend';
import { AreaProfile } from './components/AreaProfile';
import { TableView } from './components/TableView';
import { Messages } from './components/Messages';
import { Sources } from './components/Sources';
import { Neighbourhoods } from './components/Neighbourhoods';
import { ComparePanel } from './components/ComparePanel';
import { Practices } from './components/Practices';
import { PracticeProfile } from './components/PracticeProfile';
import { CommunityAssets } from './components/CommunityAssets';
import { NearHere } from './components/NearHere';
import { SiteEntry } from './components/SiteEntry';

// The map (and maplibre-gl) is its own chunk, so the panel renders first.
const MapView = lazy(() => import('./map/MapView'));

export function App() {
  const bundle = useStore((s) => s.bundle);
  const loadError = useStore((s) => s.loadError);
  const view = useStore((s) => s.view);
  const mapState = useStore((s) => s.mapState);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    Promise.all([loadBundle(), loadGazetteer(), loadAssets()])
      .then(([b, gazetteer, assets]) => {
        if (cancelled) return;
        useStore.getState().setBundle(b, gazetteer);
        useStore.getState().setAssets(assets);
        stop = startUrlSync(new Set(b.indicators.map((i) => i.id)));
      })
      .catch((e: Error) => useStore.getState().setLoadError(e.message));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);

  return (
    <div className="app">
      <header className="app-header no-print">
        <h1>
          Neighbourhood health explorer{bundle ? <span className="place-name">: {bundle.place.name}</span> : null}
        </h1>
      </header>
      <aside className="panel" aria-label="Controls and area profile">
        {loadError ? (
          <div role="alert" className="error">
            {loadError}
          </div>
        ) : !bundle ? (
          <p role="status">Loading data…</p>
        ) : (
          <>
            <Messages />
            <SearchBox />
            <Controls />
            <Legend />
            <PracticeProfile />
            <AreaProfile />
            <SiteEntry />
            <NearHere />
            <CommunityAssets />
            <Practices />
            <Neighbourhoods />
            <Sources />
          </>
        )}
      </aside>
      <main className="main" aria-label={view === 'table' ? 'Table of areas' : view === 'comparison' ? 'Comparison' : 'Map'}>
        <div className="map-wrap" hidden={view !== 'map'} data-map-state={mapState}>
          {bundle ? (
            <Suspense fallback={<p className="map-loading">Loading map…</p>}>
              <MapView />
            </Suspense>
          ) : null}
        </div>
        {bundle && view === 'table' ? <TableView /> : null}
        {bundle && view === 'comparison' ? <ComparePanel /> : null}
      </main>
    </div>
  );
}
