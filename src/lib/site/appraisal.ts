/**
 * Site appraisal for planners: a proposed site (a point or a boundary), straight-line catchment
 * rings around it, and what the bundled data says about the people and services inside each ring.
 *
 * Pure functions (no React, no MapLibre). Residents and counts inside a ring are estimated by area
 * weighting: each LSOA contributes the share of its area that falls inside the ring, which assumes
 * its residents are spread evenly across it.
 */
import Papa from 'papaparse';
import { csvCell, roundTo } from '../core/csv';
import { area, booleanPointInPolygon, buffer, intersect, kinks, rewind, simplify, union } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { IndicatorBundle, IndicatorRecord } from '../core/types';
import type { ConfidenceLevel } from '../indicators/intervals';
import { weightedSum, type Part } from '../indicators/aggregate';
import { poolParts, type PlaceValue } from '../indicators/value';
import { comparisonWords } from '../places/comparison';
import { detectCrs, forEachPosition, toWgs84 } from './crs';
import { DEFAULT_RADII_M, type LonLat } from '../core/geo';
import { formatDistance } from '../core/format';
import { UPLOAD_LIMIT_BYTES, textTooLarge } from '../core/text';
import { categoryDef, inUk, type Asset, type AssetCategory } from '../assets/categories';
import { haversineMetres } from '../core/geo';

// ---------------------------------------------------------------------------------------------
// Site geometry
// ---------------------------------------------------------------------------------------------

export interface SiteGeometry {
  kind: 'point' | 'polygon';
  /** WGS84, RFC 7946 winding (exterior rings anticlockwise). */
  geometry: Point | Polygon | MultiPolygon;
  /** Area-weighted centroid for a polygon; the point itself for a point. */
  centroid: LonLat;
  /** Hectares, polygons only. */
  areaHa?: number;
}

export type SiteParseResult = { site: SiteGeometry; notes: string[] } | { error: string };

/** Most polygons one upload may hold (they are unioned into one site). */
export const MAX_SITE_POLYGONS = 1000;
/** Above this many vertices the self-intersection check (quadratic) is skipped. */
const KINK_CHECK_MAX_VERTICES = 4000;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const samePos = (a: Position, b: Position) => a[0] === b[0] && a[1] === b[1];

/** Close a ring if its last position is not its first. */
function closeRing(ring: Position[]): Position[] {
  return ring.length > 0 && !samePos(ring[0], ring[ring.length - 1]) ? [...ring, ring[0]] : ring;
}

function distinctCorners(ring: Position[]): number {
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size;
}

