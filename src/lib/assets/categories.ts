/**
 * Community assets: one schema shared by every point layer (NHS services, libraries, food banks,
 * uploaded hubs and community champion organisations, and points from a person's own file). Pure: no I/O, no DOM.
 */
import { cleanText } from '../core/text';

export type AssetCategory = 'gp' | 'pharmacy' | 'library' | 'food_bank' | 'nhs_other' | 'osm_park' | 'osm_gym' | 'hub' | 'champion_org' | 'user';

export type AssetStatus = 'open' | 'closed' | 'unverified';
export const ASSET_STATUSES: readonly AssetStatus[] = ['open', 'closed', 'unverified'] as const;

export type AssetShape = 'circle' | 'square' | 'diamond' | 'triangle' | 'cross' | 'star' | 'hexagon' | 'pentagon' | 'octagon' | 'bar';

export interface Asset {
  id: string;
  name: string;
  category: AssetCategory;
  /** Source's own sub-type, e.g. "Static Library", "Trussell", "Hospice"; '' when none. */
  subcategory: string;
  address: string;
  /** "OUTCODE INCODE", or '' when the source gave none. */
  postcode: string;
  lon: number;
  lat: number;
  /** Where the record came from, in words. */
  source: string;
  licence: string;
  /** Vintage of the record as the source states it (e.g. "~Sep 2025", "2023", "2025-07-15"); '' if unknown. */
  lastUpdated: string;
  status: AssetStatus;
  /** True when the asset's postcode (or ward) lies in the borough. Assets just outside are kept: residents cross boundaries. */
  inBorough: boolean;
  /** Ward name, when known. */
  ward?: string;
  /** Ward code (a GSS code, E05…), when known. */
  wardCode?: string;
  phone?: string;
  /** Free-text contact (phone, email or web address) from an uploaded file. */
  contact?: string;
  /** Organisation running the asset, when given. */
  organisation?: string;
  /** Services offered, free text, when given. */
  services?: string;
  /** False when the listing comes from a secondary or unconfirmed source. */
  verified?: boolean;
}

export interface AssetCategoryDef {
  id: AssetCategory;
  label: string;
  /** Okabe–Ito colour (colour-blind safe). */
  colour: string;
  /** Outline colour chosen for contrast with the fill. */
  stroke: string;
  shape: AssetShape;
  /** Points without names (OpenStreetMap extracts): counted and mapped, never searched by name. */
  unnamed?: true;
}

/** Display order is the legend order. Each category differs in shape as well as colour. */
export const ASSET_CATEGORIES: readonly AssetCategoryDef[] = [
  { id: 'gp', label: 'GP practices', colour: '#0072B2', stroke: '#FFFFFF', shape: 'circle' },
  { id: 'pharmacy', label: 'Pharmacies', colour: '#009E73', stroke: '#FFFFFF', shape: 'cross' },
  { id: 'library', label: 'Libraries', colour: '#E69F00', stroke: '#000000', shape: 'square' },
  { id: 'food_bank', label: 'Food banks', colour: '#D55E00', stroke: '#FFFFFF', shape: 'triangle' },
  { id: 'nhs_other', label: 'Other NHS services', colour: '#56B4E9', stroke: '#000000', shape: 'diamond' },
  // OpenStreetMap points: Okabe–Ito has no colour left, so two of Paul Tol's colour-blind-safe set, each with a shape of its own.
  { id: 'osm_park', label: 'Parks (OpenStreetMap)', colour: '#117733', stroke: '#FFFFFF', shape: 'octagon', unnamed: true },
  { id: 'osm_gym', label: 'Gyms and fitness centres (OpenStreetMap)', colour: '#882255', stroke: '#FFFFFF', shape: 'bar', unnamed: true },
  { id: 'hub', label: 'Community hubs', colour: '#CC79A7', stroke: '#000000', shape: 'hexagon' },
  { id: 'champion_org', label: 'Community champions', colour: '#F0E442', stroke: '#000000', shape: 'star' },
  // Points from a person's own file: the remaining Okabe–Ito colour (black) with a white outline, and a shape of its own.
  { id: 'user', label: 'Your points', colour: '#000000', stroke: '#FFFFFF', shape: 'pentagon' },
] as const;

export const ASSET_CATEGORY_IDS: readonly AssetCategory[] = ASSET_CATEGORIES.map((c) => c.id);

const CATEGORY_BY_ID = new Map<AssetCategory, AssetCategoryDef>(ASSET_CATEGORIES.map((c) => [c.id, c]));

