import { Component, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { useStore } from '../store';
import { MAP_CONTEXT_LOST, MAP_UNAVAILABLE, MAP_UNAVAILABLE_HINT } from '../map/webgl';
import { mapView } from '../map/early';
import '../map/unavailable.css';

// The map (and maplibre-gl) is its own chunk, preloaded by the page and asked for first (src/map/early.ts).
const MapView = mapView.Component;

/** How long a lost WebGL context may take to come back before the map is given up. */
const RESTORE_WAIT_MS = 5000;

type MapStatus = 'ok' | 'lost' | 'failed';

const mapLoading = <p className="map-loading">Loading map…</p>;
/** No WebGL2: expected on some devices, so said plainly (a warning), not reported as the map failing. */
const warnNoWebGL = () => console.warn('WebGL2 is not available, so the map is off; everything else works.');

/**
 * Catches anything the map throws while starting or in a layer's effect, so a map failure never takes the
 * panel (search, profiles, table, comparison, Near me, site appraisal) down with it.
 */
class MapBoundary extends Component<{ onError: (e: unknown) => void; children: ReactNode }, { failed: boolean }> {
  state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error: unknown) {
    this.props.onError(error);
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}

/**
 * The map in the main area, with the DOM idle signal (data-map-state) on its wrapper. Without WebGL2 the map
 * cannot be made and a plain message says so (mapState 'error'); a lost WebGL context shows a notice and
 * the map is rebuilt when the context comes back, or given up after a few seconds.
 */
export function MapArea({ hidden }: { hidden: boolean }) {
  const bundle = useStore((s) => s.bundle);
  const mapState = useStore((s) => s.mapState);
  // A browser with no WebGL2 at all is told at once; one whose GPU is blocked or turned off finds out when
  // MapLibre cannot make its context (MapView's onUnavailable).
  const [status, setStatus] = useState<MapStatus>(() => {
    if (typeof WebGL2RenderingContext !== 'undefined') return 'ok';
    warnNoWebGL();
    return 'failed';
  });
  // Bumped to rebuild the map from the store's state (after a lost context comes back).
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (status !== 'failed') return;
    useStore.getState().setMapState('error');
    // A pin or drawing tool left on would wait for clicks on a map that is not there.
    if (useStore.getState().tool) useStore.getState().setTool(null);
  }, [status, bundle]);
  useEffect(() => {
    if (status !== 'lost') return;
    const t = setTimeout(() => setStatus('failed'), RESTORE_WAIT_MS);
    return () => clearTimeout(t);
  }, [status]);

  // The map's code: until it is here the area says so itself, rather than through a Suspense fallback, whose
  // reveal React holds back for up to 300 ms after the fallback showed (it delayed the map's start by ~150 ms).
  const [codeReady, setCodeReady] = useState(mapView.loaded);
  useEffect(() => {
    if (status === 'failed' || codeReady) return;
    let live = true;
    // A failed download is not an error here: shown anyway, the lazy component tries again and reports it.
    // At once (flushSync): a deferred render of the panel in progress would otherwise go first.
    void mapView.whenSettled().then(() => live && flushSync(() => setCodeReady(true)));
    return () => {
      live = false;
    };
  }, [status, codeReady]);

  // No WebGL2: MapLibre could not make its context.
  const unavailable = useCallback(() => {
    warnNoWebGL();
    setStatus('failed');
  }, []);
  const fail = useCallback((e: unknown) => {
    console.warn('The map stopped:', e instanceof Error ? e.message : String(e));
    setStatus('failed');
  }, []);
  const lost = useCallback(() => {
    useStore.getState().setMapState('busy');
    setStatus('lost');
  }, []);
  const restored = useCallback(() => {
    setStatus((s) => (s === 'failed' ? s : 'ok'));
    setGeneration((g) => g + 1);
  }, []);

  return (
    <div className="map-wrap" hidden={hidden} data-map-state={mapState}>
      {status === 'failed' ? (
        <div className="map-unavailable" role="alert">
          <p>
            <strong>{MAP_UNAVAILABLE}</strong>
          </p>
          <p>{MAP_UNAVAILABLE_HINT}</p>
        </div>
      ) : bundle && !codeReady ? (
        mapLoading
      ) : bundle ? (
        <>
          {status === 'lost' ? (
            <div className="map-unavailable map-lost" role="status">
              <p>{MAP_CONTEXT_LOST}</p>
            </div>
          ) : null}
          <MapBoundary key={generation} onError={fail}>
            <Suspense fallback={mapLoading}>
              <MapView onUnavailable={unavailable} onFail={fail} onContextLost={lost} onContextRestored={restored} />
            </Suspense>
          </MapBoundary>
        </>
      ) : null}
    </div>
  );
}