/** Shoelace area and centroid of a ring in a local equirectangular plane (x = (lon − lon0)·cos φ0, y = lat − lat0). */
function ringMoments(ring: Position[], k: number, o: Position): { a: number; cx: number; cy: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    const x0 = (ring[i][0] - o[0]) * k;
    const y0 = ring[i][1] - o[1];
    const x1 = (ring[i + 1][0] - o[0]) * k;
    const y1 = ring[i + 1][1] - o[1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  a /= 2;
  return a === 0 ? { a: 0, cx: 0, cy: 0 } : { a, cx: cx / (6 * a), cy: cy / (6 * a) };
}

/** Area-weighted centroid of a (multi)polygon: exterior rings add, holes subtract. */
export function polygonCentroid(g: Polygon | MultiPolygon): LonLat {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const first = polys[0]?.[0]?.[0];
  if (!first) return [NaN, NaN];
  const k = Math.cos((first[1] * Math.PI) / 180);
  let A = 0;
  let X = 0;
  let Y = 0;
  let n = 0;
  let sx = 0;
  let sy = 0;
  for (const poly of polys)
    poly.forEach((ring, r) => {
      const m = ringMoments(ring, k, first);
      const w = r === 0 ? Math.abs(m.a) : -Math.abs(m.a);
      A += w;
      X += m.cx * w;
      Y += m.cy * w;
      for (const p of ring) {
        sx += p[0];
        sy += p[1];
        n++;
      }
    });
  if (!(A > 0)) return [sx / n, sy / n];
  return [first[0] + X / A / k, first[1] + Y / A];
}

/** RFC 7946 winding (exterior anticlockwise, holes clockwise), as a new geometry. */
function rfcWinding<G extends Polygon | MultiPolygon>(g: G): G {
  return rewind(g, { reverse: false, mutate: false }) as G;
}

function polygonSite(geometry: Polygon | MultiPolygon): SiteGeometry {
  const g = rfcWinding(geometry);
  return { kind: 'polygon', geometry: g, centroid: polygonCentroid(g), areaHa: area(g) / 10_000 };
}

function checkFinitePosition(p: readonly number[], what: string): void {
  if (p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) throw new RangeError(`${what}: coordinates must be finite numbers.`);
}

/** A point site (WGS84 [lon, lat]). Throws RangeError on non-finite coordinates. */
export function siteFromPoint([lon, lat]: readonly number[]): SiteGeometry {
  checkFinitePosition([lon, lat], 'siteFromPoint');
  return { kind: 'point', geometry: { type: 'Point', coordinates: [lon, lat] }, centroid: [lon, lat] };
}

/**
 * A polygon site from one ring of WGS84 [lon, lat] positions (e.g. drawn on the map); the ring is
 * closed if open. Throws RangeError with fewer than three distinct corners or non-finite positions.
 */
export function siteFromPolygon(ring: readonly (readonly number[])[]): SiteGeometry {
  const r = ring.map((p) => {
    checkFinitePosition(p, 'siteFromPolygon');
    return [p[0], p[1]];
  });
  if (distinctCorners(r) < 3) throw new RangeError('siteFromPolygon: a polygon needs at least three distinct corners.');
  return polygonSite({ type: 'Polygon', coordinates: [closeRing(r)] });
}

// --- Parsing uploads -------------------------------------------------------------------------

/** Echo a GeoJSON type name only if it looks like one (never echo file text into messages). */
const typeWords = (t: unknown) => (typeof t === 'string' && /^[A-Za-z]{1,30}$/.test(t) ? `"${t}"` : 'an unrecognised type');

class SiteError extends Error {}

export const SITE_TOO_LARGE_ADVICE = 'Simplify the boundary in your GIS, or export only the site.';

/**
 * Read an uploaded site boundary. Accepts a FeatureCollection, a Feature or a bare geometry, in
 * WGS84 longitude/latitude or British National Grid (EPSG:27700, detected and converted).
 * Polygons and MultiPolygons become one polygon site (several are unioned); with only points, the
 * first point is the site. A FeatureCollection written by siteGeoJson() is read back from its
 * feature with role "site". Feature properties are never read (only geometry), so names and
 * attributes in the file cannot reach the page. Never throws: problems come back as `error`.
 */
export function parseSiteGeoJson(text: string, maxBytes = UPLOAD_LIMIT_BYTES): SiteParseResult {
  try {
    return { ...parseOrThrow(text, maxBytes) };
  } catch (e) {
    if (e instanceof SiteError) return { error: e.message };
    return { error: 'The file could not be read as a site boundary. Export it from your GIS as GeoJSON (a polygon or a point) and try again.' };
  }
}

function parseOrThrow(text: string, maxBytes: number): { site: SiteGeometry; notes: string[] } {
  if (typeof text !== 'string') throw new SiteError('No file text was given.');
  const tooLarge = textTooLarge(text, SITE_TOO_LARGE_ADVICE, maxBytes);
  if (tooLarge) throw new SiteError(tooLarge);
  if (text.trim() === '') throw new SiteError('The file is empty.');
  let root: unknown;
  try {
    root = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new SiteError('The file is not valid JSON, so it cannot be GeoJSON. Export the site from your GIS as GeoJSON.');
  }
  if (!isObj(root) || typeof root.type !== 'string') throw new SiteError('The file is JSON but not GeoJSON: it has no "type" of Feature, FeatureCollection or geometry.');

  const notes: string[] = [];
  let hadProperties = false;
  const geoms: Obj[] = [];
  const addGeometry = (g: unknown) => {
    if (!isObj(g)) throw new SiteError('A feature’s geometry is not a GeoJSON geometry object.');
    if (g.type === 'GeometryCollection') {
      if (!Array.isArray(g.geometries)) throw new SiteError('A GeometryCollection has no "geometries" list.');
      for (const x of g.geometries) {
        if (isObj(x) && x.type === 'GeometryCollection') throw new SiteError('Nested GeometryCollections are not supported.');
        addGeometry(x);
      }
      return;
    }
    if (!['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'].includes(g.type as string))
      throw new SiteError(`A geometry has ${typeWords(g.type)}, which is not a GeoJSON geometry type.`);
    geoms.push(g);
  };
  const addFeature = (f: unknown) => {
    if (!isObj(f) || f.type !== 'Feature') throw new SiteError('The FeatureCollection holds something that is not a Feature.');
    if (isObj(f.properties) && Object.keys(f.properties).length > 0) hadProperties = true;
    if (f.geometry !== null && f.geometry !== undefined) addGeometry(f.geometry);
  };

  if (root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) throw new SiteError('The FeatureCollection has no "features" list.');
    if (root.features.length === 0) throw new SiteError('The FeatureCollection is empty: it has no features.');
    const siteFeature = root.features.find((f) => isObj(f) && isObj(f.properties) && f.properties.role === 'site');
    if (siteFeature) {
      addFeature(siteFeature);
      if (root.features.length > 1) notes.push('Read the feature marked as the site; the catchment rings in the file were ignored (they are redrawn).');
    } else root.features.forEach(addFeature);
  } else if (root.type === 'Feature') addFeature(root);
  else addGeometry(root);
  if (geoms.length === 0) throw new SiteError('The file has no geometry: its features are all empty.');

  // Check every position before anything else looks at them.
  for (const g of geoms) {
    let bad: 'text' | 'nonfinite' | 'shape' | null = null;
    const ok = forEachPosition(g, (p) => {
      if (bad) return;
      if (!Array.isArray(p) || p.length < 2 || p.length > 4) bad = 'shape';
      else if (p.some((x) => typeof x !== 'number')) bad = p.some((x) => typeof x === 'string') ? 'text' : 'shape';
      else if (p.some((x) => !Number.isFinite(x))) bad = 'nonfinite';
    });
    if (!ok || bad === 'shape') throw new SiteError(`A ${typeWords(g.type)} geometry’s coordinates are not nested as GeoJSON requires.`);
    if (bad === 'text') throw new SiteError('Some coordinates are text (in quotes) rather than numbers.');
    if (bad === 'nonfinite') throw new SiteError('Some coordinates are not finite numbers (too large to be a real place).');
  }

  const polys = geoms.filter((g) => g.type === 'Polygon' || g.type === 'MultiPolygon');
  const points = geoms.filter((g) => g.type === 'Point' || g.type === 'MultiPoint');
  const lines = geoms.length - polys.length - points.length;
  let chosen: Obj[];
  if (polys.length > 0) {
    chosen = polys;
    const ignored = points.length + lines;
    if (ignored > 0) notes.push(`${ignored} point or line feature${ignored === 1 ? ' was' : 's were'} ignored; the site is the polygon${polys.length > 1 ? 's' : ''}.`);
  } else if (points.length > 0) {
    const first = points.find((g) => g.type === 'Point' || (g.coordinates as unknown[]).length > 0);
    if (!first) throw new SiteError('The file’s MultiPoint has no points.');
    const pos = first.type === 'Point' ? (first.coordinates as number[]) : (first.coordinates as number[][])[0];
    chosen = [{ type: 'Point', coordinates: pos }];
    const n = points.reduce((s, g) => s + (g.type === 'Point' ? 1 : (g.coordinates as unknown[]).length), 0);
    if (n > 1) notes.push(`The file has ${n} points; the first was used as the site.`);
    if (lines > 0) notes.push('Lines in the file were ignored.');
  } else {
    throw new SiteError('The file only has lines (LineString). A site must be a polygon (its boundary) or a point.');
  }
  if (polys.length > MAX_SITE_POLYGONS) throw new SiteError(`The file has ${polys.length} polygons; a site can have at most ${MAX_SITE_POLYGONS}.`);

  // Coordinate reference system.
  const probe: Obj = { type: 'GeometryCollection', geometries: chosen };
  if (isObj(root.crs)) probe.crs = root.crs;
  const crs = detectCrs(probe);
  if (crs === 'unknown')
    throw new SiteError(
      'The coordinates are neither longitude/latitude (WGS84, EPSG:4326) nor British National Grid (EPSG:27700) eastings and northings. Re-export the file in one of those.',
    );
  if (crs === 'EPSG:27700') {
    chosen = chosen.map((g) => toWgs84(g, 'EPSG:27700'));
    notes.push('Converted from British National Grid (EPSG:27700) to longitude/latitude.');
  }
  let outside = false;
  for (const g of chosen)
    forEachPosition(g, (p) => {
      const [lon, lat] = p as number[];
      if (!inUk(lon, lat)) outside = true;
    });
  if (outside)
    throw new SiteError(
      'Some coordinates are outside the UK. Check the file is in longitude/latitude (WGS84) or British National Grid, with longitude first.',
    );
  if (hadProperties) notes.push('Feature properties (names and attributes) in the file were ignored; only the geometry is used.');

  if (chosen[0].type === 'Point') {
    const [lon, lat] = chosen[0].coordinates as number[];
    return { site: siteFromPoint([lon, lat]), notes };
  }

  // Polygons: strip to 2D, close rings, check corners and self-intersection, then combine.
  const polygons: Position[][][] = [];
  for (const g of chosen) {
    const list = g.type === 'Polygon' ? [g.coordinates as Position[][]] : (g.coordinates as Position[][][]);
    for (const rings of list) {
      if (rings.length === 0) continue;
      const fixed = rings.map((ring) => {
        if (distinctCorners(ring) < 3) throw new SiteError('A polygon ring has fewer than three distinct corners.');
        return closeRing(ring.map((p) => [p[0], p[1]]));
      });
      polygons.push(fixed);
    }
  }
  if (polygons.length === 0) throw new SiteError('The file’s polygons have no rings.');
  for (const rings of polygons) {
    const vertices = rings.reduce((s, r) => s + r.length, 0);
    if (vertices <= KINK_CHECK_MAX_VERTICES && kinks({ type: 'Polygon', coordinates: rings }).features.length > 0)
      throw new SiteError('The site boundary crosses itself. Repair it in your GIS (for example QGIS “Fix geometries”) and try again.');
  }
  let geometry: Polygon | MultiPolygon;
  if (polygons.length === 1) geometry = { type: 'Polygon', coordinates: polygons[0] };
  else {
    let merged: Feature<Polygon | MultiPolygon> | null = null;
    try {
      merged = union({ type: 'FeatureCollection', features: polygons.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } })) });
    } catch {
      merged = null;
    }
    geometry = merged?.geometry ?? { type: 'MultiPolygon', coordinates: polygons };
    if (chosen.length > 1) notes.push(`${chosen.length} polygon features were combined into one site.`);
  }
  const site = polygonSite(geometry);
  if (!(site.areaHa! > 0)) throw new SiteError('The site polygon has no area.');
  return { site, notes };
}