export function categoryDef(id: AssetCategory): AssetCategoryDef {
  const d = CATEGORY_BY_ID.get(id);
  if (!d) throw new Error(`unknown asset category ${id}`);
  return d;
}

export function isAssetCategory(x: unknown): x is AssetCategory {
  return typeof x === 'string' && CATEGORY_BY_ID.has(x as AssetCategory);
}

// ---------------------------------------------------------------- validation and text cleaning

/** Plausible UK range (mainland, islands and Northern Ireland) in WGS84. */
export const UK_BOUNDS = { minLon: -8.7, maxLon: 1.8, minLat: 49.8, maxLat: 60.9 } as const;

export function inUk(lon: number, lat: number): boolean {
  return (
    Number.isFinite(lon) &&
    Number.isFinite(lat) &&
    lon >= UK_BOUNDS.minLon &&
    lon <= UK_BOUNDS.maxLon &&
    lat >= UK_BOUNDS.minLat &&
    lat <= UK_BOUNDS.maxLat
  );
}

const str = (v: unknown) => cleanText(v).text;

function optStr(v: unknown): string | undefined {
  const s = str(v);
  return s ? s : undefined;
}

/**
 * Check an unknown value against the Asset schema. Strings are cleaned (see cleanText).
 * Never throws.
 */
export function validateAsset(raw: unknown): { asset: Asset } | { error: string } {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { error: 'not an object' };
  const r = raw as Record<string, unknown>;
  const id = str(r.id);
  if (!id) return { error: 'missing id' };
  const name = str(r.name);
  if (!name) return { error: `${id}: missing name` };
  if (!isAssetCategory(r.category)) return { error: `${id}: unknown category "${str(r.category).slice(0, 40)}"` };
  if (typeof r.lon !== 'number' || typeof r.lat !== 'number' || !Number.isFinite(r.lon) || !Number.isFinite(r.lat))
    return { error: `${id}: lon/lat must be finite numbers` };
  if (!inUk(r.lon, r.lat)) return { error: `${id}: lon/lat (${r.lon}, ${r.lat}) outside the UK` };
  if (!ASSET_STATUSES.includes(r.status as AssetStatus)) return { error: `${id}: unknown status "${str(r.status).slice(0, 40)}"` };
  if (typeof r.inBorough !== 'boolean') return { error: `${id}: inBorough must be true or false` };
  if (r.verified !== undefined && typeof r.verified !== 'boolean') return { error: `${id}: verified must be true or false when given` };
  for (const k of ['subcategory', 'address', 'postcode', 'source', 'licence', 'lastUpdated'] as const) {
    if (r[k] !== undefined && r[k] !== null && typeof r[k] !== 'string') return { error: `${id}: ${k} must be text` };
  }
  const source = str(r.source);
  if (!source) return { error: `${id}: missing source` };
  const licence = str(r.licence);
  if (!licence) return { error: `${id}: missing licence` };
  const asset: Asset = {
    id,
    name,
    category: r.category,
    subcategory: str(r.subcategory),
    address: str(r.address),
    postcode: str(r.postcode).toUpperCase(),
    lon: r.lon,
    lat: r.lat,
    source,
    licence,
    lastUpdated: str(r.lastUpdated),
    status: r.status as AssetStatus,
    inBorough: r.inBorough,
  };
  const opt = { ward: optStr(r.ward), wardCode: optStr(r.wardCode), phone: optStr(r.phone), contact: optStr(r.contact), organisation: optStr(r.organisation), services: optStr(r.services) };
  for (const [k, v] of Object.entries(opt)) if (v !== undefined) (asset as unknown as Record<string, unknown>)[k] = v;
  if (typeof r.verified === 'boolean') asset.verified = r.verified;
  return { asset };
}

/** Counts by category (every category present, zero when none). */
export function countByCategory(assets: readonly Pick<Asset, 'category'>[]): Record<AssetCategory, number> {
  const out = Object.fromEntries(ASSET_CATEGORY_IDS.map((c) => [c, 0])) as Record<AssetCategory, number>;
  for (const a of assets) out[a.category]++;
  return out;
}

/** Access summaries the build produces: one per category, aligned with the LSOA code list. */
export interface AssetAccess {
  id: string;
  label: string;
  category: AssetCategory;
  /** Straight-line metres from each LSOA's population-weighted centroid to the nearest included asset. */
  lsoaDistanceM: number[];
  /** Included assets within 1 km of each LSOA's population-weighted centroid. */
  lsoaCount1km: number[];
  /** Which assets were included, in words. */
  note: string;
}
