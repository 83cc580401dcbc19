import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Map as MlMap, AttributionControl, GPUInitializationError, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { GEOGRAPHY_IDS, GEOGRAPHY_LABEL, type GeographyId } from '../lib/core/types';
import { useStore } from '../store';
import { dataUrl } from '../data/load';
import { buildStyle } from './style';
import { AreasLayer } from './layers/areas';
import { DraftLayer } from './layers/draft';
import { SiteLayer } from './layers/site';
import { AssetsLayer } from './layers/assets';
import { PracticesLayer } from './layers/practices';
import { LabelsLayer } from './layers/labels';
import { BasemapLayer } from './layers/basemap';
import { ComparisonLayer } from './layers/comparison';
import { useMapTools } from './tools';
import { usePrintImage } from './printImage';
import { coveredBottom, useCoverInset } from './cover';
import { fitPadding } from '../lib/labels/placement';
import { mapUsable } from './webgl';
import './map.css';
import { countRender } from '../ui/renderCount';

setWorkerUrl(workerUrl);

export interface MapViewProps {
  /** This device cannot give the map a WebGL2 context (MapLibre's GPUInitializationError). */
  onUnavailable: () => void;
  /** The map could not start for another reason (MapLibre threw while making the map). */
  onFail: (e: unknown) => void;
  /** The WebGL context was lost: the layers are taken down until it comes back. */
  onContextLost: () => void;
  /** The WebGL context is back: the map area rebuilds the map from the store's state. */
  onContextRestored: () => void;
}

/**
 * The map shell: creates the map, owns the camera and the idle signal (data-rendered on the map
 * element, data-map-state on its wrapper, written directly and via the store), and mounts one module per layer family.
 * A lost WebGL context unmounts the layers (MapLibre drops the style meanwhile) and tells the map area.
 */
