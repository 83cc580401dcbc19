/**
 * Build module for community assets: reads the asset GeoJSONs in data/assets/ (see data/assets/PROVENANCE.md),
 * checks them against the shared Asset schema, and works out straight-line access from each LSOA's
 * population-weighted centroid. Throws on any mismatch (the data build reports it and stops).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { parseCsv, missingColumns, toNumber } from '../src/lib/core/csv';
import { countByCategory, inUk, validateAsset, categoryDef, type Asset, type AssetAccess, type AssetCategory } from '../src/lib/assets/categories';
import { haversineMetres } from '../src/lib/core/geo';
import { normalisePostcode } from '../src/lib/core/text';

export interface AssetsBuildContext {
  /** The data/ directory. */
  dataDir: string;
  /** LSOA codes in the order the app uses. */
  lsoaCodes: string[];
  /** Population-weighted centroid [lon, lat] per LSOA, aligned with lsoaCodes. */
  lsoaPwc: [number, number][];
}

export interface AssetsBuildResult {
  assets: Asset[];
  access: AssetAccess[];
  summary: string[];
}

export interface GeocodedPostcode {
  lon: number;
  lat: number;
  wardCode: string;
  wardName: string;
  ladCode: string;
}

/** Study bounding box from PROVENANCE.md (lon -1.45..-1.15, lat 54.45..54.65), with a little slack. */
const STUDY_BBOX = { minLon: -1.46, maxLon: -1.14, minLat: 54.44, maxLat: 54.66 };

interface SourceFile {
  file: string;
  category: AssetCategory;
  /** The `category` property each feature must carry in the file. */
  fileCategory: string;
}

export const ASSET_SOURCE_FILES: readonly SourceFile[] = [
  { file: 'assets/gp_practices_nhs_ods.geojson', category: 'gp', fileCategory: 'gp_surgery' },
  { file: 'assets/pharmacies_nhs_ods.geojson', category: 'pharmacy', fileCategory: 'pharmacy' },
  { file: 'assets/libraries_dcms_2023.geojson', category: 'library', fileCategory: 'library' },
  { file: 'assets/food_banks_givefood.geojson', category: 'food_bank', fileCategory: 'food_bank' },
  { file: 'assets/nhs_other_services_nhs_ods.geojson', category: 'nhs_other', fileCategory: 'health_service' },
];

/** Which assets count towards each access measure, and how that is explained. */
export const ACCESS_RULES: readonly { category: AssetCategory; label: string; include: (a: Asset) => boolean; note: string }[] = [
  {
    category: 'gp',
    label: 'Distance to nearest GP practice',
    include: (a) => a.status === 'open',
    note: 'Active GP practices (NHS ODS epraccur, main sites only: branch surgeries are not listed), including practices just outside the borough.',
  },
  {
    category: 'pharmacy',
    label: 'Distance to nearest pharmacy',
    include: (a) => a.status === 'open',
    note: 'Active pharmacies (NHS ODS edispensary, ~Apr 2025), including pharmacies just outside the borough. Distance-selling pharmacies cannot be told apart and are included.',
  },
  {
    category: 'library',
    label: 'Distance to nearest public library',
    include: (a) => a.status === 'open' && a.subcategory === 'Static Library',
    note: 'Open static libraries (DCMS 2023). Closed libraries, prison libraries and the mobile library depot are excluded. Libraries outside the borough are not in the data.',
  },
  {
    category: 'food_bank',
    label: 'Distance to nearest listed food bank',
    include: (a) => a.status === 'open' || a.status === 'unverified',
    note: 'All listed food banks (Give Food), including 3 unverified listings. The list is not exhaustive: pantries and community larders are missing, so real distances may be shorter.',
  },
];

function readJson(dataDir: string, rel: string): FeatureCollection {
  const fc = JSON.parse(readFileSync(join(dataDir, rel), 'utf8')) as FeatureCollection;
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) throw new Error(`${rel}: not a FeatureCollection`);
  return fc;
}

