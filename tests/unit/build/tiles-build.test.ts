/**
 * The data build's tile step (scripts/build/tiles.ts): boundaries to vector tiles decoded back with
 * @mapbox/vector-tile, per-indicator value files, and the real data built with the tiles option.
 * The small collections here are synthetic (named so); the last test builds the real data/.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkBundle, checkValues } from '../../../src/lib/core/shapes';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { buildTiles, buildTileSet, tileOf, valueFiles, writeTiles, writeValueFiles, TILE_EXTENT, type TileLayerInput, type ValuesIndex } from '../../../scripts/build/tiles';
import { buildOutputs } from '../../../scripts/build/index';
import { readInputs } from '../../../scripts/build/read';
import type { AreaList, IndicatorRecord } from '../../../src/lib/core/types';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const temps: string[] = [];
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A synthetic square area [lon, lat, size in degrees]. */
const square = (code: string, lon: number, lat: number, d: number): GeoJSON.Feature => ({
  type: 'Feature',
  properties: { code, name: `synthetic ${code}`, extra: 1 },
  geometry: { type: 'Polygon', coordinates: [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]] },
});

// Synthetic: four small areas in a 2 × 2 block, and one far away (so the bounds hold empty tiles between them).
const SYNTHETIC_SMALL = [square('SYN0001', -1.4, 54.5, 0.05), square('SYN0002', -1.35, 54.5, 0.05), square('SYN0003', -1.4, 54.55, 0.05), square('SYN0004', -1.35, 54.55, 0.05), square('SYN0005', 0.5, 52.0, 0.05)];
const SYNTHETIC_PARENT = [square('SYNP001', -1.4, 54.5, 0.1), square('SYNP002', 0.5, 52.0, 0.05)];

function decode(bytes: Uint8Array) {
  return new VectorTile(new PbfReader(bytes));
}

/** Codes in every tile of one zoom, by layer name. */
function codesAt(tiles: Map<string, Uint8Array>, z: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [key, bytes] of tiles) {
    if (Number(key.split('/')[0]) !== z || bytes.length === 0) continue;
    const vt = decode(bytes);
    for (const [name, layer] of Object.entries(vt.layers)) {
      const set = out.get(name) ?? out.set(name, new Set()).get(name)!;
      for (let i = 0; i < layer.length; i++) set.add(String(layer.feature(i).properties.code));
    }
  }
  return out;
}

describe('buildTileSet: one geography to vector tiles', () => {
  const layer: TileLayerInput = { id: 'lsoa', features: SYNTHETIC_SMALL, minzoom: 4, maxzoom: 8 };
  const tiles = buildTileSet(layer);
  const zooms = [...new Set([...tiles.keys()].map((k) => Number(k.split('/')[0])))].sort((a, b) => a - b);

  it('makes tiles at every zoom from minzoom to maxzoom and at no other', () => {
    expect(zooms).toEqual([4, 5, 6, 7, 8]);
  });

  it.each([4, 5, 6, 7, 8])('at zoom %i every area is in some tile, in a source-layer named after the geography, with only its code', (z) => {
    const codes = codesAt(tiles, z);
    expect([...codes.keys()]).toEqual(['lsoa']);
    expect([...codes.get('lsoa')!].sort()).toEqual(SYNTHETIC_SMALL.map((f) => f.properties!.code).sort());
    const [key] = [...tiles].find(([k, b]) => k.startsWith(`${z}/`) && b.length > 0)!;
    const f = decode(tiles.get(key)!).layers.lsoa.feature(0);
    expect(Object.keys(f.properties)).toEqual(['code']);
    expect(f.extent).toBe(TILE_EXTENT);
    expect(f.type).toBe(3); // polygon
  });

  it('puts each area in the tile that holds it, and its geometry decodes back to where it was', () => {
    const [x, y] = tileOf(-1.375, 54.525, 8);
    const vt = decode(tiles.get(`8/${x}/${y}`)!);
    const f = [...Array(vt.layers.lsoa.length).keys()].map((i) => vt.layers.lsoa.feature(i)).find((g) => g.properties.code === 'SYN0001')!;
    const ring = (f.toGeoJSON(x, y, 8).geometry as GeoJSON.Polygon).coordinates[0];
    const lons = ring.map((p) => p[0]);
    const lats = ring.map((p) => p[1]);
    expect(Math.min(...lons)).toBeCloseTo(-1.4, 3);
    expect(Math.max(...lons)).toBeCloseTo(-1.35, 3);
    expect(Math.min(...lats)).toBeCloseTo(54.5, 3);
    expect(Math.max(...lats)).toBeCloseTo(54.55, 3);
  });

  it('writes tiles with nothing in them (inside the bounds) as empty files, so the map never meets a 404', () => {
    const [x0, y0] = tileOf(-1.4, 54.6, 8);
    const [x1, y1] = tileOf(0.55, 52.0, 8);
    expect(tiles.size - [...tiles.keys()].filter((k) => !k.startsWith('8/')).length).toBe((x1 - x0 + 1) * (y1 - y0 + 1));
    const empty = [...tiles.values()].filter((b) => b.length === 0).length;
    expect(empty).toBeGreaterThan(0);
  });

  it('refuses a feature with no code (the map promotes it to the feature id)', () => {
    const bad = { ...SYNTHETIC_SMALL[0], properties: { name: 'no code' } };
    expect(() => buildTileSet({ id: 'lsoa', features: [bad], minzoom: 0, maxzoom: 2 })).toThrow(/no "code"/);
  });
});

