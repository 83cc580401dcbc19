/**
 * A SYNTHETIC England-size geography for the benchmark only (made at bench time in a temporary folder, never
 * shipped, never real data): 33,755 LSOA-like cells (England's LSOA 2021 count) on a lattice over England's
 * extent, grouped into MSOA-like, ward-like and district-like parents, with synthetic indicator values.
 *
 * Cells share their edges exactly, so no two overlap by construction: cell (col, row) lies between lattice
 * lines col and col+1, row and row+1, and each lattice line is one wiggly curve every cell on either side of
 * it computes identically (the wiggle is zero at lattice corners and at most a tenth of a cell, too small for two lines to cross), so
 * boundaries carry realistic vertex counts that tile simplification cannot erase.
 */
import type { AreaList, GeographyId, IndicatorRecord } from '../../src/lib/core/types';
import { jenksBreaks, quantileBreaks } from '../../src/lib/indicators/classify';

export const ENGLAND_LSOA_COUNT = 33_755;
/** [minLon, minLat, maxLon, maxLat], roughly England's extent. */
export const ENGLAND_BBOX: [number, number, number, number] = [-5.7, 50.0, 1.8, 55.8];

export interface SyntheticOptions {
  count?: number;
  bbox?: [number, number, number, number];
  /** Segments each cell edge is cut into (vertices per ring = 4 × segments + 1). */
  segments?: number;
  /** Parent block sizes in cells, [columns, rows]. */
  msoaBlock?: [number, number];
  wardBlock?: [number, number];
  districtBlock?: [number, number];
}

export interface SyntheticGeography {
  cols: number;
  rows: number;
  lsoa: GeoJSON.Feature<GeoJSON.Polygon>[];
  msoa: GeoJSON.Feature<GeoJSON.MultiPolygon>[];
  ward: GeoJSON.Feature<GeoJSON.MultiPolygon>[];
  district: GeoJSON.Feature<GeoJSON.MultiPolygon>[];
  /** Each LSOA-like cell's lattice position, in feature order. */
  cells: [number, number][];
}

type Pt = [number, number];

/** Lattice size: columns × rows ≥ count, cells roughly square on the ground at the box's middle latitude. */
export function latticeSize(count: number, bbox: [number, number, number, number]): [number, number] {
  const [w, s, e, n] = bbox;
  const aspect = ((e - w) * Math.cos(((s + n) / 2) * (Math.PI / 180))) / (n - s);
  const rows = Math.max(1, Math.round(Math.sqrt(count / aspect)));
  return [Math.ceil(count / rows), rows];
}