/** "NHS ODS ... , vintage ~Sep 2025" -> "~Sep 2025"; food bank "record modified 2025-07-15" -> "2025-07-15". */
function vintageOf(props: Record<string, unknown>, rel: string): string {
  const v = typeof props.vintage === 'string' ? props.vintage : '';
  if (v) return v.match(/\d{4}-\d{2}-\d{2}/)?.[0] ?? v;
  const src = typeof props.source === 'string' ? props.source : '';
  const m = src.match(/vintage\s+(.+)$/i) ?? src.match(/\b((?:19|20)\d{2})\b/);
  if (m) return m[1].trim();
  throw new Error(`${rel}: ${String(props.id)} has no vintage in "vintage" or "source"`);
}

/** Read one asset GeoJSON into Assets, checking every feature. */
function readAssetFile(dataDir: string, src: SourceFile): Asset[] {
  const rel = src.file;
  const fc = readJson(dataDir, rel);
  if (!fc.features.length) throw new Error(`${rel}: no features`);
  return fc.features.map((f, i) => {
    const p = (f.properties ?? {}) as Record<string, unknown>;
    const where = `${rel} feature ${i} (${String(p.id ?? '?')})`;
    if (f.geometry?.type !== 'Point') throw new Error(`${where}: geometry is not a Point`);
    const [lon, lat] = f.geometry.coordinates;
    if (!(lon >= STUDY_BBOX.minLon && lon <= STUDY_BBOX.maxLon && lat >= STUDY_BBOX.minLat && lat <= STUDY_BBOX.maxLat))
      throw new Error(`${where}: point ${lon},${lat} is outside the study area`);
    if (p.category !== src.fileCategory) throw new Error(`${where}: category "${String(p.category)}", expected "${src.fileCategory}"`);
    if (typeof p.in_borough !== 'boolean') throw new Error(`${where}: in_borough is not true/false`);
    let status: Asset['status'] = 'open';
    let verified: boolean | undefined;
    if (src.category === 'library') {
      if (p.status !== 'open' && p.status !== 'closed') throw new Error(`${where}: library status "${String(p.status)}" is not open/closed`);
      status = p.status;
    } else if (p.status !== undefined) {
      throw new Error(`${where}: unexpected status property`);
    }
    if (src.category === 'food_bank') {
      if (typeof p.verified !== 'boolean') throw new Error(`${where}: food bank has no verified flag`);
      verified = p.verified;
      status = p.verified ? 'open' : 'unverified';
    }
    const postcode = typeof p.postcode === 'string' ? p.postcode : '';
    if (postcode && normalisePostcode(postcode) !== postcode) throw new Error(`${where}: postcode "${postcode}" is not in "OUTCODE INCODE" form`);
    const res = validateAsset({
      id: p.id,
      name: p.name,
      category: src.category,
      subcategory: p.subcategory ?? '',
      address: p.address ?? '',
      postcode,
      lon,
      lat,
      source: p.source,
      licence: p.licence,
      lastUpdated: vintageOf(p, rel),
      status,
      inBorough: p.in_borough,
      ward: p.ward_name || undefined,
      wardCode: p.ward_code || undefined,
      phone: p.phone || undefined,
      organisation: src.category === 'food_bank' ? p.organisation || undefined : undefined,
      verified,
    });
    if ('error' in res) throw new Error(`${rel}: ${res.error}`);
    return res.asset;
  });
}

