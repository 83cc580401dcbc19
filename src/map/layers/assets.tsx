import { useEffect, useState } from 'react';
import { Marker, type GeoJSONSource, type Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { useAllAssets, isShown } from '../../data/useAssets';
import { ASSET_CATEGORY_IDS, type AssetCategory } from '../../lib/assets/categories';
import { assetIconDataUrl } from '../../ui/icons';
import { EMPTY_COLLECTION, type LayerFamily } from '../types';
import type { TaskId } from '../../lib/share/url';
import { setObstacles } from '../obstacles';
import { mapUsable } from '../webgl';

/** Tasks that draw community assets (the site appraisal counts them, so it shows them too). */
// Only where their checkboxes are, so a layer switched on in Near me never covers another task's map.
export const ASSET_TASKS: readonly TaskId[] = ['near'];
export const ASSET_CLUSTER_LAYER = 'assets-cluster';
/** Points handed to the map worker per message (about 25 ms of work each). */
const ASSET_CHUNK = 5_000;

/**
 * Community assets: the shown assets, clustered below zoom 14 so none is hidden under another. A cluster is a
 * white circle sized by its count (the count itself is HTML on top, as there is no glyph server); a click on it
 * zooms in until it splits (tools.ts). Single assets are icons that differ in shape and colour.
 */
export function assetsFamily(): LayerFamily {
  return {
    sources: { assets: { type: 'geojson', data: EMPTY_COLLECTION, cluster: true, clusterRadius: 30, clusterMaxZoom: 14 } },
    layers: [
      {
        id: ASSET_CLUSTER_LAYER,
        type: 'circle',
        source: 'assets',
        filter: ['has', 'point_count'],
        paint: {
          'circle-color': '#ffffff',
          'circle-radius': ['step', ['get', 'point_count'], 11, 5, 13, 10, 15, 25, 18],
          'circle-stroke-color': '#0b0c0c',
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'assets',
        type: 'symbol',
        source: 'assets',
        // The source holds only shown assets; this leaves out the clusters.
        layout: { 'icon-image': ['concat', 'asset-', ['get', 'category']], 'icon-allow-overlap': true, 'icon-padding': 1 },
        paint: { 'icon-opacity': ['case', ['get', 'inBorough'], 1, 0.55] },
        filter: ['!', ['has', 'point_count']],
      },
    ],
  };
}

function loadIcon(map: MlMap, category: AssetCategory): Promise<void> {
  return new Promise((resolve, reject) => {
    const img = new Image(18, 18);
    img.onload = () => {
      if (mapUsable(map) && !map.hasImage(`asset-${category}`)) map.addImage(`asset-${category}`, img);
      resolve();
    };
    img.onerror = () => reject(new Error(`icon ${category}`));
    img.src = assetIconDataUrl(category, 18);
  });
}

/** Cluster counts as HTML over the cluster circles (decorative: the lists in the panel are the accessible alternative). */
function useClusterCounts(map: MlMap, active: boolean) {
  useEffect(() => {
    if (!active) return;
    const markers = new Map<string, Marker>();
    const update = () => {
      if (!mapUsable(map) || !map.getSource('assets')) return;
      const seen = new Set<string>();
      // Only clusters drawn now: source features can include tiles of the zoom just left (stale counts).
      for (const f of map.queryRenderedFeatures({ layers: [ASSET_CLUSTER_LAYER] })) {
        if (f.geometry.type !== 'Point') continue;
        // Cluster ids are reused when the data changes, so the key holds the count and place too.
        const id = `${f.properties?.cluster_id}|${f.properties?.point_count}|${f.geometry.coordinates.join(',')}`;
        if (seen.has(id)) continue;
        seen.add(id);
        if (markers.has(id)) continue;
        const el = document.createElement('div');
        el.className = 'asset-cluster-count';
        el.setAttribute('aria-hidden', 'true');
        el.textContent = String(f.properties?.point_count ?? '');
        markers.set(id, new Marker({ element: el }).setLngLat(f.geometry.coordinates as [number, number]).addTo(map));
      }
      for (const [id, m] of markers)
        if (!seen.has(id)) {
          m.remove();
          markers.delete(id);
        }
    };
    const onData = (e: { sourceId?: string; isSourceLoaded?: boolean }) => e.sourceId === 'assets' && e.isSourceLoaded && update();
    map.on('idle', update);
    map.on('sourcedata', onData);
    update();
    return () => {
      map.off('idle', update);
      map.off('sourcedata', onData);
      markers.forEach((m) => m.remove());
    };
  }, [map, active]);
}

export function AssetsLayer({ map }: { map: MlMap }) {
  const all = useAllAssets();
  const layers = useStore((s) => s.layers);
  const showClosed = useStore((s) => s.showClosed);
  const inTask = useStore((s) => ASSET_TASKS.includes(s.task));
  const [iconsReady, setIconsReady] = useState(false);

  // Icons first: the source stays empty until every icon it names exists. They load when a task that shows
  // services is first opened: adding them redraws the map, which the first view (Explore) need not wait for.
  useEffect(() => {
    if (!inTask || iconsReady) return;
    let cancelled = false;
    void Promise.all(ASSET_CATEGORY_IDS.map((c) => loadIcon(map, c))).then(() => !cancelled && setIconsReady(true));
    return () => {
      cancelled = true;
    };
  }, [map, inTask, iconsReady]);

  useEffect(() => {
    const pointer = () => (map.getCanvas().style.cursor = useStore.getState().tool ? 'crosshair' : 'pointer');
    const plain = () => (map.getCanvas().style.cursor = useStore.getState().tool ? 'crosshair' : '');
    for (const layer of ['assets', ASSET_CLUSTER_LAYER]) {
      map.on('mouseenter', layer, pointer);
      map.on('mouseleave', layer, plain);
    }
    return () => {
      for (const layer of ['assets', ASSET_CLUSTER_LAYER]) {
        map.off('mouseenter', layer, pointer);
        map.off('mouseleave', layer, plain);
      }
    };
  }, [map]);

  // Clustering happens in the source, so the source holds only what is shown. A person's file can hold
  // 100,000+ points: handing them to the map worker in one message froze the page for most of a second,
  // so large sets go in chunks, one task each (the source's own diff API; features carry numeric ids).
  useEffect(() => {
    if (!iconsReady || !mapUsable(map)) return;
    const shown = inTask ? all.filter((a) => isShown(a, layers, showClosed)) : [];
    // Features are made a part at a time, as each part is handed over.
    const features = (from: number) =>
      shown.slice(from, from + ASSET_CHUNK).map((a, k) => ({
        type: 'Feature' as const,
        id: from + k,
        properties: { id: a.id, category: a.category, inBorough: a.inBorough },
        geometry: { type: 'Point' as const, coordinates: [a.lon, a.lat] },
      }));
    const source = map.getSource('assets') as GeoJSONSource;
    let cancelled = false;
    // Each part waits for the worker to take the last: queued diffs are merged on this thread, at growing cost.
    void (async () => {
      try {
        await source.setData({ type: 'FeatureCollection', features: features(0) });
        for (let next = ASSET_CHUNK; next < shown.length && !cancelled && mapUsable(map); next += ASSET_CHUNK) await source.updateData({ add: features(next) });
      } catch {
        /* the map went away (another place, or the context was lost): nothing to draw into */
      }
    })();
    // Place names keep clear of the drawn icons and clusters, read from what is rendered once it is drawn.
    const publish = () =>
      setObstacles('assets', () =>
        shown.length === 0 || !mapUsable(map) || !map.getLayer('assets')
          ? []
          : map.queryRenderedFeatures({ layers: ['assets', ASSET_CLUSTER_LAYER] }).flatMap((f) => {
              if (f.geometry.type !== 'Point') return [];
              const p = map.project(f.geometry.coordinates as [number, number]);
              const r = f.properties?.point_count ? 16 : 9;
              return [{ x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r }];
            }),
      );
    map.once('idle', publish);
    return () => {
      cancelled = true;
      map.off('idle', publish);
      setObstacles('assets', []);
    };
  }, [map, iconsReady, all, layers, showClosed, inTask]);

  useClusterCounts(map, iconsReady && inTask);
  return null;
}
