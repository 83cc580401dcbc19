import { useEffect, useRef } from 'react';
import { Marker, type GeoJSONSource, type Map as MlMap } from 'maplibre-gl';
import { bbox, featureCollection, union } from '@turf/turf';
import { spreadBadges } from '../../lib/labels/placement';
import { useStore } from '../../store';
import { useComparisonPlaces } from '../../data/usePlaces';
import { pcns } from '../../lib/health/practices';
import { parsePlaceKey } from '../../lib/places/keys';
import type { ResolvedPlace } from '../../lib/places/comparison';
import type { GeographyId, IndicatorBundle } from '../../lib/core/types';
import { EMPTY_COLLECTION, type LayerFamily } from '../types';
import { setObstacles } from '../obstacles';
import { mapUsable } from '../webgl';
import { areaData } from './areas';

/** Badge diameter plus a small gap, in pixels. */
const BADGE = 30;

type Poly = GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;

/** The places in the comparison (compare task only): a thick dark outline with a white halo, above the areas. */
export function comparisonFamily(): LayerFamily {
  return {
    sources: { comparison: { type: 'geojson', data: EMPTY_COLLECTION } },
    layers: [
      { id: 'comparison-halo', type: 'line', source: 'comparison', paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.9 } },
      { id: 'comparison-line', type: 'line', source: 'comparison', paint: { 'line-color': '#0b0c0c', 'line-width': 3.5 } },
    ],
  };
}

/** A place's outline: its area, or its LSOAs dissolved into one shape; null for places with no boundary (practice groups). */
function outline(place: ResolvedPlace, bundle: IndicatorBundle, shapes: (g: GeographyId) => Map<string, Poly>): Poly | null {
  if (place.area) return shapes(place.area.geography).get(bundle.areas[place.area.geography].codes[place.area.index]) ?? null;
  if (!place.lsoas?.length) return null;
  const lsoa = shapes('lsoa');
  const parts = place.lsoas.map((i) => lsoa.get(bundle.areas.lsoa.codes[i])).filter((f): f is Poly => !!f);
  if (parts.length <= 1) return parts[0] ?? null;
  try {
    return union(featureCollection(parts));
  } catch {
    // Should the dissolve fail, each LSOA is outlined instead: still the right area, with its inner lines.
    return { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.geometry.type === 'Polygon' ? [p.geometry.coordinates] : p.geometry.coordinates)) } };
  }
}

/**
 * Where a place's number goes: an area's label point; for a neighbourhood, the label point of its LSOA nearest
 * the residents' centre (so it is always inside); for a practice group, the middle of its practices.
 */
export function badgePoint(place: ResolvedPlace, bundle: IndicatorBundle): [number, number] | null {
  if (place.area) return bundle.areas[place.area.geography].label[place.area.index];
  if (place.lsoas?.length) {
    const { label, residents } = bundle.areas.lsoa;
    const total = place.lsoas.reduce((s, i) => s + residents[i], 0) || 1;
    const cx = place.lsoas.reduce((s, i) => s + label[i][0] * residents[i], 0) / total;
    const cy = place.lsoas.reduce((s, i) => s + label[i][1] * residents[i], 0) / total;
    const k = Math.cos((cy * Math.PI) / 180);
    const best = place.lsoas.reduce((a, b) => (Math.hypot((label[a][0] - cx) * k, label[a][1] - cy) <= Math.hypot((label[b][0] - cx) * k, label[b][1] - cy) ? a : b));
    return label[best];
  }
  const ref = parsePlaceKey(place.key);
  if (ref?.kind === 'pcn') {
    const pts = (pcns(bundle.practices).find((g) => g.code === ref.id)?.practices ?? []).filter((p) => p.lon != null && p.lat != null);
    if (pts.length) return [pts.reduce((s, p) => s + p.lon!, 0) / pts.length, pts.reduce((s, p) => s + p.lat!, 0) / pts.length];
  }
  return null;
}

/**
 * The compare task's map: each place in the comparison outlined, with its number (as in the comparison table)
 * in a badge at its centre. Nothing is drawn in other tasks.
 */
export function ComparisonLayer({ map }: { map: MlMap }) {
  const bundle = useStore((s) => s.bundle)!;
  const on = useStore((s) => s.task === 'compare');
  const places = useComparisonPlaces();
  // Each geography's boundaries by code, read once from the map's own sources (no second download).
  const byCode = useRef<Partial<Record<GeographyId, Map<string, Poly>>>>({});

  const drawn = useRef(false);
  useEffect(() => {
    if (!mapUsable(map)) return;
    const source = map.getSource('comparison') as GeoJSONSource | undefined;
    if (!on || places.length === 0) {
      // Cleared only when something is drawn: a needless setData keeps the map busy (and its idle signal late).
      if (drawn.current) source?.setData(EMPTY_COLLECTION);
      drawn.current = false;
      return;
    }
    let cancelled = false;
    let onMove: (() => void) | null = null;
    const markers: Marker[] = [];
    const needed = new Set<GeographyId>(places.flatMap((p) => (p.area ? [p.area.geography] : p.lsoas?.length ? ['lsoa' as const] : [])));
    void (async () => {
      for (const g of needed) {
        if (byCode.current[g]) continue;
        if (!mapUsable(map)) return;
        await areaData(map, g);
        if (!mapUsable(map)) return;
        const fc = (await (map.getSource(g) as GeoJSONSource).getData()) as GeoJSON.FeatureCollection;
        byCode.current[g] = new Map(fc.features.filter((f): f is Poly => f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon').map((f) => [String(f.properties?.code), f]));
      }
      if (cancelled || !mapUsable(map)) return;
      const features: GeoJSON.Feature[] = [];
      places.forEach((p, k) => {
        const shape = outline(p, bundle, (g) => byCode.current[g] ?? new Map());
        if (shape) features.push({ type: 'Feature', properties: { n: k + 1, name: p.name }, geometry: shape.geometry });
        const at = badgePoint(p, bundle);
        if (!at) return;
        const el = document.createElement('div');
        el.className = 'compare-badge';
        el.textContent = String(k + 1);
        el.setAttribute('role', 'img');
        el.setAttribute('aria-label', `Place ${k + 1}: ${p.name}`);
        markers.push(new Marker({ element: el }).setLngLat(at).addTo(map));
      });
      source?.setData({ type: 'FeatureCollection', features });
      drawn.current = true;
      // Numbers never sit on each other (neighbouring places can share a centre): later ones step aside.
      const spread = () => {
        const offsets = spreadBadges(markers.map((m) => { const p = map.project(m.getLngLat()); return [p.x, p.y] as [number, number]; }), BADGE);
        markers.forEach((m, k) => m.setOffset(offsets[k]));
        return offsets;
      };
      let offsets = spread();
      onMove = () => void (offsets = spread());
      map.on('zoomend', onMove);
      // Place names keep clear of the numbers.
      setObstacles('comparison', () =>
        markers.map((m, k) => {
          const p = map.project(m.getLngLat());
          return { x: p.x + (offsets[k]?.[0] ?? 0) - 15, y: p.y - 15, w: 30, h: 30 };
        }),
      );
      // Show every compared place.
      if (features.length) {
        const [w, s, e, n] = bbox(featureCollection(features));
        useStore.getState().fitBounds([w, s, e, n]);
      }
    })().catch((e: unknown) => console.warn('comparison outlines', (e as Error).message));
    return () => {
      cancelled = true;
      if (onMove) map.off('zoomend', onMove);
      setObstacles('comparison', []);
      markers.forEach((m) => m.remove());
    };
  }, [map, on, places, bundle]);
  return null;
}