function MapView({ onUnavailable, onFail, onContextLost, onContextRestored }: MapViewProps) {
  countRender('MapView');
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MlMap | null>(null);
  const [lost, setLost] = useState(false);
  // The map is made once per place: the person's own data changes `bundle`, never the place or its boundaries.
  const place = useStore((s) => s.bundle!.place);
  const handlers = useRef({ onUnavailable, onFail, onContextLost, onContextRestored });
  handlers.current = { onUnavailable, onFail, onContextLost, onContextRestored };

  // A layout effect: the map starts in the same commit that mounts it, before the panel's deferred render.
  useLayoutEffect(() => {
    let m: MlMap;
    try {
      m = new MlMap({
        container: container.current!,
        style: buildStyle(dataUrl, useStore.getState().geography, useStore.getState().bundle?.tiles),
        bounds: place.bounds,
        fitBoundsOptions: { padding: 20 },
        attributionControl: false,
        maxZoom: 17,
        minZoom: 8,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch (e) {
      // No exception escapes: the map area says the map cannot be shown, and everything else carries on.
      // Making the map is the WebGL2 check: MapLibre throws GPUInitializationError (and leaves the container
      // as it was) when it cannot get a context.
      if (e instanceof GPUInitializationError) handlers.current.onUnavailable();
      else handlers.current.onFail(e);
      return;
    }
    m.on('webglcontextlost', () => {
      console.warn('The map lost its WebGL context.');
      setLost(true);
      handlers.current.onContextLost();
    });
    m.on('webglcontextrestored', () => handlers.current.onContextRestored());
    m.touchZoomRotate.disableRotation();
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    // Compact: the "i" button shows and hides the credits, which start hidden so they never cover the data.
    const attribution = new AttributionControl({ compact: true, customAttribution: place.attribution.map((a) => a.text) });
    m.addControl(attribution, 'bottom-right');
    const collapse = () => m.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    collapse();
    // A boundary file that cannot be loaded: say which, and that everything else still works.
    const failed = new Set<string>();
    m.on('error', (e) => {
      console.warn('map error', e.error?.message);
      const g = (e as unknown as { sourceId?: string }).sourceId as GeographyId | undefined;
      if (g && (GEOGRAPHY_IDS as readonly string[]).includes(g) && !failed.has(g)) {
        failed.add(g);
        useStore.getState().addMessage(`The ${g === 'ward' ? 'ward' : GEOGRAPHY_LABEL[g]} boundaries (geo-${g}.json) could not be loaded, so the map cannot draw them; the table, profiles, comparison and everything else still work.`);
      }
    });
    // The layers start as soon as the style is there, not after the first full render ('load'): the first
    // frames that show boundaries are then already coloured, and the first view is drawn in fewer frames.
    m.once('style.load', () => {
      // On a phone the panel covers the map's lower part: fit the borough into the part that shows.
      const cover = coveredBottom(m);
      if (cover > 0) m.fitBounds(place.bounds, { padding: { top: 20, left: 20, right: 20, bottom: 20 + cover }, duration: 0 });
      setMap(m);
    });
    m.once('load', collapse);
    // Exposed for tests and debugging only; nothing in the app reads it.
    (window as unknown as { __map?: MlMap }).__map = m;
    return () => {
      setMap(null);
      try {
        m.remove();
      } catch (e) {
        // Removing a map whose context was lost can trip over its destroyed painter; nothing is left to clean.
        console.warn('map remove', (e as Error).message);
      }
    };
  }, [place]);

  // The idle signal: a layer reports a new view painted; the map is idle once MapLibre says so.
  const pending = useRef<(() => void) | null>(null);
  // The wrapper's data-map-state is written here at once as well as through the store (which MapArea renders):
  // the DOM signal then says what the map is doing when it does it, not after React's next render of the map
  // area (seen ~150 ms late at the first view, behind the work the first view releases).
  const signal = useCallback((state: 'busy' | 'idle') => {
    useStore.getState().setMapState(state);
    container.current?.closest('.map-wrap')?.setAttribute('data-map-state', state);
  }, []);
  const onPainted = useCallback(
    (renderKey: string) => {
      if (!map || !mapUsable(map)) return;
      pending.current?.();
      signal('busy');
      const finish = () => {
        pending.current = null;
        container.current?.setAttribute('data-rendered', renderKey);
        signal('idle');
      };
      map.once('idle', finish);
      pending.current = () => map.off('idle', finish);
      map.triggerRepaint();
    },
    [map, signal],
  );
  // A lost context never reaches idle: the signal waits for the rebuilt map instead.
  useEffect(() => {
    if (lost) pending.current?.();
  }, [lost]);

  // Camera requests.
  const camera = useStore((s) => s.camera);
  useEffect(() => {
    if (!map || !camera || !mapUsable(map)) return;
    if ('bbox' in camera) {
      // Padding in proportion to the map (at least 20 px), plus whatever a bottom sheet covers on a phone.
      const { clientWidth: w, clientHeight: h } = map.getContainer();
      const cover = coveredBottom(map);
      const padding = fitPadding(w, h - cover);
      map.fitBounds(camera.bbox, { padding: { ...padding, bottom: padding.bottom + cover }, maxZoom: 15, duration: 400 });
    }
    else map.flyTo({ center: camera.center, zoom: camera.zoom, duration: 400 });
  }, [map, camera]);

  return (
    <div className="map-outer">
      <div className="map-container" ref={container} data-testid="map" />
      {map && !lost ? <MapLayers map={map} onPainted={onPainted} /> : null}
    </div>
  );
}

// Memoised: the map area re-renders on every busy/idle signal, which need not re-render the map and its layers.
export default memo(MapView);

function MapLayers({ map, onPainted }: { map: MlMap; onPainted: (renderKey: string) => void }) {
  useMapTools(map);
  usePrintImage(map);
  useCoverInset(map);
  return (
    <>
      <BasemapLayer map={map} />
      <AreasLayer map={map} onPainted={onPainted} />
      <DraftLayer map={map} />
      <SiteLayer map={map} />
      <ComparisonLayer map={map} />
      <AssetsLayer map={map} />
      <PracticesLayer map={map} />
      <LabelsLayer map={map} />
    </>
  );
}
