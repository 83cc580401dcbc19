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
  'legacy',
  'imd2019',
  'greenspace',
  'gardens',
] as const;
export type PlaceFileKey = (typeof PLACE_FILE_KEYS)[number];

/**
 * Files a place may leave out of "files": the build then skips what they feed and says so in its summary.
 * gpRegistrations: the gravity model is used instead; postcodesArea: practices are placed with the place's
 * own postcodes only; presets: no named neighbourhoods; legacy: no 2011 lookups (lookups-2011.json is not written).
 */
export const OPTIONAL_FILE_KEYS = ['gpRegistrations', 'postcodesArea', 'presets', 'legacy', 'imd2019', 'greenspace', 'gardens'] as const satisfies readonly PlaceFileKey[];
export type OptionalFileKey = (typeof OPTIONAL_FILE_KEYS)[number];
const isOptional = (k: PlaceFileKey): k is OptionalFileKey => (OPTIONAL_FILE_KEYS as readonly string[]).includes(k);

/** Area codes every boundary layer's codes must match unless place.json says otherwise ("codePattern"): GSS codes of England and Wales. */
export const DEFAULT_CODE_PATTERN = '^[EW]\\d{8}$';
/** Fewest rows the national LSOA file (files.imdEngland) may have unless place.json says otherwise ("nationalLsoasMin"). */
export const DEFAULT_NATIONAL_LSOAS_MIN = 30000;

/** Boundary layers, and the code/name properties each one carries. */
export type LayerId = GeographyId | 'borough' | 'context';

export interface PlaceFile extends PlaceConfig {
  expectedCounts: Record<GeographyId, number>;
  files: Record<Exclude<PlaceFileKey, OptionalFileKey>, string> & Partial<Record<OptionalFileKey, string>>;
  /** Regular expression every area code must match (default DEFAULT_CODE_PATTERN). */
  codePattern?: string;
  /** Fewest rows of the national LSOA file (default DEFAULT_NATIONAL_LSOAS_MIN). */
  nationalLsoasMin?: number;
  properties: Record<LayerId, { code: string; name: string }>;
  /** QOF practice prevalence files, oldest year first. */
  qofFiles: { year: string; file: string }[];
  assetFiles: Record<AssetCategory, string>;
  /** Unnamed OpenStreetMap points (optional): the file, its extract date, and file category -> asset category. */
  osmAssets?: { file: string; vintage: string; categories: Record<string, AssetCategory> };
  /** [minLon, minLat, maxLon, maxLat] every asset must lie in (the asset lists' study area, with slack). */
  assetBounds: [number, number, number, number];
  /** Optional: a file of sentences quoted from reports about the place (scripts/build/quotes.ts). */
  quotes?: string;
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
  const missing = PLACE_FILE_KEYS.filter((k) => !isOptional(k) && typeof place.files?.[k] !== 'string');
  if (missing.length) fail(`${PLACE_JSON}: "files" has no ${missing.join(', ')}`);
  const badOptional = OPTIONAL_FILE_KEYS.filter((k) => place.files[k] !== undefined && typeof place.files[k] !== 'string');
  if (badOptional.length) fail(`${PLACE_JSON}: "files" ${badOptional.join(', ')} must be a file name when given`);
  if (place.codePattern !== undefined) {
    try {
      new RegExp(place.codePattern);
    } catch (e) {
      fail(`${PLACE_JSON}: "codePattern" is not a regular expression (${(e as Error).message})`);
    }
  }
  if (place.nationalLsoasMin !== undefined && !(Number.isInteger(place.nationalLsoasMin) && place.nationalLsoasMin > 0))
    fail(`${PLACE_JSON}: "nationalLsoasMin" must be a positive whole number`);
  for (const key of ['name', 'code', 'england', 'bounds', 'expectedCounts', 'properties', 'qofFiles', 'assetFiles', 'assetBounds'] as const)
    if (place[key] === undefined) fail(`${PLACE_JSON}: no "${key}"`);
  return place;
}

/** The area-code test for boundary layers. */
export const codeTest = (place: Pick<PlaceFile, 'codePattern'>): RegExp => new RegExp(place.codePattern ?? DEFAULT_CODE_PATTERN);

export function readPlace(dataDir: string): PlaceFile {
  return parsePlace(readText(dataDir, PLACE_JSON));
}

/** The place object the browser reads from indicators.json (its shape is the browser's contract). */
export function publicPlace(place: PlaceFile): PlaceConfig {
  return { name: place.name, code: place.code, england: place.england, bounds: place.bounds, attribution: place.attribution, basemap: place.basemap };
}
