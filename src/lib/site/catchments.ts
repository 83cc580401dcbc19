/**
 * Straight-line catchment rings around a site, and area weights: each LSOA contributes the share of its
 * area inside a ring, which assumes its residents are spread evenly across it. Pure functions.
 */
import { area, booleanPointInPolygon, buffer, intersect, simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { IndicatorBundle, IndicatorRecord } from '../core/types';
import type { ConfidenceLevel } from '../indicators/intervals';
import type { Part } from '../indicators/aggregate';
import { poolParts, type PlaceValue } from '../indicators/value';
import { DEFAULT_RADII_M } from '../core/geo';
import { forEachPosition } from './crs';
import { rfcWinding, type SiteGeometry } from './geometry';

// ---------------------------------------------------------------------------------------------
// Catchments and area weights
// ---------------------------------------------------------------------------------------------

/**
 * Progress of the slow parts of an appraisal, for the appraisal worker's progress bar: each chained buffer
 * step, and each LSOA weighed against a ring. A module-level listener (set by withCatchmentProgress) so the
 * pure functions keep their signatures; it only ever runs synchronously inside that call.
 */
export type CatchmentProgress = { phase: 'buffer'; step: number; steps: number } | { phase: 'weights'; lsoa: number; lsoas: number };
let progressListener: ((p: CatchmentProgress) => void) | null = null;

/** Run `fn` (synchronously) with `onProgress` told about buffer steps and LSOAs weighed; restores the previous listener. */
export function withCatchmentProgress<T>(onProgress: (p: CatchmentProgress) => void, fn: () => T): T {
  const prev = progressListener;
  progressListener = onProgress;
  try {
    return fn();
  } finally {
    progressListener = prev;
  }
}

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
  if (g.type === 'Point')
    wanted.forEach((r, i) => {
      made.set(r, rfcWinding(bufferGeometry(g, r)));
      progressListener?.({ phase: 'buffer', step: i + 1, steps: wanted.length });
    });
  else if (wanted.length) {
    const steps: number[] = [];
    for (let r = CHAIN_FIRST_STEP; r < wanted[0]; r *= 2) steps.push(r);
    let prev: Polygon | MultiPolygon = g;
    let prevR = 0;
    const all = [...steps, ...wanted];
    for (const [k, r] of all.entries()) {
      progressListener?.({ phase: 'buffer', step: k, steps: all.length });
      const b = bufferGeometry(prev, r - prevR);
      prev = simplify(b, { tolerance: CHAIN_SIMPLIFY, highQuality: false, mutate: true });
      prevR = r;
      if (wanted.includes(r)) made.set(r, rfcWinding(prev));
    }
    progressListener?.({ phase: 'buffer', step: all.length, steps: all.length });
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

export function geometryBbox(g: Geometry): BBox | null {
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
  const n = lsoas.features.length;
  lsoas.features.forEach((f, i) => {
    progressListener?.({ phase: 'weights', lsoa: i, lsoas: n });
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
  return poolParts(bundle, ind, parts, `${n} LSOA${n === 1 ? '' : 's'}, each weighted by the share of its area inside the ring`, { approximate: true, level });
}
