import { lazy, Suspense } from 'react';
import { useStore } from '../store';

// The map (and maplibre-gl) is its own chunk, so the panel renders first.
const MapView = lazy(() => import('../map/MapView'));

/** The map in the main area, with the DOM idle signal (data-map-state) on its wrapper. */
export function MapArea({ hidden }: { hidden: boolean }) {
  const bundle = useStore((s) => s.bundle);
  const mapState = useStore((s) => s.mapState);
  return (
    <div className="map-wrap" hidden={hidden} data-map-state={mapState}>
      {bundle ? (
        <Suspense fallback={<p className="map-loading">Loading map…</p>}>
          <MapView />
        </Suspense>
      ) : null}
    </div>
  );
}
