/** Straight-line distances from a point to community assets. Pure. */
import { ASSET_CATEGORY_IDS, type AssetCategory } from './categories';

import { DEFAULT_RADII_M, EARTH_RADIUS_M, haversineMetres, type LonLat } from '../core/geo';

const RAD = Math.PI / 180;

/** The least an asset needs to be placed: its category and position. */
export interface Locatable {
  category: AssetCategory;
  lon: number;
  lat: number;
}

export interface NearestHit<T> {
  asset: T;
  distanceM: number;
}

export interface NearestOptions<T> {
  /** Hits kept per category (default 3). */
  limitPerCategory?: number;
  /** Only these categories (default: all). */
  categories?: readonly AssetCategory[];
  /** Ignore assets further than this (default: no limit). */
  maxDistanceM?: number;
  /** Keep only assets passing this test (e.g. open ones). */
  filter?: (a: T) => boolean;
}

/**
 * The nearest assets of each category to a point, nearest first (ties by input order).
 * Every requested category is present in the result, possibly with an empty list.
 */
export function nearestByCategory<T extends Locatable>(
  point: Readonly<LonLat>,
  assets: readonly T[],
  opts: NearestOptions<T> = {},
): Record<AssetCategory, NearestHit<T>[]> {
  const limit = Math.max(0, Math.floor(opts.limitPerCategory ?? 3));
  const cats = new Set(opts.categories ?? ASSET_CATEGORY_IDS);
  const max = opts.maxDistanceM ?? Infinity;
  const out = Object.fromEntries(ASSET_CATEGORY_IDS.map((c) => [c, [] as NearestHit<T>[]])) as Record<AssetCategory, NearestHit<T>[]>;
  const hits: (NearestHit<T> & { i: number })[] = [];
  assets.forEach((asset, i) => {
    if (!cats.has(asset.category) || (opts.filter && !opts.filter(asset))) return;
    const distanceM = haversineMetres(point, [asset.lon, asset.lat]);
    if (distanceM <= max) hits.push({ asset, distanceM, i });
  });
  hits.sort((a, b) => a.distanceM - b.distanceM || a.i - b.i);
  for (const h of hits) {
    const list = out[h.asset.category];
    if (list.length < limit) list.push({ asset: h.asset, distanceM: h.distanceM });
  }
  return out;
}

/** Distance to the nearest asset passing `filter`, or Infinity when there is none. */
export function nearestDistance<T extends Locatable>(point: Readonly<LonLat>, assets: readonly T[], filter: (a: T) => boolean = () => true): number {
  let best = Infinity;
  for (const a of assets) {
    if (!filter(a)) continue;
    const d = haversineMetres(point, [a.lon, a.lat]);
    if (d < best) best = d;
  }
  return best;
}


export interface WithinCounts {
  radiiMetres: number[];
  /** counts[category][i] = assets of that category within radiiMetres[i] (inclusive). */
  byCategory: Record<AssetCategory, number[]>;
  /** All categories together, per radius. */
  total: number[];
}

/** Count assets of each category within each radius (metres, inclusive) of a point. */
export function countWithin<T extends Locatable>(
  point: Readonly<LonLat>,
  assets: readonly T[],
  radiiMetres: readonly number[] = DEFAULT_RADII_M,
  filter?: (a: T) => boolean,
): WithinCounts {
  const radii = [...radiiMetres];
  const byCategory = Object.fromEntries(ASSET_CATEGORY_IDS.map((c) => [c, radii.map(() => 0)])) as Record<AssetCategory, number[]>;
  const total = radii.map(() => 0);
  const maxR = Math.max(-Infinity, ...radii);
  // Cheap prefilter: a latitude band wider than the largest radius.
  const latPad = maxR / (EARTH_RADIUS_M * RAD) + 1e-6;
  for (const a of assets) {
    if (filter && !filter(a)) continue;
    if (Math.abs(a.lat - point[1]) > latPad) continue;
    const d = haversineMetres(point, [a.lon, a.lat]);
    radii.forEach((r, i) => {
      if (d <= r) {
        byCategory[a.category][i]++;
        total[i]++;
      }
    });
  }
  return { radiiMetres: radii, byCategory, total };
}