export function syntheticEngland(opts: SyntheticOptions = {}): SyntheticGeography {
  const { count = ENGLAND_LSOA_COUNT, bbox = ENGLAND_BBOX, segments = 6, msoaBlock = [2, 2], wardBlock = [2, 3], districtBlock = [10, 12] } = opts;
  const [cols, rows] = latticeSize(count, bbox);
  const [w, s, e, n] = bbox;
  const dx = (e - w) / cols;
  const dy = (n - s) / rows;
  // A lattice point moved along the line it lies on never leaves that line; the wiggle moves interior
  // points of a vertical line sideways (in x) by a function of (line, y), of a horizontal line in y by (line, x).
  const wiggleX = (col: number, t: number) => (col === 0 || col === cols ? 0 : 0.1 * dx * Math.sin(Math.PI * t * 2) * Math.sin(col * 1.7 + Math.floor(t) * 0.9));
  const wiggleY = (row: number, t: number) => (row === 0 || row === rows ? 0 : 0.1 * dy * Math.sin(Math.PI * t * 2) * Math.cos(row * 1.3 + Math.floor(t) * 1.1));
  // Point k/segments of the way along the vertical line `col` between rows `row` and row+1, and likewise.
  const vPoint = (col: number, row: number, k: number): Pt => {
    const t = row + k / segments;
    return [w + col * dx + wiggleX(col, t), s + t * dy];
  };
  const hPoint = (row: number, col: number, k: number): Pt => {
    const t = col + k / segments;
    return [w + t * dx, s + row * dy + wiggleY(row, t)];
  };
  const round = ([x, y]: Pt): Pt => [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];

  /** The ring around lattice cells [c0, c1) × [r0, r1), counter-clockwise, along the shared wiggly lines. */
  const rectRing = (c0: number, c1: number, r0: number, r1: number): Pt[] => {
    const ring: Pt[] = [];
    for (let c = c0; c < c1; c++) for (let k = 0; k < segments; k++) ring.push(hPoint(r0, c, k));
    for (let r = r0; r < r1; r++) for (let k = 0; k < segments; k++) ring.push(vPoint(c1, r, k));
    for (let c = c1 - 1; c >= c0; c--) for (let k = segments; k > 0; k--) ring.push(hPoint(r1, c, k));
    for (let r = r1 - 1; r >= r0; r--) for (let k = segments; k > 0; k--) ring.push(vPoint(c0, r, k));
    ring.push(ring[0]);
    return ring.map(round);
  };

  const lsoa: GeoJSON.Feature<GeoJSON.Polygon>[] = [];
  const cells: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const col = i % cols;
    const row = Math.floor(i / cols);
    lsoa.push({ type: 'Feature', properties: { code: syntheticCode('L', i), name: `Synthetic LSOA ${i + 1}` }, geometry: { type: 'Polygon', coordinates: [rectRing(col, col + 1, row, row + 1)] } });
    cells.push([col, row]);
  }
  // Only the top row can be partly filled: columns [0, lastCols) of row rows-1.
  const lastCols = count - (rows - 1) * cols;

  /**
   * Parents: blocks of bw × bh cells, dissolved (one ring around the block, so no inner cell edges are drawn);
   * a block reaching the partly filled top row is its full rows plus that row's filled part.
   */
  const parents = (prefix: string, label: string, [bw, bh]: [number, number]) => {
    const out: GeoJSON.Feature<GeoJSON.MultiPolygon>[] = [];
    const parentOf = new Array<number>(count);
    for (let r0 = 0; r0 < rows; r0 += bh)
      for (let c0 = 0; c0 < cols; c0 += bw) {
        const c1 = Math.min(cols, c0 + bw);
        const r1 = Math.min(rows, r0 + bh);
        const polys: Pt[][][] = [];
        const fullRows = r1 === rows ? r1 - 1 : r1;
        if (fullRows > r0) polys.push([rectRing(c0, c1, r0, fullRows)]);
        if (r1 === rows && c0 < lastCols) polys.push([rectRing(c0, Math.min(c1, lastCols), rows - 1, rows)]);
        if (!polys.length) continue;
        const code = syntheticCode(prefix, out.length);
        for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) if (r * cols + c < count) parentOf[r * cols + c] = out.length;
        out.push({ type: 'Feature', properties: { code, name: `Synthetic ${label} ${out.length + 1}` }, geometry: { type: 'MultiPolygon', coordinates: polys } });
      }
    lsoa.forEach((f, i) => ((f.properties as Record<string, string>)[label.toLowerCase()] = out[parentOf[i]].properties!.code));
    return out;
  };
  const msoa = parents('M', 'MSOA', msoaBlock);
  const ward = parents('W', 'Ward', wardBlock);
  const district = parents('D', 'District', districtBlock);
  return { cols, rows, lsoa, msoa, ward, district, cells };
}

/** Codes that look like GSS codes but are plainly synthetic (S for synthetic, then a kind letter and a number). */
export const syntheticCode = (kind: string, i: number) => `S${kind}${String(i).padStart(7, '0')}`;

/** A seeded pseudo-random stream (mulberry32), so every bench run colours the same way. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A synthetic indicator (values 0–100 from a seeded stream, per geography), with the app's own class breaks. */
export function syntheticIndicator(id: string, codes: Partial<Record<GeographyId, string[]>>, seed: number): IndicatorRecord {
  const next = seeded(seed);
  const data: IndicatorRecord['data'] = {};
  for (const [g, list] of Object.entries(codes) as [GeographyId, string[]][]) {
    const values = list.map(() => Math.round(next() * 1000) / 10);
    data[g] = { values, breaks: { quantile: quantileBreaks(values), jenks: jenksBreaks(values) } };
  }
  return {
    id,
    label: `Synthetic indicator ${id}`,
    theme: 'Synthetic',
    unit: 'score',
    decimals: 1,
    period: 'synthetic',
    source: 'Synthetic values made by the benchmark; not data',
    licence: 'none',
    polarity: 'NoJudgement',
    kind: 'score',
    compare: 'none',
    method: 'synthetic',
    caveats: 'Synthetic benchmark values, not data.',
    geographyMethod: {},
    data,
  };
}

/** Area lists for the value files (codes and names only matter there; the rest is filled minimally). */
export function syntheticAreas(features: GeoJSON.Feature[]): AreaList {
  return {
    codes: features.map((f) => String(f.properties!.code)),
    names: features.map((f) => String(f.properties!.name)),
    aliases: features.map(() => ''),
    residents: features.map(() => 0),
    bbox: [],
    label: [],
  };
}