describe('buildTiles and writeTiles', () => {
  const made = buildTiles([
    { id: 'borough', features: SYNTHETIC_PARENT, minzoom: 0, maxzoom: 6 },
    { id: 'lsoa', features: SYNTHETIC_SMALL, minzoom: 5, maxzoom: 7 },
  ]);

  it('describes each tile set: URL template, source-layer, zooms, bounds, counts', () => {
    expect(made.manifest.sets.lsoa).toEqual({ url: 'tiles/lsoa/{z}/{x}/{y}.pbf', sourceLayer: 'lsoa', minzoom: 5, maxzoom: 7, bounds: [-1.4, 52, 0.55, 54.6], features: 5, tiles: made.tiles.lsoa.size });
    expect(made.manifest.sets.borough.minzoom).toBe(0);
    expect(Object.keys(made.manifest.sets)).toEqual(['borough', 'lsoa']);
  });

  it('keeps coarse areas at low zoom and small ones out of them', () => {
    expect([...codesAt(made.tiles.borough, 4).get('borough')!].sort()).toEqual(['SYNP001', 'SYNP002']);
    expect([...made.tiles.lsoa.keys()].filter((k) => Number(k.split('/')[0]) < 5)).toEqual([]);
  });

  it('writes z/x/y.pbf files and tiles.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhe-tiles-test-'));
    temps.push(dir);
    const n = writeTiles(dir, made);
    expect(n).toBe(made.tiles.borough.size + made.tiles.lsoa.size);
    expect(JSON.parse(readFileSync(join(dir, 'tiles', 'tiles.json'), 'utf8'))).toEqual(made.manifest);
    const [key, bytes] = [...made.tiles.lsoa].find(([, b]) => b.length > 0)!;
    expect(new Uint8Array(readFileSync(join(dir, 'tiles', 'lsoa', `${key}.pbf`)))).toEqual(bytes);
  });
});

