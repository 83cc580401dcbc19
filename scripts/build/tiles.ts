/**
 * Optional step, tiles: boundaries as vector tiles and indicator values split per indicator, for places too big
 * for one GeoJSON file per geography (a region, England). One tile set per geography, one source-layer named after
 * it, each feature carrying only its area code (the map promotes it to the feature id, so the same feature-state
 * colouring applies). Coarse geographies start at zoom 0, small areas only where they are big enough to see.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { IndicatorBundle, IndicatorRecord, TileManifest, TileSetInfo } from '../../src/lib/core/types';

/** One geography to tile: its features (with `code` in their properties) and the zooms its tiles are made for. */
export interface TileLayerInput {
  id: string;
  features: GeoJSON.Feature[];
  minzoom: number;
  /** Deepest zoom tiles are made for; the map draws deeper zooms from these (overzoom). */
  maxzoom: number;
}

/** Default zooms: districts from zoom 0, MSOAs and wards from 5, LSOAs from 8, all cut down to zoom 12. */
export const DEFAULT_TILE_ZOOMS: Record<string, [number, number]> = { borough: [0, 12], context: [0, 12], msoa: [5, 12], ward: [5, 12], lsoa: [8, 12] };

export const TILE_EXTENT = 4096;

/** Web-mercator tile column/row of a point at zoom z (clamped to the world). */
export function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  const y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * n);
  return [Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y))];
}

function bboxOf(g: GeoJSON.Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as number[];
      if (x < b[0]) b[0] = x;
      if (y < b[1]) b[1] = y;
      if (x > b[2]) b[2] = x;
      if (y > b[3]) b[3] = y;
    } else for (const d of c as unknown[]) walk(d);
  };
  if (g.type !== 'GeometryCollection') walk(g.coordinates);
  return b;
}

/** [west, south, east, north] around every feature. */
function boundsOf(features: GeoJSON.Feature[]): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const [w, s, e, n] = bboxOf(f.geometry);
    b[0] = Math.min(b[0], w);
    b[1] = Math.min(b[1], s);
    b[2] = Math.max(b[2], e);
    b[3] = Math.max(b[3], n);
  }
  return b;
}

/**
 * Every tile of one geography inside its bounds, as z/x/y -> pbf bytes. A tile with nothing in it is an empty
 * file (a valid empty tile), so the map, which asks for every tile inside the bounds, never meets a 404.
 */
export function buildTileSet(layer: TileLayerInput): Map<string, Uint8Array> {
  const features = layer.features.map((f) => {
    const code = f.properties?.code;
    if (typeof code !== 'string' || !code) throw new Error(`tiles: a ${layer.id} feature has no "code" property`);
    // Only the code goes into the tiles: names and values come from the data files, once, not per tile.
    return { type: 'Feature' as const, properties: { code }, geometry: f.geometry };
  });
  const index = new GeoJSONVT({ type: 'FeatureCollection', features }, { maxZoom: layer.maxzoom, indexMaxZoom: Math.min(5, layer.maxzoom), extent: TILE_EXTENT, buffer: 64, tolerance: 3 });
  const [w, s, e, n] = boundsOf(features);
  const out = new Map<string, Uint8Array>();
  for (let z = layer.minzoom; z <= layer.maxzoom; z++) {
    const [x0, y0] = tileOf(w, n, z);
    const [x1, y1] = tileOf(e, s, z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const tile = index.getTile(z, x, y);
        out.set(`${z}/${x}/${y}`, tile && tile.features.length ? fromGeojsonVt({ [layer.id]: tile }, { version: 2, extent: TILE_EXTENT }) : new Uint8Array(0));
      }
  }
  return out;
}

/** Tiles for every geography, and the manifest the map reads (paths relative to the data directory). */
export function buildTiles(layers: TileLayerInput[]): { manifest: TileManifest; tiles: Record<string, Map<string, Uint8Array>> } {
  const tiles: Record<string, Map<string, Uint8Array>> = {};
  const sets: Record<string, TileSetInfo> = {};
  for (const layer of layers) {
    tiles[layer.id] = buildTileSet(layer);
    // Rounded outwards, so the map still asks for the edge tiles.
    const [w, s, e, n] = boundsOf(layer.features);
    const out = (v: number, up: boolean) => (up ? Math.ceil(v * 1e5 - 1e-6) : Math.floor(v * 1e5 + 1e-6)) / 1e5;
    const bounds: [number, number, number, number] = [out(w, false), out(s, false), out(e, true), out(n, true)];
    sets[layer.id] = { url: `tiles/${layer.id}/{z}/{x}/{y}.pbf`, sourceLayer: layer.id, minzoom: layer.minzoom, maxzoom: layer.maxzoom, bounds, features: layer.features.length, tiles: tiles[layer.id].size };
  }
  return { manifest: { format: 'pbf', sets }, tiles };
}

/** Writes tiles/<geography>/<z>/<x>/<y>.pbf and tiles/tiles.json under outDir; returns the number of tile files. */
export function writeTiles(outDir: string, { manifest, tiles }: ReturnType<typeof buildTiles>): number {
  let n = 0;
  for (const [id, set] of Object.entries(tiles)) {
    const dirs = new Set<string>();
    for (const [zxy, bytes] of set) {
      const file = join(outDir, 'tiles', id, `${zxy}.pbf`);
      const dir = file.slice(0, file.lastIndexOf('/'));
      if (!dirs.has(dir)) mkdirSync(dir, { recursive: true }), dirs.add(dir);
      writeFileSync(file, bytes);
      n++;
    }
  }
  mkdirSync(join(outDir, 'tiles'), { recursive: true });
  writeFileSync(join(outDir, 'tiles', 'tiles.json'), JSON.stringify(manifest));
  return n;
}

/** values/index.json: every indicator's description without its values, and each geography's codes (the order values follow). */
export interface ValuesIndex {
  codes: Partial<Record<string, string[]>>;
  indicators: Omit<IndicatorRecord, 'data'>[];
}

/**
 * Indicator values split per indicator: values/index.json (descriptions and codes, read once) and
 * values/<id>.json (one indicator's values per geography, aligned with the codes), so the browser
 * fetches only the indicator it shows.
 */
export function valueFiles(bundle: Pick<IndicatorBundle, 'areas' | 'indicators'>): Record<string, unknown> {
  const codes = Object.fromEntries(Object.entries(bundle.areas).map(([g, a]) => [g, a.codes]));
  const index: ValuesIndex = { codes, indicators: bundle.indicators.map(({ data: _data, ...meta }) => meta) };
  const files: Record<string, unknown> = { 'index.json': index };
  for (const ind of bundle.indicators) {
    if (!/^[A-Za-z0-9_.-]+$/.test(ind.id) || ind.id === 'index') throw new Error(`values: indicator id "${ind.id}" cannot be a file name`);
    files[`${ind.id}.json`] = { id: ind.id, data: ind.data };
  }
  return files;
}

export function writeValueFiles(outDir: string, files: Record<string, unknown>): number {
  mkdirSync(join(outDir, 'values'), { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(outDir, 'values', name), JSON.stringify(content));
  return Object.keys(files).length;
}
