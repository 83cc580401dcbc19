import { useEffect, useRef, useState } from 'react';
import type { Map as MlMap, MapLayerMouseEvent, LayerSpecification, SourceSpecification, FeatureIdentifier, GeoJSONSource } from 'maplibre-gl';
import { useStore, currentIndicator } from '../../store';
import { useChoropleth } from '../../data/useChoropleth';
import { diffFills, type FillStates } from '../../lib/indicators/choropleth';
import { formatValue } from '../../lib/core/format';
import { GEOGRAPHY_IDS, type GeographyId, type TileManifest } from '../../lib/core/types';
import { EMPTY_COLLECTION, type LayerFamily } from '../types';
import { MODE_TOKEN } from '../../lib/share/url';
import { mapUsable } from '../webgl';
import { dataUrl } from '../../data/load';

/** Each geography's boundaries, loaded once; colour, hover and selection are feature-state. */
const AREA_FILES: Record<GeographyId, string> = { ward: 'geo-ward.json', lsoa: 'geo-lsoa.json', msoa: 'geo-msoa.json' };
const AREA_SUFFIXES = ['fill', 'line', 'hover', 'selected', 'selected-inner'] as const;

export const fillId = (g: GeographyId) => `${g}-fill`;

/**
 * Areas with no fill (no data, not compared) stay transparent; fills thin out over a street basemap,
 * and fade to a hint in "Near me", where the services are what a person looks at.
 */
export function fillOpacity(basemap: boolean, faint = false) {
  return ['case', ['==', ['feature-state', 'fill'], null], 0, faint ? 0.25 : basemap ? 0.6 : 0.85] as unknown as number;
}

/**
 * With vector tiles, hover and selection outlines draw from a second source with the same tiles: feature-state
 * changes then touch only the layers of their own source, so recolouring every area (33,755 at England scale)
 * does not also recompute three outline layers per tile. A place's own GeoJSON is small, and loading it twice
 * delayed the first view, so there the outlines share the fill's source.
 */
export const outlineSource = (g: GeographyId, tiles: TileManifest | undefined) => (tiles ? `${g}-outline` : g);

/** An area's feature-state address: vector tile sources also need the source-layer (named after the geography). */
export const areaFeature = (tiles: TileManifest | undefined, source: string, id: string, geography: string = source): FeatureIdentifier =>
  tiles ? { source, sourceLayer: tiles.sets[geography]?.sourceLayer ?? geography, id } : { source, id };

/** Colours areas by feature-state, changing only what differs from the fills already applied. */
export function applyFills(map: MlMap, tiles: TileManifest | undefined, source: string, prev: FillStates, next: FillStates): void {
  for (const [code, fill] of diffFills(prev, next)) map.setFeatureState(areaFeature(tiles, source, code), { fill });
}

/**
 * A boundary source: the build's GeoJSON file, or its vector tiles when the build made them (same ids, from `code`).
 * `deferred` GeoJSON starts empty: a geography not shown in the first view loads when first needed (areaData).
 */
function areaSource(dataUrl: (f: string) => string, tiles: TileManifest | undefined, id: string, file: string, deferred = false): SourceSpecification {
  const set = tiles?.sets[id];
  if (!set) return { type: 'geojson', data: deferred ? EMPTY_COLLECTION : dataUrl(file), promoteId: 'code' };
  // Tile URLs are absolute: MapLibre fetches them from its workers, where a relative URL would not resolve.
  const url = dataUrl(set.url).replace(/%7B/g, '{').replace(/%7D/g, '}');
  return { type: 'vector', tiles: [url], minzoom: set.minzoom, maxzoom: set.maxzoom, bounds: set.bounds, promoteId: { [set.sourceLayer]: 'code' } };
}