describe('valueFiles: indicator values split per indicator', () => {
  const areas = (codes: string[]): AreaList => ({ codes, names: codes, aliases: [], residents: [], bbox: [], label: [] });
  const ind = (id: string, values: number[]): IndicatorRecord =>
    ({ id, label: `Synthetic ${id}`, data: { lsoa: { values, breaks: { quantile: [], jenks: [] } } } }) as unknown as IndicatorRecord;
  const bundle = { areas: { lsoa: areas(['SYN0001', 'SYN0002']), msoa: areas(['SYNM001']), ward: areas(['SYNW001']) }, indicators: [ind('synthetic_a', [1, 2]), ind('synthetic_b', [3, 4])] };
  const files = valueFiles(bundle);

  it('writes an index (codes in value order, descriptions without values) and one file per indicator', () => {
    expect(Object.keys(files).sort()).toEqual(['index.json', 'synthetic_a.json', 'synthetic_b.json']);
    const index = files['index.json'] as ValuesIndex;
    expect(index.codes.lsoa).toEqual(['SYN0001', 'SYN0002']);
    expect(index.indicators.map((d) => d.id)).toEqual(['synthetic_a', 'synthetic_b']);
    expect(index.indicators.every((d) => !('data' in d))).toBe(true);
    expect(files['synthetic_b.json']).toEqual({ id: 'synthetic_b', data: { lsoa: { values: [3, 4], breaks: { quantile: [], jenks: [] } } } });
  });

  it.each(['../x', 'a/b', 'index', ''])('refuses the indicator id %j as a file name', (id) => {
    expect(() => valueFiles({ ...bundle, indicators: [ind(id, [1, 2])] })).toThrow(/cannot be a file name/);
  });

  it('writes them under values/', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nhe-values-test-'));
    temps.push(dir);
    expect(writeValueFiles(dir, files)).toBe(3);
    expect(JSON.parse(readFileSync(join(dir, 'values', 'synthetic_a.json'), 'utf8')).data.lsoa.values).toEqual([1, 2]);
  });
});

describe('the real data built with the tiles option', () => {
  it('names its tiles in indicators.json, has every LSOA in the zoom-12 tiles, and one value file per indicator', { timeout: 180_000 }, () => {
    const { outputs, tiled } = buildOutputs(readInputs(join(ROOT, 'data')), { builtAt: '2001-02-03T04:05:06.000Z', tiles: true });
    const bundle = outputs['indicators.json'] as import('../../../src/lib/core/types').IndicatorBundle;
    expect(Object.keys(bundle.tiles!.sets).sort()).toEqual(['borough', 'context', 'lsoa', 'msoa', 'ward']);
    expect(bundle.tiles!.sets.lsoa).toMatchObject({ sourceLayer: 'lsoa', minzoom: 8, maxzoom: 12, features: bundle.areas.lsoa.codes.length });
    expect([...codesAt(tiled!.tiles.tiles.lsoa, 12).get('lsoa')!].sort()).toEqual([...bundle.areas.lsoa.codes].sort());
    expect([...codesAt(tiled!.tiles.tiles.ward, 5).get('ward')!].sort()).toEqual([...bundle.areas.ward.codes].sort());
    expect(Object.keys(tiled!.values).length).toBe(bundle.indicators.length + 1);
    // Without the option nothing changes: no tiles named, values inline.
    const plain = buildOutputs(readInputs(join(ROOT, 'data')), { builtAt: '2001-02-03T04:05:06.000Z' });
    const plainBundle = plain.outputs['indicators.json'] as import('../../../src/lib/core/types').IndicatorBundle;
    expect(plainBundle.tiles).toBeUndefined();
    expect(plainBundle.valuesSplit).toBeUndefined();
    expect(plain.tiled).toBeUndefined();
    // With it, indicators.json keeps every description but no values; each value file holds exactly the values
    // the plain build has inline, and passes the check the browser makes of it.
    expect(bundle.valuesSplit).toBe(true);
    expect(checkBundle(bundle).ok).toBe(true);
    expect(bundle.indicators.map(({ data, ...meta }) => [meta, data])).toEqual(plainBundle.indicators.map(({ data: _d, ...meta }) => [meta, {}]));
    for (const ind of plainBundle.indicators) {
      const file = tiled!.values[`${ind.id}.json`];
      expect(file).toEqual({ id: ind.id, data: ind.data });
      expect(checkValues(JSON.parse(JSON.stringify(file)), ind.id, bundle.areas)).toMatchObject({ ok: true, value: ind.data });
    }
  });
});