function median(sorted: number[]): number {
  const n = sorted.length;
  return n % 2 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

export function buildAssets(ctx: AssetsBuildContext): AssetsBuildResult {
  const { dataDir, lsoaCodes, lsoaPwc } = ctx;
  if (lsoaCodes.length !== lsoaPwc.length) throw new Error(`assets: ${lsoaCodes.length} LSOA codes but ${lsoaPwc.length} centroids`);
  lsoaPwc.forEach(([lon, lat], i) => {
    if (!inUk(lon, lat)) throw new Error(`assets: LSOA ${lsoaCodes[i]} centroid ${lon},${lat} is not a UK [lon, lat]`);
  });

  const assets = ASSET_SOURCE_FILES.flatMap((src) => readAssetFile(dataDir, src));
  const ids = new Set<string>();
  for (const a of assets) {
    if (ids.has(a.id)) throw new Error(`assets: duplicate id ${a.id}`);
    ids.add(a.id);
  }

  const summary: string[] = [];
  const all = countByCategory(assets);
  const inB = countByCategory(assets.filter((a) => a.inBorough));
  summary.push(
    `assets: ${assets.length} (${ASSET_SOURCE_FILES.map((s) => `${s.category} ${all[s.category]}, ${inB[s.category]} in borough`).join('; ')})`,
  );
  const closed = assets.filter((a) => a.status === 'closed').length;
  const unverified = assets.filter((a) => a.status === 'unverified').length;
  summary.push(`assets: ${closed} closed (kept for history), ${unverified} unverified`);

  const access: AssetAccess[] = ACCESS_RULES.map((rule) => {
    const pts = assets.filter((a) => a.category === rule.category && rule.include(a));
    if (!pts.length) throw new Error(`assets: no ${rule.category} assets for the access measure`);
    const lsoaDistanceM: number[] = [];
    const lsoaCount1km: number[] = [];
    for (const c of lsoaPwc) {
      let best = Infinity;
      let n = 0;
      for (const a of pts) {
        const d = haversineMetres(c, [a.lon, a.lat]);
        if (d < best) best = d;
        if (d <= 1000) n++;
      }
      lsoaDistanceM.push(Math.round(best));
      lsoaCount1km.push(n);
    }
    const sorted = [...lsoaDistanceM].sort((a, b) => a - b);
    summary.push(
      `access ${rule.category}: ${pts.length} ${categoryDef(rule.category).label.toLowerCase()} used; LSOA distance min ${sorted[0]} m, median ${Math.round(median(sorted))} m, max ${sorted[sorted.length - 1]} m; ${lsoaCount1km.filter((n) => n === 0).length} LSOAs with none within 1 km`,
    );
    return { id: `access_${rule.category}`, label: rule.label, category: rule.category, lsoaDistanceM, lsoaCount1km, note: rule.note };
  });

  return { assets, access, summary };
}

/**
 * Postcode -> point, ward and district, from OS Code-Point Open: all TS postcodes plus the borough's DL2 postcodes.
 * Keys are "OUTCODE INCODE".
 */
export function postcodeGeocoder(dataDir: string): Map<string, GeocodedPostcode> {
  const m = new Map<string, GeocodedPostcode>();
  for (const rel of ['assets/postcodes_ts_area.csv', 'assets/postcodes_stockton_on_tees.csv']) {
    const t = parseCsv(readFileSync(join(dataDir, rel), 'utf8'));
    if (t.errors.length) throw new Error(`${rel}: CSV errors: ${t.errors.slice(0, 5).join('; ')}`);
    const miss = missingColumns(t, ['postcode', 'lat', 'lon', 'ward_code', 'ward_name', 'lad_code']);
    if (miss.length) throw new Error(`${rel}: missing columns ${miss.join(', ')}`);
    for (const r of t.rows) {
      const pc = normalisePostcode(r.postcode);
      const lon = toNumber(r.lon);
      const lat = toNumber(r.lat);
      if (!pc || lon === null || lat === null || !inUk(lon, lat)) throw new Error(`${rel}: bad row for postcode "${r.postcode}"`);
      m.set(pc, { lon, lat, wardCode: r.ward_code, wardName: r.ward_name, ladCode: r.lad_code });
    }
  }
  return m;
}

/** LSOA codes and population-weighted centroids from the boundary lookup (data/boundaries/stockton_lsoa21_lookup.csv). */
export function readLsoaPwc(dataDir: string, rel = 'boundaries/stockton_lsoa21_lookup.csv'): { lsoaCodes: string[]; lsoaPwc: [number, number][] } {
  const t = parseCsv(readFileSync(join(dataDir, rel), 'utf8'));
  if (t.errors.length) throw new Error(`${rel}: CSV errors: ${t.errors.slice(0, 5).join('; ')}`);
  const miss = missingColumns(t, ['LSOA21CD', 'pwc_lon', 'pwc_lat']);
  if (miss.length) throw new Error(`${rel}: missing columns ${miss.join(', ')}`);
  const lsoaCodes: string[] = [];
  const lsoaPwc: [number, number][] = [];
  for (const r of t.rows) {
    const lon = toNumber(r.pwc_lon);
    const lat = toNumber(r.pwc_lat);
    if (lon === null || lat === null || !inUk(lon, lat)) throw new Error(`${rel}: ${r.LSOA21CD} has no usable centroid`);
    lsoaCodes.push(r.LSOA21CD);
    lsoaPwc.push([lon, lat]);
  }
  return { lsoaCodes, lsoaPwc };
}
