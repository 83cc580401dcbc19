import { useEffect, useRef } from 'react';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { EMPTY_COLLECTION, type LayerFamily } from '../types';
import { mapUsable } from '../webgl';

/** A site being appraised and its straight-line catchment rings. */
export function siteFamily(): LayerFamily {
  return {
    sources: { site: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      { id: 'site-rings', type: 'line', source: 'site', filter: ['==', ['get', 'role'], 'catchment'], paint: { 'line-color': '#d4351c', 'line-width': 2, 'line-dasharray': [3, 2] } },
      { id: 'site-fill', type: 'fill', source: 'site', filter: ['all', ['==', ['get', 'role'], 'site'], ['==', ['geometry-type'], 'Polygon']], paint: { 'fill-color': '#d4351c', 'fill-opacity': 0.35 } },
      { id: 'site-point', type: 'circle', source: 'site', filter: ['all', ['==', ['get', 'role'], 'site'], ['==', ['geometry-type'], 'Point']], paint: { 'circle-radius': 7, 'circle-color': '#d4351c', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    ],
  };
}

/** The site's features come from the (lazily loaded) appraisal panel through the store; drawn in the site task only. */
export function SiteLayer({ map }: { map: MlMap }) {
  const features = useStore((s) => s.siteFeatures);
  const on = useStore((s) => s.task === 'site');
  // The source starts empty: it is cleared only once something was shown (a needless setData delays the idle signal).
  const shown = useRef(false);
  useEffect(() => {
    const data = on ? features : null;
    if (!mapUsable(map) || (!data && !shown.current)) return;
    shown.current = !!data;
    (map.getSource('site') as GeoJSONSource | undefined)?.setData(data || EMPTY_COLLECTION);
  }, [map, features, on]);
  return null;
}