export function areasFamily(dataUrl: (f: string) => string, active: GeographyId, tiles?: TileManifest): LayerFamily {
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } },
    { id: 'context-fill', type: 'fill', source: 'context', paint: { 'fill-color': '#dde2e7' } },
    { id: 'context-line', type: 'line', source: 'context', paint: { 'line-color': '#9aa5b1', 'line-width': 1 } },
  ];
  for (const g of GEOGRAPHY_IDS) {
    const layout = { visibility: g === active ? ('visible' as const) : ('none' as const) };
    const when = (state: string, on: number) => ['case', ['boolean', ['feature-state', state], false], on, 0] as unknown as number;
    layers.push(
      { id: fillId(g), type: 'fill', source: g, layout, paint: { 'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], '#ffffff']], 'fill-opacity': fillOpacity(false) } },
      { id: `${g}-line`, type: 'line', source: g, layout, paint: { 'line-color': '#505a5f', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.4, 14, 1.2] } },
      { id: `${g}-hover`, type: 'line', source: outlineSource(g, tiles), layout, paint: { 'line-color': '#0b0c0c', 'line-width': when('hover', 2.5) } },
      { id: `${g}-selected`, type: 'line', source: outlineSource(g, tiles), layout, paint: { 'line-color': '#ffdd00', 'line-width': when('selected', 5) } },
      { id: `${g}-selected-inner`, type: 'line', source: outlineSource(g, tiles), layout, paint: { 'line-color': '#0b0c0c', 'line-width': when('selected', 2) } },
    );
  }
  layers.push({ id: 'borough-line', type: 'line', source: 'borough', paint: { 'line-color': '#0b0c0c', 'line-width': 2.2 } });
  const sources: Record<string, SourceSpecification> = {
    context: areaSource(dataUrl, tiles, 'context', 'geo-context.json'),
    borough: areaSource(dataUrl, tiles, 'borough', 'geo-borough.json'),
  };
  for (const g of GEOGRAPHY_IDS) {
    sources[g] = areaSource(dataUrl, tiles, g, AREA_FILES[g], g !== active);
    if (tiles) sources[outlineSource(g, tiles)] = areaSource(dataUrl, tiles, g, AREA_FILES[g]);
  }
  return { sources, layers: withSourceLayers(layers, tiles) };
}

/** With vector tiles, every layer drawing an area source (this family's, the neighbourhood draft's) names its source-layer. */
export function withSourceLayers(layers: LayerSpecification[], tiles: TileManifest | undefined): LayerSpecification[] {
  if (!tiles) return layers;
  return layers.map((l) => {
    const source = 'source' in l && typeof l.source === 'string' ? l.source.replace(/-outline$/, '') : undefined;
    const set = source ? tiles.sets[source] : undefined;
    return set && !('source-layer' in l) ? ({ ...l, 'source-layer': set.sourceLayer } as LayerSpecification) : l;
  });
}

const requested = new WeakMap<MlMap, Map<GeographyId, Promise<void>>>();
/**
 * A geography's boundaries, loaded on first need. Geographies the first view does not show start empty
 * (areasFamily), so the first view waits only for its own; each loads its file when it is shown, when a
 * neighbourhood is built on it, or when a comparison outlines its areas. Resolves once the map holds them.
 */
export function areaData(map: MlMap, g: GeographyId): Promise<void> {
  let byGeo = requested.get(map);
  if (!byGeo) requested.set(map, (byGeo = new Map()));
  let p = byGeo.get(g);
  if (!p) {
    const source = map.getSource(g) as GeoJSONSource | undefined;
    // Vector tiles, or the file the style already names: nothing to load here.
    p = source?.type !== 'geojson' || typeof source.serialize().data === 'string' ? Promise.resolve() : source.setData(dataUrl(AREA_FILES[g])).then(() => undefined);
    byGeo.set(g, p);
  }
  return p;
}