// ---------------------------------------------------------------------------------------------
// Catchments and area weights
// ---------------------------------------------------------------------------------------------

export interface Catchment {
  /** Straight-line distance from the site's edge (or point), metres; 0 = the site itself. */
  radius: number;
  label: string;
  /** Buffer of the whole site (rings overlap: 800 m includes the 400 m area). Empty for a point at 0 m. */
  geometry: Polygon | MultiPolygon;
}

/** Buffer segments per quarter circle (64 per circle: area within 0.2% of a true circle). */
const BUFFER_STEPS = 16;

export function catchmentLabel(radius: number): string {
  return radius === 0 ? 'Site' : `Within ${radius.toLocaleString('en-GB')} m`;
}

/** First steps (metres) of the chained buffer of a polygon site; see catchments(). */
const CHAIN_FIRST_STEP = 25;
/** Douglas–Peucker tolerance between chained buffers, degrees (≈0.3 m north–south, 0.55 m east–west here). */
const CHAIN_SIMPLIFY = 5e-6;

function bufferGeometry(g: Point | Polygon | MultiPolygon, metres: number): Polygon | MultiPolygon {
  const b = buffer({ type: 'Feature', properties: {}, geometry: g }, metres, { units: 'meters', steps: BUFFER_STEPS });
  if (!b) throw new RangeError('catchments: the buffer could not be made.');
  return b.geometry;
}

