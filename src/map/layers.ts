import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';
import type { GeographyId, PlaceConfig } from '../lib/core/types';

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
  layers.push(
    { id: 'borough-line', type: 'line', source: 'borough', paint: { 'line-color': '#0b0c0c', 'line-width': 2.2 } },
    // A neighbourhood being built: its LSOAs hatched in blue, and the shape being drawn.
    {
      id: 'lsoa-draft',
      type: 'fill',
      source: 'lsoa',
      // Hidden until a neighbourhood is being built, so the LSOA layer costs nothing otherwise.
      layout: { visibility: 'none' },
      paint: { 'fill-color': '#1d70b8', 'fill-opacity': ['case', ['boolean', ['feature-state', 'draft'], false], 0.55, 0] },
    },
    {
      id: 'lsoa-draft-line',
      type: 'line',
      source: 'lsoa',
      layout: { visibility: 'none' },
      paint: { 'line-color': '#003078', 'line-width': ['case', ['boolean', ['feature-state', 'draft'], false], 2.5, 0] },
    },
    // A site being appraised and its straight-line catchment rings.
    { id: 'site-rings', type: 'line', source: 'site', filter: ['==', ['get', 'role'], 'catchment'], paint: { 'line-color': '#d4351c', 'line-width': 2, 'line-dasharray': [3, 2] } },
    { id: 'site-fill', type: 'fill', source: 'site', filter: ['all', ['==', ['get', 'role'], 'site'], ['==', ['geometry-type'], 'Polygon']], paint: { 'fill-color': '#d4351c', 'fill-opacity': 0.35 } },
    { id: 'site-point', type: 'circle', source: 'site', filter: ['all', ['==', ['get', 'role'], 'site'], ['==', ['geometry-type'], 'Point']], paint: { 'circle-radius': 7, 'circle-color': '#d4351c', 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } },
    { id: 'draw-fill', type: 'fill', source: 'draw', filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': '#ffdd00', 'fill-opacity': 0.15 } },
    { id: 'draw-line', type: 'line', source: 'draw', filter: ['!=', ['geometry-type'], 'Point'], paint: { 'line-color': '#0b0c0c', 'line-width': 2, 'line-dasharray': [2, 1] } },
    { id: 'draw-points', type: 'circle', source: 'draw', filter: ['==', ['geometry-type'], 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#ffdd00', 'circle-stroke-color': '#0b0c0c', 'circle-stroke-width': 1.5 } },
  );
  const sources: StyleSpecification['sources'] = {
    context: { type: 'geojson', data: dataUrl('geo-context.json'), promoteId: 'code' },
    borough: { type: 'geojson', data: dataUrl('geo-borough.json'), promoteId: 'code' },
    draw: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    site: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
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

/** The drawing layer's data: vertices, and the line or polygon they make so far. */
export function drawData(points: [number, number][], closed: boolean): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = points.map((p) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: p } }));
  if (points.length >= 3 && closed)
    features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...points, points[0]]] } });
  else if (points.length >= 2) features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: points } });
  return { type: 'FeatureCollection', features };
}
