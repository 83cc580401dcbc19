/**
 * data/place.json: which place the build is for. Every place-specific file name and area code the
 * scripts use comes from here, so the scripts themselves name no place.
 */
import type { AssetCategory } from '../../src/lib/assets/categories';
import type { GeographyId, PlaceConfig } from '../../src/lib/core/types';
import { fail, readText } from './io';

/** Keys of place.json "files": paths under the data directory. */
export const PLACE_FILE_KEYS = [
  'lsoaGeo',
  'wardGeo',
  'msoaGeo',
  'boroughGeo',
  'contextGeo',
  'lsoaLookup',
  'wardOverlaps',
  'imd',
  'imdEngland',
  'imdHealth',
  'census',
  'comparators',
  'msoaNames',
  'postcodes',
  'postcodesArea',
  'gazetteer',
  'practices',
  'gpRegistrations',
  'presets',
] as const;
export type PlaceFileKey = (typeof PLACE_FILE_KEYS)[number];

/** Boundary layers, and the code/name properties each one carries. */
export type LayerId = GeographyId | 'borough' | 'context';

export interface PlaceFile extends PlaceConfig {
  expectedCounts: Record<GeographyId, number>;
  files: Record<PlaceFileKey, string>;
  properties: Record<LayerId, { code: string; name: string }>;
  /** QOF practice prevalence files, oldest year first. */
  qofFiles: { year: string; file: string }[];
  assetFiles: Record<AssetCategory, string>;
  /** [minLon, minLat, maxLon, maxLat] every asset must lie in (the asset lists' study area, with slack). */
  assetBounds: [number, number, number, number];
  /** Optional settings of the GP-practice gravity model (scripts/qof.ts). */
  gpModel?: {
    /**
     * A barrier patients cross less readily (e.g. a river): the wards on one side of it (2025 codes);
     * every other ward is on the other side. A modelling choice written down with its note, not data.
     */
    barrier?: { name: string; sideName: string; otherSideName: string; wards: string[]; note: string };
    /** A diagnostic flow reported before and after: the share of one LSOA's residents at one practice. */
    checkFlow?: { lsoa: string; practice: string; note: string };
  };
}

export const PLACE_JSON = 'place.json';

export function parsePlace(text: string): PlaceFile {
  const place = JSON.parse(text) as PlaceFile;
  const missing = PLACE_FILE_KEYS.filter((k) => typeof place.files?.[k] !== 'string');
  if (missing.length) fail(`${PLACE_JSON}: "files" has no ${missing.join(', ')}`);
  for (const key of ['name', 'code', 'england', 'bounds', 'expectedCounts', 'properties', 'qofFiles', 'assetFiles', 'assetBounds'] as const)
    if (place[key] === undefined) fail(`${PLACE_JSON}: no "${key}"`);
  return place;
}

export function readPlace(dataDir: string): PlaceFile {
  return parsePlace(readText(dataDir, PLACE_JSON));
}

/** The place object the browser reads from indicators.json (its shape is the browser's contract). */
export function publicPlace(place: PlaceFile): PlaceConfig {
  return { name: place.name, code: place.code, england: place.england, bounds: place.bounds, attribution: place.attribution, basemap: place.basemap };
}