/**
 * Straight-line catchment rings: for each radius, the buffer of the whole site (not annuli), in
 * the order given. Radius 0 is the site polygon itself (empty for a point site). Throws RangeError
 * on a negative or non-finite radius.
 *
 * A point is buffered directly. A polygon is buffered in a chain — 25 m, 50 m, 100 m … up to the
 * smallest radius, then each larger radius from the previous ring — because the buffer of a buffer
 * is the buffer by the summed distance, and turf's buffer of a detailed, concave boundary by
 * hundreds of metres is slow (seconds for an LSOA-sized boundary) while small steps are quick.
 * Each step is simplified by about half a metre; areas agree with a direct buffer to within 0.1%.
 */
export function catchments(site: SiteGeometry, radiiMetres: readonly number[] = DEFAULT_RADII_M): Catchment[] {
  for (const radius of radiiMetres)
    if (!Number.isFinite(radius) || radius < 0) throw new RangeError(`catchments: radius must be a finite number of metres ≥ 0 (got ${radius}).`);
  const made = new Map<number, Polygon | MultiPolygon>();
  const g = site.geometry;
  made.set(0, g.type === 'Point' ? { type: 'MultiPolygon', coordinates: [] } : g);
  const wanted = [...new Set(radiiMetres.filter((r) => r > 0))].sort((a, b) => a - b);
  if (g.type === 'Point') for (const r of wanted) made.set(r, rfcWinding(bufferGeometry(g, r)));
  else if (wanted.length) {
    const steps: number[] = [];
    for (let r = CHAIN_FIRST_STEP; r < wanted[0]; r *= 2) steps.push(r);
    let prev: Polygon | MultiPolygon = g;
    let prevR = 0;
    for (const r of [...steps, ...wanted]) {
      const b = bufferGeometry(prev, r - prevR);
      prev = simplify(b, { tolerance: CHAIN_SIMPLIFY, highQuality: false, mutate: true });
      prevR = r;
      if (wanted.includes(r)) made.set(r, rfcWinding(prev));
    }
  }
  return radiiMetres.map((radius) => ({ radius, label: catchmentLabel(radius), geometry: made.get(radius)! }));
}

export interface AreaWeight {
  /** Index of the LSOA feature in the FeatureCollection. */
  lsoa: number;
  /** Share of the LSOA's area inside the catchment, 0–1. */
  share: number;
  /** True when the LSOA is only partly inside (share < 0.999). */
  clipped: boolean;
}

type BBox = [number, number, number, number];

function geometryBbox(g: Geometry): BBox | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  forEachPosition(g, (p) => {
    const [x, y] = p as number[];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  });
  return minX <= maxX ? [minX, minY, maxX, maxY] : null;
}

const bboxesOverlap = (a: BBox, b: BBox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

const ringsOf = (g: Polygon | MultiPolygon): Position[][] => (g.type === 'Polygon' ? g.coordinates : g.coordinates.flat());

/** Sign of the turn a→b→c (0 when collinear). */
const orient = (a: Position, b: Position, c: Position) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));

