import { useEffect, useRef } from 'react';
import type { GeoJSONSource, Map as MlMap } from 'maplibre-gl';
import { useStore } from '../../store';
import { EMPTY_COLLECTION, type LayerFamily } from '../types';
import type { LonLat } from '../../lib/core/geo';
import { mapUsable } from '../webgl';
import { areaData, areaFeature } from './areas';

/** A neighbourhood being built (its LSOAs in blue) and any shape being drawn on the map. */
export function draftFamily(): LayerFamily {
  return {
    sources: { draw: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      // Hidden until a neighbourhood is being built, so the LSOA layer costs nothing otherwise.
      { id: 'lsoa-draft', type: 'fill', source: 'lsoa', layout: { visibility: 'none' }, paint: { 'fill-color': '#1d70b8', 'fill-opacity': ['case', ['boolean', ['feature-state', 'draft'], false], 0.55, 0] } },
      { id: 'lsoa-draft-line', type: 'line', source: 'lsoa', layout: { visibility: 'none' }, paint: { 'line-color': '#003078', 'line-width': ['case', ['boolean', ['feature-state', 'draft'], false], 2.5, 0] } },
    ],
  };
}

/** The shape being drawn (neighbourhood or site boundary): drawn above everything but the assets. */
export function drawFamily(): LayerFamily {
  return {
    sources: {},
    layers: [
      { id: 'draw-fill', type: 'fill', source: 'draw', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ffdd00', 'fill-opacity': 0.15 } },
      { id: 'draw-line', type: 'line', source: 'draw', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#0b0c0c', 'line-width': 2, 'line-dasharray': [2, 1] } },
      { id: 'draw-points', type: 'circle', source: 'draw', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#ffdd00', 'circle-stroke-color': '#0b0c0c', 'circle-stroke-width': 1.5 } },
    ],
  };
}

/** The drawing layer's data: vertices, and the line or polygon they make so far. */
export function drawData(points: readonly LonLat[], closed: boolean): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
  if (points.length >= 3 && closed) features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...points, points[0]]] } });
  else if (points.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [...points] } });
  return { type: 'FeatureCollection', features };
}

export function DraftLayer({ map }: { map: MlMap }) {
  const bundle = useStore((s) => s.bundle)!;
  const draft = useStore((s) => s.draft);
  const tool = useStore((s) => s.tool);
  const drafted = useRef<Set<string>>(new Set());
  const building = draft !== null || tool?.kind === 'pick-areas' || tool?.kind === 'draw-area';

  // Picked LSOAs as feature-state: only the changes are applied.
  useEffect(() => {
    if (!mapUsable(map)) return;
    const next = new Set((draft?.lsoas ?? []).map((i) => bundle.areas.lsoa.codes[i]));
    for (const c of drafted.current) if (!next.has(c)) map.setFeatureState(areaFeature(bundle.tiles, 'lsoa', c), { draft: false });
    for (const c of next) if (!drafted.current.has(c)) map.setFeatureState(areaFeature(bundle.tiles, 'lsoa', c), { draft: true });
    drafted.current = next;
  }, [map, draft, bundle]);

  useEffect(() => {
    if (!mapUsable(map)) return;
    if (building) areaData(map, 'lsoa').catch(() => undefined);
    for (const id of ['lsoa-draft', 'lsoa-draft-line']) map.setLayoutProperty(id, 'visibility', building ? 'visible' : 'none');
  }, [map, building]);

  const points = tool?.kind === 'draw-area' || tool?.kind === 'site-boundary' ? tool.points : null;
  // The source starts empty: it is cleared only once something was drawn (a needless setData delays the idle signal).
  const drew = useRef(false);
  useEffect(() => {
    if (!mapUsable(map) || (!points && !drew.current)) return;
    drew.current = !!points;
    (map.getSource('draw') as GeoJSONSource | undefined)?.setData(drawData(points ?? [], false));
  }, [map, points]);
  return null;
}
