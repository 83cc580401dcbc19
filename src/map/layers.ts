import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { GeographyId, PlaceConfig } from '../lib/types';

/**
 * Layers declared as data. The default style makes no network request: a plain background,
 * boundaries from the app's own files, and labels drawn as HTML (no glyph server needed).
 */
export const AREA_LAYERS: { geography: GeographyId; file: string }[] = [
  { geography: 'ward', file: 'geo-ward.json' },
  { geography: 'lsoa', file: 'geo-lsoa.json' },
  { geography: 'msoa', file: 'geo-msoa.json' },
];

export const fillId = (g: GeographyId) => `${g}-fill`;
export const BASEMAP_SOURCE = 'streets';

/** Areas with no fill (no data, not compared) stay transparent; fills thin out over a street basemap. */
export function fillOpacity(basemap: boolean) {
  return ['case', ['==', ['feature-state', 'fill'], null], 0, basemap ? 0.6 : 0.85] as unknown as number;
}

export function buildStyle(dataUrl: (f: string) => string, active: GeographyId): StyleSpecification {
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': '#eef1f4' } },
    { id: 'context-fill', type: 'fill', source: 'context', paint: { 'fill-color': '#dde2e7' } },
    { id: 'context-line', type: 'line', source: 'context', paint: { 'line-color': '#9aa5b1', 'line-width': 1 } },
  ];
  for (const { geography: g } of AREA_LAYERS) {
    const visibility = g === active ? 'visible' : 'none';
    layers.push(
      {
        id: fillId(g),
        type: 'fill',
        source: g,
        layout: { visibility },
        paint: {
          'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], '#ffffff']],
          'fill-opacity': fillOpacity(false),
        },
      },
      {
        id: `${g}-line`,
        type: 'line',
        source: g,
        layout: { visibility },
        paint: { 'line-color': '#505a5f', 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 0.4, 14, 1.2] },
      },
      {
        id: `${g}-hover`,
        type: 'line',
        source: g,
        layout: { visibility },
        paint: { 'line-color': '#0b0c0c', 'line-width': ['case', ['boolean', ['feature-state', 'hover'], false], 2.5, 0] },
      },
      {
        id: `${g}-selected`,
        type: 'line',
        source: g,
        layout: { visibility },
        paint: {
          'line-color': '#ffdd00',
          'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, 0],
        },
      },
      {
        id: `${g}-selected-inner`,
        type: 'line',
        source: g,
        layout: { visibility },
        paint: { 'line-color': '#0b0c0c', 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2, 0] },
      },
    );
  }
  layers.push({ id: 'borough-line', type: 'line', source: 'borough', paint: { 'line-color': '#0b0c0c', 'line-width': 2.2 } });
  const sources: StyleSpecification['sources'] = {
    context: { type: 'geojson', data: dataUrl('geo-context.json'), promoteId: 'code' },
    borough: { type: 'geojson', data: dataUrl('geo-borough.json'), promoteId: 'code' },
  };
  for (const { geography, file } of AREA_LAYERS) sources[geography] = { type: 'geojson', data: dataUrl(file), promoteId: 'code' };
  return { version: 8, sources, layers };
}

/** The optional online street basemap, added beneath the boundaries only when the user switches it on. */
export function basemapSource(place: PlaceConfig) {
  return {
    type: 'raster' as const,
    tiles: place.basemap.tiles,
    tileSize: 256,
    maxzoom: place.basemap.maxzoom,
    attribution: `<a href="${place.basemap.attributionUrl}" target="_blank" rel="noopener">${place.basemap.attribution}</a>`,
  };
}