/** Whether any edge of `a` meets any edge of `b` (crossing, touching or collinear-overlapping). */
function edgesMeet(a: Position[][], b: Position[][]): boolean {
  for (const ra of a)
    for (let i = 0; i < ra.length - 1; i++) {
      const p = ra[i];
      const q = ra[i + 1];
      const minX = Math.min(p[0], q[0]);
      const maxX = Math.max(p[0], q[0]);
      const minY = Math.min(p[1], q[1]);
      const maxY = Math.max(p[1], q[1]);
      for (const rb of b)
        for (let j = 0; j < rb.length - 1; j++) {
          const r = rb[j];
          const s = rb[j + 1];
          if (Math.max(r[0], s[0]) < minX || Math.min(r[0], s[0]) > maxX || Math.max(r[1], s[1]) < minY || Math.min(r[1], s[1]) > maxY) continue;
          const o1 = orient(p, q, r);
          const o2 = orient(p, q, s);
          const o3 = orient(r, s, p);
          const o4 = orient(r, s, q);
          // Any degenerate (collinear or touching) case counts as meeting, so the exact path decides.
          if (o1 * o2 <= 0 && o3 * o4 <= 0) return true;
        }
    }
  return false;
}

/**
 * A cheap exact test before the (slow, robust) polygon clipper: when no edges meet, an LSOA is
 * either wholly inside the catchment (its vertices are inside and no catchment vertex is inside
 * it) or wholly outside (neither has a vertex inside the other). Anything else is 'overlap'.
 */
function quickRelation(catchment: Polygon | MultiPolygon, lsoa: Polygon | MultiPolygon): 'inside' | 'disjoint' | 'overlap' {
  const cr = ringsOf(catchment);
  const lr = ringsOf(lsoa);
  if (edgesMeet(cr, lr)) return 'overlap';
  const lsoaIn = lr.every((ring) => ring.every((p) => booleanPointInPolygon(p, catchment)));
  const lsoaOut = lr.every((ring) => ring.every((p) => !booleanPointInPolygon(p, catchment)));
  const catchInLsoa = cr.some((ring) => ring.some((p) => booleanPointInPolygon(p, lsoa)));
  if (lsoaIn && !catchInLsoa) return 'inside';
  if (lsoaOut && !catchInLsoa) return 'disjoint';
  return 'overlap';
}

/** Shares below this are boundary slivers (floating-point or generalisation), not residents. */
const MIN_SHARE = 1e-6;

const lsoaCache = new WeakMap<object, ({ bbox: BBox; area: number } | null)[]>();
function lsoaShapes(lsoas: FeatureCollection): ({ bbox: BBox; area: number } | null)[] {
  let c = lsoaCache.get(lsoas);
  if (!c) {
    c = lsoas.features.map((f) => {
      const g = f.geometry;
      if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return null;
      const bbox = geometryBbox(g);
      const a = area(g);
      return bbox && a > 0 ? { bbox, area: a } : null;
    });
    lsoaCache.set(lsoas, c);
  }
  return c;
}

/**
 * The share of each LSOA's area inside a catchment (turf intersect + area), for LSOAs it touches,
 * sorted by index. A bounding-box prefilter and an exact edge/vertex test settle LSOAs wholly inside
 * (share 1) or wholly outside without the clipper. Slivers under one millionth are dropped.
 */