/** One area flagged by a boolean feature-state (selected, hover) while `id` names it; cleared when it changes. */
function useFlag(map: MlMap, tiles: TileManifest | undefined, geography: GeographyId, id: string | null, flag: 'selected' | 'hover') {
  useEffect(() => {
    const source = outlineSource(geography, tiles);
    if (!id || !mapUsable(map)) return;
    map.setFeatureState(areaFeature(tiles, source, id, geography), { [flag]: true });
    return () => {
      if (mapUsable(map) && map.getSource(source)) map.setFeatureState(areaFeature(tiles, source, id, geography), { [flag]: false });
    };
  }, [map, tiles, geography, id, flag]);
}

/**
 * The choropleth: shows the active geography, colours it by feature-state (only the differences from
 * what is already drawn), marks the selected and hovered area, and shows a tooltip on hover.
 * `onPainted` tells the map shell a new view was applied, so it can report when the map is idle.
 */
export function AreasLayer({ map, onPainted }: { map: MlMap; onPainted: (renderKey: string) => void }) {
  const bundle = useStore((s) => s.bundle)!;
  const geography = useStore((s) => s.geography);
  const selected = useStore((s) => s.selected);
  const hovered = useStore((s) => s.hovered);
  const ind = useStore((s) => currentIndicator(s));
  // The idle signal names the view as its link does (geo|ind|mode|classes), so tests and tools can wait for it.
  const renderKey = useStore((s) => `${s.geography}|${s.indicator}|${MODE_TOKEN[s.mode]}|${s.classes}`);
  const ch = useChoropleth();
  const applied = useRef<Partial<Record<GeographyId, FillStates>>>({});
  const [tip, setTip] = useState<{ x: number; y: number; code: string } | null>(null);

  // Only the active geography is drawn (its boundaries loaded when first shown).
  useEffect(() => {
    if (!mapUsable(map)) return;
    areaData(map, geography).catch(() => undefined);
    for (const g of GEOGRAPHY_IDS) for (const suffix of AREA_SUFFIXES) map.setLayoutProperty(`${g}-${suffix}`, 'visibility', g === geography ? 'visible' : 'none');
  }, [map, geography]);

  useEffect(() => {
    if (!ch || !mapUsable(map)) return;
    const prev = applied.current[geography] ?? {};
    applyFills(map, bundle.tiles, geography, prev, ch.fills);
    applied.current[geography] = ch.fills;
    onPainted(renderKey);
  }, [map, bundle.tiles, ch, geography, renderKey, onPainted]);

  useFlag(map, bundle.tiles, geography, selected, 'selected');
  // Hover from the map or from elsewhere (table, lists) highlights the area.
  useFlag(map, bundle.tiles, geography, hovered, 'hover');

  useEffect(() => {
    const layer = fillId(geography);
    const onMove = (e: MapLayerMouseEvent) => {
      const code = e.features?.[0]?.id != null ? String(e.features[0].id) : null;
      if (code !== useStore.getState().hovered) useStore.getState().setHovered(code);
      if (!useStore.getState().tool) map.getCanvas().style.cursor = code ? 'pointer' : '';
      setTip(code ? { x: e.point.x, y: e.point.y, code } : null);
    };
    const onLeave = () => {
      useStore.getState().setHovered(null);
      if (!useStore.getState().tool) map.getCanvas().style.cursor = '';
      setTip(null);
    };
    map.on('mousemove', layer, onMove);
    map.on('mouseleave', layer, onLeave);
    return () => {
      map.off('mousemove', layer, onMove);
      map.off('mouseleave', layer, onLeave);
      onLeave();
    };
  }, [map, geography]);

  const tipIndex = tip ? bundle.areas[geography].codes.indexOf(tip.code) : -1;
  if (!tip || tipIndex < 0 || !ind) return null;
  return (
    <div className="map-tooltip" role="tooltip" style={{ left: tip.x + 12, top: tip.y + 12 }}>
      <strong>{bundle.areas[geography].names[tipIndex]}</strong>
      <span>
        {ind.label}: {formatValue(ind.data[geography]?.values[tipIndex], ind)}
      </span>
      {ch?.labels[tip.code] ? <span>{ch.labels[tip.code]}</span> : null}
    </div>
  );
}