export function areaWeights(catchment: Polygon | MultiPolygon, lsoas: FeatureCollection): AreaWeight[] {
  const cb = geometryBbox(catchment);
  if (!cb) return [];
  const shapes = lsoaShapes(lsoas);
  const catchFeature: Feature<Polygon | MultiPolygon> = { type: 'Feature', properties: {}, geometry: catchment };
  const out: AreaWeight[] = [];
  lsoas.features.forEach((f, i) => {
    const s = shapes[i];
    if (!s || !bboxesOverlap(cb, s.bbox)) return;
    const g = f.geometry as Polygon | MultiPolygon;
    const relation = quickRelation(catchment, g);
    if (relation === 'disjoint') return;
    let share = 1;
    if (relation === 'overlap') {
      const inter = intersect({ type: 'FeatureCollection', features: [catchFeature, f as Feature<Polygon | MultiPolygon>] });
      if (!inter) return;
      share = Math.min(1, area(inter) / s.area);
    }
    if (share < MIN_SHARE) return;
    out.push({ lsoa: i, share, clipped: share < 0.999 });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pooling with weights
// ---------------------------------------------------------------------------------------------

/** Pool LSOAs weighted by the share of their area inside a catchment (see pool.ts poolParts). */
export function poolWeighted(bundle: IndicatorBundle, ind: IndicatorRecord, parts: Part[], level: ConfidenceLevel = 0.95): PlaceValue {
  const n = parts.length;
  return poolParts(bundle, ind, parts, `${n} LSOA${n === 1 ? '' : 's'}, each weighted by the share of its area inside`, { approximate: true, level });
}

// ---------------------------------------------------------------------------------------------
// Assets
// ---------------------------------------------------------------------------------------------

/** The fields of a community asset the appraisal uses (assets.ts's Asset has them). Closed assets are ignored. */
export type SiteAsset = Pick<Asset, 'name' | 'category' | 'lon' | 'lat'> & { status?: Asset['status'] };

/** Singular words for each category, for sentences ("No GP practice within 800 m"). */
export const ASSET_CATEGORY_SINGULAR: Record<AssetCategory, string> = {
  gp: 'GP practice',
  pharmacy: 'pharmacy',
  library: 'library',
  food_bank: 'food bank',
  nhs_other: 'other NHS service',
  hub: 'community hub',
  champion_org: 'community champion organisation',
};
export const assetCategoryWords = (category: AssetCategory): string => ASSET_CATEGORY_SINGULAR[category] ?? categoryDef(category).label;

export interface NearestAsset {
  category: AssetCategory;
  label: string;
  name: string;
  lon: number;
  lat: number;
  /** Straight line from the site centroid, metres. */
  distanceM: number;
}

// ---------------------------------------------------------------------------------------------
// Appraisal
// ---------------------------------------------------------------------------------------------

export interface RingLsoa {
  index: number;
  code: string;
  name: string;
  share: number;
  clipped: boolean;
  /** Estimated residents inside the ring (residents × share, unrounded). */
  residents: number;
}

export interface RingAppraisal extends Catchment {
  areaHa: number;
  /** Estimated usual residents inside the ring (rounded). */
  residents: number;
  residentsNote: string;
  lsoas: RingLsoa[];
  /** Codes of LSOAs only partly inside the ring. */
  clipped: string[];
  /** Residents (estimated) living in LSOAs in England's most deprived 10% / 20%, and their share (%). */
  mostDeprived10: { residents: number; percent: number | null };
  mostDeprived20: { residents: number; percent: number | null };
  /** Estimated residents by national IMD decile, index 0 = decile 1 (most deprived); rounded. */
  imdDecileMix: number[] | null;
  /** Every indicator in the bundle, pooled for the ring. */
  values: Record<string, PlaceValue>;
  /** Asset count inside the ring, per category (only with assets). */
  assetCounts: Partial<Record<AssetCategory, number>>;
}

export interface SiteAppraisal {
  site: SiteGeometry;
  rings: RingAppraisal[];
  /** Nearest asset of each category to the site centroid (only with assets). */
  nearest: NearestAsset[];
  /** Plain-words gaps, e.g. "No GP practice within 800 m (nearest: …, 950 m)". */
  gaps: string[];
  cannotTell: readonly string[];
}

export const RESIDENTS_NOTE =
  'Estimate: each LSOA’s Census 2021 usual residents × the share of its area inside the ring (assumes residents are spread evenly across the LSOA).';

/** What the appraisal cannot say, shown with every appraisal. */
export const WHAT_THIS_CANNOT_TELL: readonly string[] = [
  'Air quality: no air-quality data is bundled.',
  'Green and open space: no green-space data is bundled.',
  'Transport: no public transport, road or travel-time data is bundled.',
  'Distances are straight lines, not walking or driving routes; rivers, railways and main roads can make real journeys much longer.',
  'Residents inside each ring are estimated by area: an LSOA partly inside counts in proportion to its area, as if its residents were spread evenly (they are not: parks, industry and water hold none).',
  'Values for a ring are built from whole-LSOA statistics; they describe the neighbourhoods around the site, not the people who would live or work on it.',
  'Community assets are only those loaded (NHS GP practices, pharmacies and other services, libraries, food banks, and any uploaded hubs); schools, shops, leisure and others are not included, and listings may be out of date.',
];

/** Shares of an LSOA → Part weights, translating FeatureCollection indices to bundle LSOA indices. */
function ringParts(weights: AreaWeight[], lsoaGeo: FeatureCollection, codeIndex: Map<string, number>): { part: Part; w: AreaWeight }[] {
  const out: { part: Part; w: AreaWeight }[] = [];
  for (const w of weights) {
    const props = lsoaGeo.features[w.lsoa]?.properties;
    const i = codeIndex.get(String(props?.code ?? ''));
    if (i !== undefined) out.push({ part: { lsoa: i, weight: w.share }, w });
  }
  return out.sort((a, b) => a.part.lsoa - b.part.lsoa);
}

function deprivedShare(bundle: IndicatorBundle, id: string, parts: Part[], mix: number[] | null, upToDecile: number): { residents: number; percent: number | null } {
  const d = bundle.indicators.find((x) => x.id === id)?.data.lsoa;
  if (d?.numerators && d.denominators) {
    const num = weightedSum(parts, d.numerators);
    const den = weightedSum(parts, d.denominators);
    if (num != null && den != null) return { residents: Math.round(num), percent: den > 0 ? (num / den) * 100 : null };
  }
  if (!mix) return { residents: 0, percent: null };
  const total = mix.reduce((s, x) => s + x, 0);
  const inDeciles = mix.slice(0, upToDecile).reduce((s, x) => s + x, 0);
  return { residents: Math.round(inDeciles), percent: total > 0 ? (inDeciles / total) * 100 : null };
}

/**
 * Appraise a site: for each catchment ring, estimated residents, the LSOAs touched (and which only
 * partly), deprivation (share in England's most deprived 10% and 20%, residents by IMD decile),
 * every indicator pooled with area weights, and asset counts; the nearest asset of each category
 * and the gaps. `lsoaGeo` is geo-lsoa.json (features matched to the bundle by properties.code).
 */
export function appraise(
  bundle: IndicatorBundle,
  lsoaGeo: FeatureCollection,
  site: SiteGeometry,
  radii: readonly number[] = DEFAULT_RADII_M,
  assets?: readonly SiteAsset[],
  level: ConfidenceLevel = 0.95,
): SiteAppraisal {
  const A = bundle.areas.lsoa;
  const codeIndex = new Map(A.codes.map((c, i) => [c, i]));
  const decileValues = bundle.indicators.find((x) => x.id === 'imd_decile')?.data.lsoa?.values;
  const usable = (assets ?? []).filter((a) => a.status !== 'closed' && Number.isFinite(a.lon) && Number.isFinite(a.lat));
  const categories = [...new Set(usable.map((a) => a.category))].sort((a, b) => assetCategoryWords(a).localeCompare(assetCategoryWords(b)));

  const rings: RingAppraisal[] = catchments(site, radii).map((c) => {
    const weighted = ringParts(areaWeights(c.geometry, lsoaGeo), lsoaGeo, codeIndex);
    const parts = weighted.map((x) => x.part);
    const lsoas: RingLsoa[] = weighted.map(({ part, w }) => ({
      index: part.lsoa,
      code: A.codes[part.lsoa],
      name: A.names[part.lsoa],
      share: w.share,
      clipped: w.clipped,
      residents: A.residents[part.lsoa] * w.share,
    }));
    let mix: number[] | null = null;
    if (decileValues) {
      mix = new Array(10).fill(0);
      for (const l of lsoas) {
        const d = decileValues[l.index];
        if (d != null && d >= 1 && d <= 10) mix[d - 1] += l.residents;
      }
    }
    const values: Record<string, PlaceValue> = {};
    for (const ind of bundle.indicators) values[ind.id] = poolWeighted(bundle, ind, parts, level);
    const assetCounts: Partial<Record<AssetCategory, number>> = {};
    if (assets) {
      for (const cat of categories) assetCounts[cat] = 0;
      const bb = geometryBbox(c.geometry);
      if (bb)
        for (const a of usable)
          if (a.lon >= bb[0] && a.lon <= bb[2] && a.lat >= bb[1] && a.lat <= bb[3] && booleanPointInPolygon([a.lon, a.lat], c.geometry)) assetCounts[a.category] = (assetCounts[a.category] ?? 0) + 1;
    }
    return {
      ...c,
      areaHa: geometryBbox(c.geometry) ? area(c.geometry) / 10_000 : 0,
      residents: Math.round(lsoas.reduce((s, l) => s + l.residents, 0)),
      residentsNote: RESIDENTS_NOTE,
      lsoas,
      clipped: lsoas.filter((l) => l.clipped).map((l) => l.code),
      mostDeprived10: deprivedShare(bundle, 'imd_most_deprived_10', parts, mix, 1),
      mostDeprived20: deprivedShare(bundle, 'imd_most_deprived_20', parts, mix, 2),
      imdDecileMix: mix && mix.map((x) => Math.round(x)),
      values,
      assetCounts,
    };
  });

  const nearest: NearestAsset[] = [];
  for (const cat of categories) {
    let best: NearestAsset | null = null;
    for (const a of usable) {
      if (a.category !== cat) continue;
      const distanceM = haversineMetres(site.centroid, [a.lon, a.lat]);
      if (!best || distanceM < best.distanceM) best = { category: cat, label: assetCategoryWords(cat), name: a.name, lon: a.lon, lat: a.lat, distanceM };
    }
    if (best) nearest.push(best);
  }

  const gaps: string[] = [];
  if (assets) {
    const byRadius = rings.filter((r) => r.radius > 0).sort((a, b) => b.radius - a.radius);
    for (const n of nearest) {
      const widest = byRadius.find((r) => r.assetCounts[n.category] === 0);
      if (widest) gaps.push(`No ${n.label} within ${widest.radius.toLocaleString('en-GB')} m (nearest: ${n.name}, ${formatDistance(n.distanceM)} in a straight line).`);
    }
  }
  return { site, rings, nearest, gaps, cannotTell: WHAT_THIS_CANNOT_TELL };
}


// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/** Spreadsheet programs run cells that start with these; prefix them so text stays text. */

/**
 * The appraisal as a CSV, one row per ring and measure (long format, ready to pivot): people,
 * deprivation, every indicator (value, 95% interval, comparison with England, England's value),
 * asset counts; then the nearest assets and gaps. A "#" header names the site, sources and caveats.
 */
export function appraisalCsv(appraisal: SiteAppraisal, bundle: IndicatorBundle, generated: Date = new Date()): string {
  const { site } = appraisal;
  const siteWords =
    site.kind === 'point'
      ? `point at ${site.centroid[1].toFixed(6)}, ${site.centroid[0].toFixed(6)} (lat, lon)`
      : `polygon of ${roundTo(site.areaHa, 2)} ha, centroid ${site.centroid[1].toFixed(6)}, ${site.centroid[0].toFixed(6)} (lat, lon)`;
  const header = [
    `# Neighbourhood health explorer: site appraisal in ${bundle.place.name}`,
    `# Generated ${generated.toISOString().slice(0, 10)}; data built ${bundle.builtAt.slice(0, 10)}`,
    `# Site: ${siteWords}`,
    `# Rings: ${appraisal.rings.map((r) => r.label).join('; ')} (straight-line buffers of the whole site; each includes the smaller ones)`,
    `# ${RESIDENTS_NOTE}`,
    '# Comparison with England: 95% Wilson score interval on area-apportioned counts against England’s value; deprivation as national deciles (1 = most deprived 10% of LSOAs in England).',
    ...appraisal.cannotTell.map((t) => `# Cannot tell: ${t}`),
    ...[...new Set(bundle.indicators.map((i) => `${i.source} (${i.period}; ${i.licence})`))].map((s) => `# Source: ${s}`),
    ...bundle.place.attribution.map((a) => `# ${a.text}`),
  ].map((l) => l.replace(/[\r\n]+/g, ' '));
  const fields = ['ring', 'radius_m', 'section', 'measure_id', 'measure', 'unit', 'value', 'lower_95ci', 'upper_95ci', 'compared_with_england', 'england_value', 'note'];
  type Row = (string | number | null | undefined)[];
  const rows: Row[] = [];
  for (const r of appraisal.rings) {
    const ring = (section: string, id: string, measure: string, unit: string, value: string | number | null, note = ''): Row => [r.label, r.radius, section, id, measure, unit, value, null, null, null, null, note];
    rows.push(ring('people', 'residents', 'Usual residents (estimate)', 'people', r.residents, RESIDENTS_NOTE));
    rows.push(ring('people', 'area_ha', 'Area of ring', 'hectares', roundTo(r.areaHa, 2)));
    rows.push(ring('people', 'lsoas', 'LSOAs touched', 'LSOAs', r.lsoas.length, r.lsoas.map((l) => `${l.code} (${roundTo(l.share * 100, 1)}% of its area)`).join('; ')));
    rows.push(ring('people', 'lsoas_clipped', 'LSOAs only partly inside', 'LSOAs', r.clipped.length, r.clipped.join('; ')));
    rows.push(ring('deprivation', 'most_deprived_10', 'Residents in England’s most deprived 10% of LSOAs', '%', roundTo(r.mostDeprived10.percent, 2), `${r.mostDeprived10.residents} residents (estimate)`));
    rows.push(ring('deprivation', 'most_deprived_20', 'Residents in England’s most deprived 20% of LSOAs', '%', roundTo(r.mostDeprived20.percent, 2), `${r.mostDeprived20.residents} residents (estimate)`));
    r.imdDecileMix?.forEach((n, k) => rows.push(ring('deprivation', `imd_decile_${k + 1}_residents`, `Residents in national IMD decile ${k + 1}`, 'people', n, 'Estimate')));
    for (const ind of bundle.indicators) {
      const v = r.values[ind.id];
      const d = ind.decimals + 2;
      rows.push([r.label, r.radius, 'indicator', ind.id, ind.label, ind.unit, roundTo(v.value, d), roundTo(v.lower, d), roundTo(v.upper, d), comparisonWords(ind, v), roundTo(ind.england?.value, d), v.method]);
    }
    for (const [cat, n] of Object.entries(r.assetCounts) as [AssetCategory, number][]) rows.push(ring('assets', `assets_${cat}`, `${categoryDef(cat).label} inside`, 'count', n));
  }
  for (const n of appraisal.nearest)
    rows.push(['Site centroid', null, 'nearest', `nearest_${n.category}`, `Nearest ${n.label}`, 'metres (straight line)', Math.round(n.distanceM), null, null, null, null, n.name]);
  for (const g of appraisal.gaps) rows.push(['', null, 'gap', '', g, '', null, null, null, null, null, '']);
  return `${header.join('\n')}\n${Papa.unparse({ fields, data: rows.map((row) => row.map(csvCell)) }, { newline: '\n' })}\n`;
}

/**
 * The site and its rings as an RFC 7946 FeatureCollection (WGS84, anticlockwise exteriors):
 * the site feature has role "site", each ring role "catchment" with radius_m and label.
 * parseSiteGeoJson() reads the site back from it. Empty rings (0 m round a point) are left out.
 */
export function siteGeoJson(site: SiteGeometry, rings: readonly Catchment[]): FeatureCollection {
  const siteGeom: Geometry = site.geometry.type === 'Point' ? { type: 'Point', coordinates: [...site.geometry.coordinates] } : rfcWinding(site.geometry);
  const features: Feature[] = [
    { type: 'Feature', properties: { role: 'site', radius_m: null, label: 'Site', area_ha: site.areaHa != null ? roundTo(site.areaHa, 4) : null }, geometry: siteGeom },
  ];
  for (const r of rings) {
    if (r.geometry.coordinates.length === 0) continue;
    features.push({ type: 'Feature', properties: { role: 'catchment', radius_m: r.radius, label: r.label }, geometry: rfcWinding(r.geometry) });
  }
  return { type: 'FeatureCollection', features };
}
